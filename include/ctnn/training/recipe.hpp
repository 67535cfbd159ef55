#pragma once
// How to train: the loss, the optimizer, how many epochs, and how often to record the
// loss. Counts are part of the type because they size the loss history, which must be
// a fixed-size array to be a constant.
#include <cstddef>

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

template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
struct recipe {
    static constexpr std::size_t epochs = Epochs;
    static constexpr std::size_t log_every = LogEvery;
    // The loss is recorded before the update of epochs 0, LogEvery, 2 LogEvery, ...
    static constexpr std::size_t log_count = (Epochs + LogEvery - 1) / LogEvery;

    Loss loss;
    Optimizer optimizer;

    constexpr recipe(Loss l, Optimizer o, epochs_t<Epochs>, log_every_t<LogEvery> = {}) noexcept
        : loss(l), optimizer(o) {}
};

template <class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
recipe(Loss, Optimizer, epochs_t<Epochs>, log_every_t<LogEvery>) -> recipe<Loss, Optimizer, Epochs, LogEvery>;
template <class Loss, class Optimizer, std::size_t Epochs>
recipe(Loss, Optimizer, epochs_t<Epochs>) -> recipe<Loss, Optimizer, Epochs, Epochs>;

}  // namespace ctnn
