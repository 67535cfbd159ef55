#pragma once
// Everything one layer needs while it trains, allocated once per training run: the
// layer's own parameters, the optimizer's slot for each of them, the layer's activations
// and delta for the batch, and the gradient it passes down.
#include <cstddef>

#include <ctnn/detail/kernel_spelling.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn::detail {

// The optimizer's per-parameter state for one layer: the weights' slots, then the biases'.
template <class Layer, class Optimizer>
struct layer_slots {
    typename Optimizer::slot values[Layer::parameter_count]{};
};

// S: the spelling of the layer's kernels (kernel_spelling.hpp).
template <class Layer, std::size_t Batch, class Optimizer, bool IsFirst, kernel_spelling S>
struct layer_workspace {
    using input_t = matrix<Batch, Layer::inputs>;
    using output_t = matrix<Batch, Layer::outputs>;

    Layer layer;
    layer_slots<Layer, Optimizer> slots;
    const input_t* x = nullptr;  // the batch this layer saw in the last forward pass
    output_t a{};
    output_t delta{};
    input_t dL_dx{};  // unused by the first layer, which has no layer below it

    constexpr const output_t* forward(const input_t& in) noexcept {
        x = &in;
        layer.template forward<S>(in, a);
        return &a;
    }

    // Takes dL/da, updates the parameters, returns dL/dx for the layer below.
    constexpr const input_t* backward(const output_t& dL_da, const Optimizer& opt,
                                      const typename Optimizer::state& shared) noexcept {
        Layer::template output_delta<S>(a, dL_da, delta);
        if constexpr (!IsFirst) layer.template input_gradient<S>(delta, dL_dx);
        layer.template update<S>(*x, delta, opt, slots.values, shared);
        return &dL_dx;
    }
};

}  // namespace ctnn::detail
