#pragma once
// The workspaces of a whole network while it trains: one local variable per layer, each in
// a stack frame of its own, and the passes through them. A constant evaluator reads a
// member by walking the path from the variable that holds it, at every read: with the
// workspaces nested one inside the next (first layer outermost), a kernel's every read
// of its weights and activations walked one or two members more, and compile-time
// training cost more than with each workspace a local of its own: XOR's 5.4 % more on
// GCC, a 64-16-10 network's 4.4 % on GCC and 2.4 % on Clang 14 (callgrind, 2026-12-06).
// Clang 19's new interpreter does not care. A pass is one call per layer either way.
#include <cstddef>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>

#include <ctnn/detail/layer_workspace.hpp>
#include <ctnn/losses/loss.hpp>

namespace ctnn::detail {

// The activation of the layer below layer I; void below the first.
template <std::size_t I, class Network>
struct activation_below_impl {
    using type =
        typename std::remove_cvref_t<decltype(std::declval<const Network&>().template layer<I - 1>())>::activation_type;
};
template <class Network>
struct activation_below_impl<0, Network> {
    using type = void;
};
template <std::size_t I, class Network>
using activation_below = typename activation_below_impl<I, Network>::type;

// Returns loop(w_0, ..., w_{depth-1}), w_I the workspace of layer I of `net` with its
// optimizer slots from `memory`, batches of Batch rows, kernels spelled S. The recursion
// runs once per training run; the loop inside it, once per update.
template <std::size_t Batch, class Optimizer, kernel_spelling S, std::size_t I = 0, class Network, class Memory,
          class Loop, class... Workspaces>
constexpr auto with_workspaces(const Network& net, const Memory& memory, const Loop& loop, Workspaces&... ws) {
    if constexpr (I == Network::depth) {
        return loop(ws...);
    } else {
        using layer_type = std::remove_cvref_t<decltype(net.template layer<I>())>;
        layer_workspace<layer_type, Batch, Optimizer, S, activation_below<I, Network>> w{
            net.template layer<I>(), boost::hana::at_c<I>(memory.layers)};
        return with_workspaces<Batch, Optimizer, S, I + 1>(net, memory, loop, ws..., w);
    }
}

// The passes work on the workspaces' members directly: a member function of the workspace
// for each step would be one more call per layer and pass, which the constant evaluators
// charge for (with the one-batch loop of train.hpp, measured in docs/compile_time.md).

// The forward pass: x through every layer; returns the last layer's outputs.
template <class X, class Workspace, class... Rest>
constexpr const auto& forward_pass(const X& x, Workspace& w, Rest&... rest) noexcept {
    w.x = &x;
    w.layer.template forward<Workspace::spelling>(x, w.a);
    if constexpr (sizeof...(Rest) == 0)
        return w.a;
    else
        return forward_pass(w.a, rest...);
}

// Given layer w's delta, dL/dz: hands the layer below what it takes (its delta, or its
// dL/da) and updates w's parameters; returns what it handed down.
template <class Workspace, class Optimizer>
constexpr const auto* backward_from_delta(Workspace& w, const typename Workspace::output_t& dL_dz, const Optimizer& opt,
                                          const typename Optimizer::state& shared) noexcept {
    using below = typename Workspace::activation_below;
    constexpr kernel_spelling S = Workspace::spelling;
    if constexpr (!std::is_void_v<below>) {
        if constexpr (takes_delta<below>)
            w.layer.template input_delta<S, below>(dL_dz, *w.x, w.down);  // before the update changes W
        else
            w.layer.template input_gradient<S>(dL_dz, w.down);
    }
    w.layer.template update<S>(*w.x, dL_dz, opt, w.slots.values, shared);
    return &w.down;
}

// The same, given dL/da.
template <class Workspace, class Optimizer>
constexpr const auto* backward_from_output(Workspace& w, const typename Workspace::output_t& dL_da,
                                           const Optimizer& opt, const typename Optimizer::state& shared) noexcept {
    using layer_type = std::remove_cvref_t<decltype(w.layer)>;
    layer_type::template output_delta<Workspace::spelling>(w.a, dL_da, w.delta);
    return backward_from_delta(w, w.delta, opt, shared);
}

// The backward pass: from the loss and the targets y, updates every layer. The output
// layer's delta comes from the loss in one pass where the loss gives it (loss.hpp), from
// the loss's gradient, stored in dL_dy_hat, otherwise. Each layer below the last takes
// what the one above hands it: its delta or dL/da (layer_workspace.hpp).
template <class Loss, class Y, class Optimizer, class Workspace, class... Rest>
constexpr const auto* backward_pass(const Loss& loss, const Y& y, Y& dL_dy_hat, const Optimizer& opt,
                                    const typename Optimizer::state& shared, Workspace& w, Rest&... rest) noexcept {
    using act = typename Workspace::activation_type;
    if constexpr (sizeof...(Rest) == 0 && gives_output_delta<Loss, act>) {
        loss.template output_delta<act>(w.a, y, w.delta);
        return backward_from_delta(w, w.delta, opt, shared);
    } else if constexpr (sizeof...(Rest) == 0) {
        loss.gradient(w.a, y, dL_dy_hat);
        return backward_from_output(w, dL_dy_hat, opt, shared);
    } else if constexpr (takes_delta<act>) {
        return backward_from_delta(w, *backward_pass(loss, y, dL_dy_hat, opt, shared, rest...), opt, shared);
    } else {
        return backward_from_output(w, *backward_pass(loss, y, dL_dy_hat, opt, shared, rest...), opt, shared);
    }
}

// Each layer keeps a pointer to the batch it saw last: the first into the caller's data,
// the others into the workspace before them, a local of a caller's frame. A run forgets
// them before it returns: Clang 19's new constant interpreter crashes on returning from a
// function whose large local (over ~512 KB: Adam on a 100 x 100 layer) still holds a
// pointer into an argument.
template <class... Workspaces>
constexpr void forget_inputs(Workspaces&... ws) noexcept {
    ((ws.x = nullptr), ...);
}

}  // namespace ctnn::detail
