#pragma once
// Full-batch training, usable in constant evaluation and at run time alike: the same
// function, so a network trained by the compiler and one trained by the program agree
// bit for bit (given -ffp-contract=off, which the ctnn::ctnn target sets).
#include <array>
#include <cstddef>
#include <utility>

#include <boost/hana/fold_left.hpp>
#include <boost/hana/reverse_fold.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/detail/layer_workspace.hpp>
#include <ctnn/detail/type_at.hpp>
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
};

namespace detail {
// Not constexpr: reaching it in constant evaluation stops compilation, and the
// compiler's note shows the call, epoch included.
inline void training_diverged_loss_is_not_finite_at_epoch(std::size_t) {}

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
}  // namespace detail

template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery>
constexpr auto train(const Network& initial, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery>& how) {
    static_assert(Data::inputs == Network::inputs,
                  "ctnn::train: the dataset's input width does not match the network's input size");
    static_assert(Data::outputs == Network::outputs,
                  "ctnn::train: the dataset's target width does not match the network's output size");
    using indices = std::make_index_sequence<Network::depth>;
    using recipe_t = recipe<Loss, Optimizer, Epochs, LogEvery>;

    auto ws = detail::make_workspaces<Network, Data::samples, Optimizer>(initial, indices{});
    matrix<Data::samples, Network::outputs> dL_dy_hat{};
    trained<Network, recipe_t::log_count> result{initial, {}};

    for (std::size_t epoch = 0; epoch < Epochs; ++epoch) {
        const auto& y_hat = *boost::hana::fold_left(
            ws, &data.x, [](const auto* x, auto& w) { return w.forward(*x); });
        if (epoch % LogEvery == 0) {
            const double loss = how.loss.value(y_hat, data.y);
            if (!math::isfinite(loss)) detail::training_diverged_loss_is_not_finite_at_epoch(epoch);
            result.loss_history[epoch / LogEvery] = loss;
        }
        how.loss.gradient(y_hat, data.y, dL_dy_hat);
        boost::hana::reverse_fold(ws, &dL_dy_hat,
                                  [&](const auto* dL_da, auto& w) { return w.backward(*dL_da, how.optimizer); });
    }
    return trained<Network, recipe_t::log_count>{detail::collect<Network>(ws, indices{}), result.loss_history};
}

}  // namespace ctnn
