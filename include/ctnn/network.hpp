#pragma once
// A feed-forward network: a stack of layers held in a boost::hana::tuple, so that every
// layer keeps its own static sizes, and a forward pass is a fold over the stack.
#include <cstddef>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/detail/constant_evaluation.hpp>
#include <ctnn/detail/type_at.hpp>
#include <ctnn/layers/layer.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

namespace detail {
// Instantiated for every pair of neighbouring layers, so that on a mismatch the compiler
// prints both sizes: in the failed comparison and in this template's arguments.
template <std::size_t Layer, std::size_t LayerOutputs, std::size_t NextLayerInputs>
struct check_layer_sizes_chain {
    static_assert(LayerOutputs == NextLayerInputs,
                  "ctnn::network: layer sizes do not chain: a layer's output size must equal "
                  "the input size of the layer after it");
    static constexpr bool ok = true;
};

template <class... Layers, std::size_t... I>
constexpr bool layers_chain(std::index_sequence<I...>) noexcept {
    return (check_layer_sizes_chain<I, type_at<I, Layers...>::outputs, type_at<I + 1, Layers...>::inputs>::ok &&
            ... && true);
}
}  // namespace detail

template <layer... Layers>
    requires(sizeof...(Layers) > 0)
struct network {
    static_assert(detail::layers_chain<Layers...>(std::make_index_sequence<sizeof...(Layers) - 1>{}));

    static constexpr std::size_t depth = sizeof...(Layers);
    static constexpr std::size_t inputs = detail::type_at<0, Layers...>::inputs;
    static constexpr std::size_t outputs = detail::type_at<depth - 1, Layers...>::outputs;

    boost::hana::tuple<Layers...> layers;

    template <std::size_t I>
    [[nodiscard]] constexpr const auto& layer() const noexcept { return boost::hana::at_c<I>(layers); }
    template <std::size_t I>
    [[nodiscard]] constexpr auto& layer() noexcept { return boost::hana::at_c<I>(layers); }

    // The network's outputs for a batch of inputs, one sample per row.
    //
    // In the compiler, from copies of the network and of the inputs that are not const: a
    // network the compiler trained, and its test data, are mostly namespace-scope constants,
    // and the evaluators read a const object for more than a local that is not. The digits'
    // 357 test images through their softmax layer (callgrind, 2026-12-06), read in place /
    // from const copies of both / from a copy of the network:
    // g++ 12 1.49x / 1.38x / 1.31x the floor, clang++ 14 2.21x / 2.05x / 1.66x, clang++ 19's
    // new interpreter 1.16x / 1.27x / 1.18x. Copying the inputs too, as below, costs clang++
    // 14 0.84x the instructions of a copy of the network alone, classic clang++ 19 0.87x,
    // g++ 0.99x, but the new interpreter 1.08x (+0.18 x 10^9, where clang++ 14 saves 0.70):
    // the preprocessor cannot tell Clang's two evaluators apart, and the classic one gains more.
    template <std::size_t B>
    [[nodiscard]] constexpr matrix<B, outputs> predict(const matrix<B, inputs>& x) const noexcept {
        if (detail::constant_evaluated()) {
            network local = *this;        // not const: see above
            matrix<B, inputs> batch = x;  // likewise
            return local.forward(batch);
        }
        return forward(x);
    }

    // The same outputs, read from this object where it is, without predict's copy: for a
    // caller that already works on a local network and asks for many batches, such as
    // verification::prove, one row for each piece of its region.
    template <std::size_t B>
    [[nodiscard]] constexpr matrix<B, outputs> forward(const matrix<B, inputs>& x) const noexcept {
        return boost::hana::fold_left(layers, x, [](const auto& in, const auto& l) { return l.forward(in); });
    }

    friend constexpr bool operator==(const network& a, const network& b) noexcept {
        return a.equal(b, std::make_index_sequence<depth>{});
    }

private:
    template <std::size_t... I>
    constexpr bool equal(const network& o, std::index_sequence<I...>) const noexcept {
        return ((layer<I>() == o.template layer<I>()) && ...);
    }
};

}  // namespace ctnn
