#pragma once
// A fully connected layer, y = act(x W + b), with its sizes in the type.
//
// The kernels work on a whole batch in place: the training loop owns every buffer, so
// nothing is allocated, copied or returned by value per epoch, which is what keeps
// compile-time training cheap on both constant evaluators. Sums run over the index in
// ascending order, the order numpy's matrix products use for these shapes.
#include <cstddef>
#include <utility>

#include <ctnn/activations/activation.hpp>
#include <ctnn/optimizers/optimizer.hpp>
#include <ctnn/tensor/detail/unrolled.hpp>
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

    // Each kernel comes twice, as loops and unrolled (tensor/detail/unrolled.hpp); the
    // public ones pick the unrolled form when its folds are short enough. Both add in the
    // same order, so they agree bit for bit (tests/static/kernels_static.cpp).
    template <std::size_t B>
    constexpr void forward(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        if constexpr (detail::unrollable<B * Out, In>)
            forward_unrolled(x, a, std::make_index_sequence<B * Out>{});
        else
            forward_looped(x, a);
        if constexpr (!elementwise_activation<Act>)
            for (std::size_t n = 0; n < B; ++n) Act::apply_row(&a.data[n * Out], Out);
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
        if constexpr (!elementwise_activation<Act>) {
            for (std::size_t n = 0; n < B; ++n)
                Act::backprop_row(&a.data[n * Out], &dL_da.data[n * Out], &delta.data[n * Out], Out);
        } else if constexpr (detail::unrollable<B * Out>) {
            output_delta_unrolled(a, dL_da, delta, std::make_index_sequence<B * Out>{});
        } else {
            for (std::size_t i = 0; i < B * Out; ++i)
                delta.data[i] = dL_da.data[i] * Act::derivative_from_output(a.data[i]);
        }
    }

    // dL/dx = delta W^T, for the layer below. Must run before the update changes W.
    template <std::size_t B>
    constexpr void input_gradient(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        if constexpr (detail::unrollable<B * In, Out>)
            input_gradient_unrolled(delta, dL_dx, std::make_index_sequence<B * In>{});
        else
            input_gradient_looped(delta, dL_dx);
    }

    // dW = x^T delta and db = the column sums of delta, each handed to the optimizer as
    // soon as it is known so that no gradient matrix has to be stored. slots[i] is the
    // optimizer's memory of parameter i: the weights in row-major order, then the biases.
    template <std::size_t B, class Optimizer, class Slots, class State>
    constexpr void update(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt, Slots& slots,
                          const State& shared) noexcept {
        if constexpr (detail::unrollable<In * Out, Out, B>)
            update_unrolled(x, delta, opt, slots, shared, std::make_index_sequence<In * Out>{},
                            std::make_index_sequence<Out>{});
        else
            update_looped(x, delta, opt, slots, shared);
    }

    // The two forms of each kernel, public so that tests can hold them side by side.
    template <std::size_t B>
    constexpr void forward_looped(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        for (std::size_t n = 0; n < B; ++n)
            for (std::size_t o = 0; o < Out; ++o) {
                double z = x.data[n * In] * W.data[o];
                for (std::size_t k = 1; k < In; ++k) z += x.data[n * In + k] * W.data[k * Out + o];
                if constexpr (elementwise_activation<Act>)
                    a.data[n * Out + o] = Act::apply(z + b.data[o]);
                else  // a row-wise activation runs once the row is complete
                    a.data[n * Out + o] = z + b.data[o];
            }
    }
    template <std::size_t B, std::size_t... I>
    constexpr void forward_unrolled(const matrix<B, In>& x, matrix<B, Out>& a, std::index_sequence<I...>) const noexcept {
        // (No helper for x W + b: every call costs the constant evaluators more than the
        // arithmetic inside it.)
        if constexpr (elementwise_activation<Act>)
            ((a.data[I] = Act::apply(detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                                     b.data[detail::index<I % Out>])),
             ...);
        else
            ((a.data[I] = detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                          b.data[detail::index<I % Out>]),
             ...);
    }

    template <std::size_t B, std::size_t... I>
    static constexpr void output_delta_unrolled(const matrix<B, Out>& a, const matrix<B, Out>& dL_da,
                                                matrix<B, Out>& delta, std::index_sequence<I...>) noexcept {
        ((delta.data[I] = dL_da.data[I] * Act::derivative_from_output(a.data[I])), ...);
    }

    template <std::size_t B>
    constexpr void input_gradient_looped(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        for (std::size_t n = 0; n < B; ++n)
            for (std::size_t k = 0; k < In; ++k) {
                double g = delta.data[n * Out] * W.data[k * Out];
                for (std::size_t o = 1; o < Out; ++o) g += delta.data[n * Out + o] * W.data[k * Out + o];
                dL_dx.data[n * In + k] = g;
            }
    }
    template <std::size_t B, std::size_t... I>
    constexpr void input_gradient_unrolled(const matrix<B, Out>& delta, matrix<B, In>& dL_dx,
                                           std::index_sequence<I...>) const noexcept {
        if constexpr (Out == 1)  // one term each: no call (a network's output layer, mostly)
            ((dL_dx.data[I] = delta.data[detail::index<I / In>] * W.data[detail::index<I % In>]), ...);
        else
            ((dL_dx.data[I] = detail::strided_dot<I / In * Out, 1, I % In * Out, 1, Out>::dot(delta, W)), ...);
    }

    template <std::size_t B, class Optimizer, class Slots, class State>
    constexpr void update_looped(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt,
                                 Slots& slots, const State& shared) noexcept {
        for (std::size_t k = 0; k < In; ++k)
            for (std::size_t o = 0; o < Out; ++o) {
                double g = x.data[k] * delta.data[o];
                for (std::size_t n = 1; n < B; ++n) g += x.data[n * In + k] * delta.data[n * Out + o];
                opt.step(W.data[k * Out + o], g, slots[k * Out + o], shared);
            }
        for (std::size_t o = 0; o < Out; ++o) {
            double g = delta.data[o];
            for (std::size_t n = 1; n < B; ++n) g += delta.data[n * Out + o];
            opt.step(b.data[o], g, slots[In * Out + o], shared);
        }
    }
    template <std::size_t B, class Optimizer, class Slots, class State, std::size_t... I, std::size_t... O>
    constexpr void update_unrolled(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt,
                                   Slots& slots, const State& shared, std::index_sequence<I...>,
                                   std::index_sequence<O...>) noexcept {
        if constexpr (plain_step_optimizer<Optimizer>) {
            const double rate = opt.learning_rate;
            ((W.data[I] -= rate * detail::strided_dot<I / Out, In, I % Out, Out, B>::dot(x, delta)), ...);
            ((b.data[O] -= rate * detail::strided_sum<O, Out, B>::sum(delta)), ...);
        } else {
            (opt.step(W.data[I], detail::strided_dot<I / Out, In, I % Out, Out, B>::dot(x, delta), slots[I], shared),
             ...);
            (opt.step(b.data[O], detail::strided_sum<O, Out, B>::sum(delta), slots[detail::index<In * Out + O>],
                      shared),
             ...);
        }
    }

    static constexpr std::size_t parameter_count = In * Out + Out;
};

}  // namespace ctnn
