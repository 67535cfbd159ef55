#pragma once
// The workspaces of a whole network while it trains, first layer outermost. Nested
// members rather than a boost::hana::tuple: the training loop runs this ten thousand
// times inside one constant evaluation, and a pass through the stack here is one call
// per layer and plain member access, where a fold over a tuple costs the constant
// evaluators several calls of hana's machinery per layer and per pass.
#include <cstddef>

#include <boost/hana/at.hpp>

#include <ctnn/detail/layer_workspace.hpp>

namespace ctnn::detail {

template <std::size_t Batch, class Optimizer, kernel_spelling S, bool IsFirst, class Layer, class... Rest>
struct workspace_stack {
    using top_type = layer_workspace<Layer, Batch, Optimizer, IsFirst, S>;
    using rest_type = workspace_stack<Batch, Optimizer, S, false, Rest...>;
    using input_t = typename top_type::input_t;
    using output_t = typename rest_type::output_t;  // the last layer's

    top_type top;
    rest_type rest;

    // Layers I, I+1, ... of `net`, with their optimizer slots from `memory`.
    template <std::size_t I, class Network, class Memory>
    static constexpr workspace_stack make(const Network& net, const Memory& memory) {
        return {{net.template layer<I>(), boost::hana::at_c<I>(memory.layers)},
                rest_type::template make<I + 1>(net, memory)};
    }

    template <std::size_t I>
    [[nodiscard]] constexpr const auto& at() const noexcept {
        if constexpr (I == 0)
            return top;
        else
            return rest.template at<I - 1>();
    }

    constexpr const output_t& forward(const input_t& x) noexcept { return rest.forward(*top.forward(x)); }

    // Only the first layer's input lies outside the stack (in the caller's dataset). A run
    // forgets it before it returns: Clang 19's new constant interpreter crashes on returning
    // from a function whose large local (over ~512 KB: Adam on a 100 x 100 layer) still
    // holds a pointer into an argument.
    constexpr void forget_input() noexcept { top.x = nullptr; }

    // Takes dL/dy_hat, updates every layer, returns dL/dx of the first.
    constexpr const input_t* backward(const output_t& dL_dy_hat, const Optimizer& opt,
                                      const typename Optimizer::state& shared) noexcept {
        return top.backward(*rest.backward(dL_dy_hat, opt, shared), opt, shared);
    }
};

template <std::size_t Batch, class Optimizer, kernel_spelling S, bool IsFirst, class Layer>
struct workspace_stack<Batch, Optimizer, S, IsFirst, Layer> {
    using top_type = layer_workspace<Layer, Batch, Optimizer, IsFirst, S>;
    using input_t = typename top_type::input_t;
    using output_t = typename top_type::output_t;

    top_type top;

    template <std::size_t I, class Network, class Memory>
    static constexpr workspace_stack make(const Network& net, const Memory& memory) {
        return {{net.template layer<I>(), boost::hana::at_c<I>(memory.layers)}};
    }

    template <std::size_t I>
    [[nodiscard]] constexpr const auto& at() const noexcept {
        static_assert(I == 0);
        return top;
    }

    constexpr const output_t& forward(const input_t& x) noexcept { return *top.forward(x); }

    constexpr void forget_input() noexcept { top.x = nullptr; }

    constexpr const input_t* backward(const output_t& dL_dy_hat, const Optimizer& opt,
                                      const typename Optimizer::state& shared) noexcept {
        return top.backward(dL_dy_hat, opt, shared);
    }
};

}  // namespace ctnn::detail
