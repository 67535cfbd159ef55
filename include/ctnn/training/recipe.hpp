#pragma once
// How to train: the loss, the optimizer, how many epochs, how often to record the loss,
// the mini-batch size, and whether to reshuffle the samples every epoch. Counts are part
// of the type because they size arrays (the loss history, the batch buffers), which must
// have fixed sizes to be constants.
#include <cstddef>
#include <cstdint>
#include <type_traits>

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

// The samples in their dataset order, every epoch (the default).
struct in_order {};

// The samples reshuffled at the start of every epoch, then cut into consecutive batches.
// The order is numpy's: with `rs = np.random.RandomState(seed)`, epoch e trains on the
// rows of the e-th `rs.permutation(n)` -- a generator of its own, apart from the
// initializer's.
struct shuffle_each_epoch {
    std::uint32_t seed = 0;
};

namespace detail {
template <class T>
inline constexpr bool is_sample_order = false;
template <>
inline constexpr bool is_sample_order<in_order> = true;
template <>
inline constexpr bool is_sample_order<shuffle_each_epoch> = true;
}  // namespace detail

// Loss and Optimizer are checked by static_asserts rather than constraints: a failed
// constraint on a class template deduced from `recipe{...}` shows up only as "no viable
// deduction guide", while these name what is wrong.
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery, std::size_t BatchSize = full_batch,
          class Order = in_order>
struct recipe {
    static_assert(ctnn::loss<Loss>,  // qualified: the member `loss` below hides the concept
                  "ctnn::recipe: the first argument is not a loss: a loss has static value(y_hat, y) -> double and "
                  "gradient(y_hat, y, dL_dy_hat) (see ctnn/losses/loss.hpp)");
    static_assert(ctnn::optimizer<Optimizer>,
                  "ctnn::recipe: the second argument is not an optimizer: an optimizer has types state and slot and "
                  "members validate(), begin_step(state&), step(p, g, slot&, state&) (see ctnn/optimizers/optimizer.hpp)");
    static_assert(detail::is_sample_order<Order>,
                  "ctnn::recipe: the sixth argument is not a sample order: ctnn::in_order{} or "
                  "ctnn::shuffle_each_epoch{.seed = ...}");
    // With the full batch, a shuffle would only change the order of the sums.
    static_assert(!(std::is_same_v<Order, shuffle_each_epoch> && BatchSize == full_batch),
                  "ctnn::recipe: shuffle_each_epoch needs mini-batches: give a ctnn::batch_size<N> before it");
    static constexpr std::size_t epochs = Epochs;
    static constexpr std::size_t log_every = LogEvery;
    static constexpr std::size_t batch_size = BatchSize;  // full_batch: the whole dataset
    static constexpr bool shuffles = std::is_same_v<Order, shuffle_each_epoch>;
    using loss_type = Loss;
    using optimizer_type = Optimizer;
    using order_type = Order;
    // Updates per epoch on a dataset of `Samples` samples: one per batch.
    template <std::size_t Samples>
    static constexpr std::size_t batches_per_epoch = Samples / (BatchSize == full_batch ? Samples : BatchSize);
    // The loss is recorded at epochs 0, LogEvery, 2 LogEvery, ...: with the full batch it
    // is the loss before that epoch's update, with mini-batches the mean of the batches'
    // losses, each before its own update.
    static constexpr std::size_t log_count = (Epochs + LogEvery - 1) / LogEvery;

    Loss loss;
    Optimizer optimizer;
    Order order;

    constexpr recipe(Loss l, Optimizer o, epochs_t<Epochs>, log_every_t<LogEvery> = {},
                     batch_size_t<BatchSize == 0 ? 1 : BatchSize> = {}, Order ord = {}) noexcept
        : loss(l), optimizer(o), order(ord) {}
    // Mini-batches without log_every: the loss is logged once, at epoch 0.
    constexpr recipe(Loss l, Optimizer o, epochs_t<Epochs>, batch_size_t<BatchSize == 0 ? 1 : BatchSize>,
                     Order ord = {}) noexcept
        : loss(l), optimizer(o), order(ord) {}
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
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery, std::size_t Batch, class Order>
recipe(Loss, Optimizer, epochs_t<Epochs>, log_every_t<LogEvery>, batch_size_t<Batch>, Order)
    -> recipe<Loss, Optimizer, Epochs, LogEvery, Batch, Order>;
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t Batch>
recipe(Loss, Optimizer, epochs_t<Epochs>, batch_size_t<Batch>)
    -> recipe<Loss, Optimizer, Epochs, (Epochs > 0 ? Epochs : 1), Batch>;
template <class Loss, class Optimizer, std::size_t Epochs, std::size_t Batch, class Order>
recipe(Loss, Optimizer, epochs_t<Epochs>, batch_size_t<Batch>, Order)
    -> recipe<Loss, Optimizer, Epochs, (Epochs > 0 ? Epochs : 1), Batch, Order>;

}  // namespace ctnn
