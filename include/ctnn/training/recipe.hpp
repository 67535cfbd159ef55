#pragma once
// How to train: the loss, the optimizer, how many epochs, how often to record the loss,
// and the mini-batch size. Counts are part of the type because they size arrays (the
// loss history, the batch buffers), which must have fixed sizes to be constants.
#include <cstddef>

#include <ctnn/losses/loss.hpp>
#include <ctnn/optimizers/optimizer.hpp>

namespace ctnn {

template <std::size_t N>
struct epochs_t {
    static_assert(N > 0, "ctnn::epochs: training needs at least one epoch");
    static constexpr std::size_t value = N;
};
template <std::size_t N>
inline constexpr epochs_t<N> epochs{};

template <std::size_t N>
struct log_every_t {
    static_assert(N > 0, "ctnn::log_every: the logging interval must be at least one epoch");
    static constexpr std::size_t value = N;
};
template <std::size_t N>
inline constexpr log_every_t<N> log_every{};

// Samples per update; the dataset is cut into consecutive batches of this size, in order.
template <std::size_t N>
struct batch_size_t {
    static_assert(N > 0, "ctnn::batch_size: a batch needs at least one sample");
    static constexpr std::size_t value = N;
};
template <std::size_t N>
inline constexpr batch_size_t<N> batch_size{};

inline constexpr std::size_t full_batch = 0;

// Loss and Optimizer are checked by static_asserts rather than constraints: a failed
// constraint on a class template deduced from `recipe{...}` shows up only as "no viable
// deduction guide", while these name what is wrong.
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery, std::size_t BatchSize = full_batch>
struct recipe {
    static_assert(ctnn::loss<Loss>,  // qualified: the member `loss` below hides the concept
                  "ctnn::recipe: the first argument is not a loss: a loss has static value(y_hat, y) -> double and "
                  "gradient(y_hat, y, dL_dy_hat) (see ctnn/losses/loss.hpp)");
    static_assert(ctnn::optimizer<Optimizer>,
                  "ctnn::recipe: the second argument is not an optimizer: an optimizer has types state and slot and "
                  "members validate(), begin_step(state&), step(p, g, slot&, state&) (see ctnn/optimizers/optimizer.hpp)");
    static constexpr std::size_t epochs = Epochs;
    static constexpr std::size_t log_every = LogEvery;
    static constexpr std::size_t batch_size = BatchSize;  // full_batch: the whole dataset
    // The loss is recorded at epochs 0, LogEvery, 2 LogEvery, ...: with the full batch it
    // is the loss before that epoch's update, with mini-batches the mean of the batches'
    // losses, each before its own update.
    static constexpr std::size_t log_count = (Epochs + LogEvery - 1) / LogEvery;

    Loss loss;
    Optimizer optimizer;

    constexpr recipe(Loss l, Optimizer o, epochs_t<Epochs>, log_every_t<LogEvery> = {},
                     batch_size_t<BatchSize == 0 ? 1 : BatchSize> = {}) noexcept
        : loss(l), optimizer(o) {}
};

// Without log_every, the loss is logged once, at epoch 0. (epochs<0> has already failed
// its static_assert; logging every 1 then keeps a second error about log_every<0> away.)
template <class Loss, class Optimizer, std::size_t Epochs>
recipe(Loss, Optimizer, epochs_t<Epochs>) -> recipe<Loss, Optimizer, Epochs, (Epochs > 0 ? Epochs : 1)>;
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
recipe(Loss, Optimizer, epochs_t<Epochs>, log_every_t<LogEvery>) -> recipe<Loss, Optimizer, Epochs, LogEvery>;
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery, std::size_t Batch>
recipe(Loss, Optimizer, epochs_t<Epochs>, log_every_t<LogEvery>, batch_size_t<Batch>)
    -> recipe<Loss, Optimizer, Epochs, LogEvery, Batch>;

}  // namespace ctnn
