#pragma once
// Training, usable in constant evaluation and at run time alike: the same function, so
// a network trained by the compiler and one trained by the program agree bit for bit
// (given -ffp-contract=off, which the ctnn::ctnn target sets).
#include <array>
#include <cstddef>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/reverse_fold.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/detail/layer_workspace.hpp>
#include <ctnn/math/fp.hpp>
#include <ctnn/network.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>

namespace ctnn {

template <class Network, std::size_t LogCount>
struct trained {
    Network network;
    // The loss before the update of epochs 0, log_every, 2 log_every, ...
    std::array<double, LogCount> loss_history;
    std::size_t epochs;  // epochs trained so far
};

namespace detail {

// At compile time a throw stops the build; the notes show this call with its arguments.
constexpr void require_finite_loss(double loss, [[maybe_unused]] std::size_t epoch) {
    if (!math::isfinite(loss))
        throw std::domain_error("ctnn::train: training diverged: the loss is NaN or infinite at this epoch");
}

template <class Network, std::size_t Batch, class Optimizer, std::size_t... I>
constexpr auto make_workspaces(const Network& net, std::index_sequence<I...>) {
    return boost::hana::make_tuple(
        layer_workspace<std::remove_cvref_t<decltype(net.template layer<I>())>, Batch, Optimizer, I == 0>{
            net.template layer<I>()}...);
}

template <class Network, class Workspaces, std::size_t... I>
constexpr Network collect(const Workspaces& ws, std::index_sequence<I...>) {
    return Network{{boost::hana::at_c<I>(ws).layer...}};
}

// Epochs [first, first + Epochs) of full-batch training; the loss of every epoch that is
// a multiple of LogEvery goes to *history++.
template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
constexpr Network run(const Network& start, const Data& data, const recipe<Loss, Optimizer, Epochs, LogEvery>& how,
                      std::size_t first, double* history) {
    static_assert(Data::inputs == Network::inputs,
                  "ctnn::train: the dataset's input width does not match the network's input size");
    static_assert(Data::outputs == Network::outputs,
                  "ctnn::train: the dataset's target width does not match the network's output size");
    how.optimizer.validate();
    using indices = std::make_index_sequence<Network::depth>;
    auto ws = make_workspaces<Network, Data::samples, Optimizer>(start, indices{});
    matrix<Data::samples, Network::outputs> dL_dy_hat{};

    for (std::size_t epoch = first; epoch < first + Epochs; ++epoch) {
        const auto& y_hat = *boost::hana::fold_left(ws, &data.x, [](const auto* x, auto& w) { return w.forward(*x); });
        if (epoch % LogEvery == 0) {
            const double loss = how.loss.value(y_hat, data.y);
            require_finite_loss(loss, epoch);
            *history++ = loss;
        }
        how.loss.gradient(y_hat, data.y, dL_dy_hat);
        boost::hana::reverse_fold(ws, &dL_dy_hat,
                                  [&](const auto* dL_da, auto& w) { return w.backward(*dL_da, how.optimizer); });
    }
    return collect<Network>(ws, indices{});
}

}  // namespace detail

// Trains `initial` on `data` as `how` says; returns the trained network and its losses.
template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
constexpr auto train(const Network& initial, const Data& data, const recipe<Loss, Optimizer, Epochs, LogEvery>& how) {
    constexpr std::size_t logged = recipe<Loss, Optimizer, Epochs, LogEvery>::log_count;
    std::array<double, logged> history{};
    const Network net = detail::run(initial, data, how, 0, history.data());
    return trained<Network, logged>{net, history, Epochs};
}

// Goes on training where an earlier run stopped, appending to its loss history. Splitting
// a long run into several constants is how a header keeps GCC's memory in bounds: GCC
// frees nothing while it evaluates one constant (see models/xor.hpp).
template <class Network, std::size_t Logged, class Data, class Loss, class Optimizer, std::size_t Epochs,
          std::size_t LogEvery>
constexpr auto train(const trained<Network, Logged>& from, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery>& how) {
    static_assert(Epochs % LogEvery == 0,
                  "ctnn::train: to continue a run, each part's epochs must be a multiple of log_every");
    constexpr std::size_t total = Logged + recipe<Loss, Optimizer, Epochs, LogEvery>::log_count;
    std::array<double, total> history{};
    for (std::size_t i = 0; i < Logged; ++i) history[i] = from.loss_history[i];
    if (from.epochs % LogEvery != 0)
        throw std::invalid_argument("ctnn::train: the run being continued stopped between two logged epochs");
    const Network net = detail::run(from.network, data, how, from.epochs, history.data() + Logged);
    return trained<Network, total>{net, history, from.epochs + Epochs};
}

}  // namespace ctnn
