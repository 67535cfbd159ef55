#pragma once
// Everything one layer needs while it trains, allocated once per training run: the
// layer's own parameters, the optimizer's slot for each of them, the layer's activations
// and delta for the batch, and what it hands the layer below. The passes through it are
// in workspace_stack.hpp.
#include <cstddef>

#include <ctnn/activations/activation.hpp>
#include <ctnn/detail/kernel_spelling.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn::detail {

// The optimizer's per-parameter state for one layer: the weights' slots, then the biases'.
template <class Layer, class Optimizer>
struct layer_slots {
    typename Optimizer::slot values[Layer::parameter_count]{};
};

// A layer hands the layer below that layer's delta, dL/dz, where its activation is
// element-wise (dense::input_delta), and dL/da otherwise.
template <class Act>
inline constexpr bool takes_delta = elementwise_activation<Act>;

// S: the spelling of the layer's kernels (kernel_spelling.hpp); Below: the activation of
// the layer below, void for the first layer, which has none.
template <class Layer, std::size_t Batch, class Optimizer, kernel_spelling S, class Below>
struct layer_workspace {
    using input_t = matrix<Batch, Layer::inputs>;
    using output_t = matrix<Batch, Layer::outputs>;
    using activation_type = typename Layer::activation_type;
    using activation_below = Below;
    static constexpr kernel_spelling spelling = S;

    Layer layer;
    layer_slots<Layer, Optimizer> slots;
    const input_t* x = nullptr;  // the batch this layer saw in the last forward pass
    output_t a{};
    output_t delta{};  // unused where the layer above hands down the delta
    input_t down{};    // what the layer below takes: its delta, or its dL/da (this layer's dL/dx)
};

}  // namespace ctnn::detail
