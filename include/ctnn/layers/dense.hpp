#pragma once
// A fully connected layer, y = act(x W + b), with its sizes in the type.
//
// The kernels work on a whole batch in place: the training loop owns every buffer, so
// nothing is allocated, copied or returned by value per epoch, which is what keeps
// compile-time training cheap on both constant evaluators. Sums run over the index in
// ascending order, the order numpy's matrix products use for these shapes.
#include <cstddef>

#include <ctnn/activations/activation.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t In, std::size_t Out, activation Act>
struct dense {
    static_assert(In > 0 && Out > 0, "ctnn::dense: a layer needs at least one input and one output");
    static constexpr std::size_t inputs = In;
    static constexpr std::size_t outputs = Out;
    using activation_type = Act;

    matrix<In, Out> W;  // numpy layout: input index is the row
    matrix<1, Out> b;

    friend constexpr bool operator==(const dense&, const dense&) = default;

    template <std::size_t B>
    constexpr void forward(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        for (std::size_t n = 0; n < B; ++n) {
            for (std::size_t o = 0; o < Out; ++o) {
                double z = x.data[n * In] * W.data[o];
                for (std::size_t k = 1; k < In; ++k) z += x.data[n * In + k] * W.data[k * Out + o];
                if constexpr (elementwise_activation<Act>)
                    a.data[n * Out + o] = Act::apply(z + b.data[o]);
                else
                    a.data[n * Out + o] = z + b.data[o];
            }
            if constexpr (!elementwise_activation<Act>) Act::apply_row(&a.data[n * Out], Out);
        }
    }

    template <std::size_t B>
    [[nodiscard]] constexpr matrix<B, Out> forward(const matrix<B, In>& x) const noexcept {
        matrix<B, Out> a{};
        forward(x, a);
        return a;
    }

    // dL/dz from dL/da, given the activations a this layer produced.
    template <std::size_t B>
    static constexpr void output_delta(const matrix<B, Out>& a, const matrix<B, Out>& dL_da,
                                       matrix<B, Out>& delta) noexcept {
        if constexpr (elementwise_activation<Act>) {
            for (std::size_t i = 0; i < B * Out; ++i)
                delta.data[i] = dL_da.data[i] * Act::derivative_from_output(a.data[i]);
        } else {
            for (std::size_t n = 0; n < B; ++n)
                Act::backprop_row(&a.data[n * Out], &dL_da.data[n * Out], &delta.data[n * Out], Out);
        }
    }

    // dL/dx = delta W^T, for the layer below. Must run before the update changes W.
    template <std::size_t B>
    constexpr void input_gradient(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        for (std::size_t n = 0; n < B; ++n)
            for (std::size_t k = 0; k < In; ++k) {
                double g = delta.data[n * Out] * W.data[k * Out];
                for (std::size_t o = 1; o < Out; ++o) g += delta.data[n * Out + o] * W.data[k * Out + o];
                dL_dx.data[n * In + k] = g;
            }
    }

    // dW = x^T delta and db = the column sums of delta, each handed to the optimizer as
    // soon as it is known so that no gradient matrix has to be stored.
    template <std::size_t B, class Step>
    constexpr void update(const matrix<B, In>& x, const matrix<B, Out>& delta, Step&& step) noexcept {
        for (std::size_t k = 0; k < In; ++k)
            for (std::size_t o = 0; o < Out; ++o) {
                double g = x.data[k] * delta.data[o];
                for (std::size_t n = 1; n < B; ++n) g += x.data[n * In + k] * delta.data[n * Out + o];
                step(W.data[k * Out + o], g, k * Out + o);
            }
        for (std::size_t o = 0; o < Out; ++o) {
            double g = delta.data[o];
            for (std::size_t n = 1; n < B; ++n) g += delta.data[n * Out + o];
            step(b.data[o], g, In * Out + o);
        }
    }

    static constexpr std::size_t parameter_count = In * Out + Out;
};

}  // namespace ctnn
