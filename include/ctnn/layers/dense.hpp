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
#include <ctnn/detail/kernel_spelling.hpp>
#include <ctnn/optimizers/optimizer.hpp>
#include <ctnn/tensor/detail/folded.hpp>
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

    // Each kernel comes in two spellings (detail/kernel_spelling.hpp): looped, and unrolled
    // into folds. The public ones take the unrolled form when asked for the interpreted
    // spelling and its folds are short enough, the loops otherwise. Both add in the same
    // order, so they agree bit for bit (tests/static/kernels_static.cpp).
    template <detail::kernel_spelling S = detail::kernel_spelling::interpreted, std::size_t B>
    constexpr void forward(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        if constexpr (S == detail::kernel_spelling::vectorized)
            forward_looped(x, a);
        else if constexpr (detail::unrollable<B * Out, In>)
            forward_unrolled(x, a, std::make_index_sequence<B * Out>{});
        else
            forward_folded(x, a);
        if constexpr (!elementwise_activation<Act>) {
            if constexpr (S == detail::kernel_spelling::interpreted && detail::unrollable<Out> &&
                          requires { Act::template apply_row_of<Out>(a, std::size_t{0}); })
                for (std::size_t n = 0; n < B; ++n) Act::template apply_row_of<Out>(a, n * Out);
            else
                for (std::size_t n = 0; n < B; ++n) Act::apply_row(&a.data[n * Out], Out);
        }
    }

    template <std::size_t B>
    [[nodiscard]] constexpr matrix<B, Out> forward(const matrix<B, In>& x) const noexcept {
        matrix<B, Out> a{};
        forward(x, a);
        return a;
    }

    // dL/dz from dL/da, given the activations a this layer produced.
    template <detail::kernel_spelling S = detail::kernel_spelling::interpreted, std::size_t B>
    static constexpr void output_delta(const matrix<B, Out>& a, const matrix<B, Out>& dL_da,
                                       matrix<B, Out>& delta) noexcept {
        constexpr bool interpreted = S == detail::kernel_spelling::interpreted;
        if constexpr (!elementwise_activation<Act>) {
            if constexpr (interpreted && detail::unrollable<Out> &&
                          requires { Act::template backprop_row_of<Out>(a, dL_da, delta, std::size_t{0}); })
                for (std::size_t n = 0; n < B; ++n) Act::template backprop_row_of<Out>(a, dL_da, delta, n * Out);
            else
                for (std::size_t n = 0; n < B; ++n)
                    Act::backprop_row(&a.data[n * Out], &dL_da.data[n * Out], &delta.data[n * Out], Out);
        } else if constexpr (interpreted && detail::unrollable<B * Out>) {
            output_delta_unrolled(a, dL_da, delta, std::make_index_sequence<B * Out>{});
        } else if constexpr (interpreted && detail::unrollable<Out>) {
            for (std::size_t n = 0; n < B; ++n)
                output_delta_row(a, dL_da, delta, n * Out, std::make_index_sequence<Out>{});
        } else {
            for (std::size_t i = 0; i < B * Out; ++i)
                delta.data[i] = dL_da.data[i] * Act::derivative_from_output(a.data[i]);
        }
    }

    // dL/dx = delta W^T, for the layer below. Must run before the update changes W.
    template <detail::kernel_spelling S = detail::kernel_spelling::interpreted, std::size_t B>
    constexpr void input_gradient(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        if constexpr (S == detail::kernel_spelling::vectorized)
            input_gradient_looped(delta, dL_dx);
        else if constexpr (detail::unrollable<B * In, Out>)
            input_gradient_unrolled(delta, dL_dx, std::make_index_sequence<B * In>{});
        else
            input_gradient_folded(delta, dL_dx);
    }

    // The delta of the layer below, whose activation Below is element-wise and whose outputs
    // are x, the batch this layer saw: dL/dx = delta W^T times Below's derivative at x,
    // what input_gradient() and the layer below's output_delta() compute, bit for bit.
    // Small layers do both in one fold and never store dL/dx, which the seed's network, whose
    // backward pass stores an element every few flops, pays for: an epoch 3.5 % cheaper on
    // Clang 14, 2.7 % on Clang 19's new interpreter, 1.5 % on GCC (callgrind, 2026-12-07).
    // Must run before the update changes W.
    template <detail::kernel_spelling S, elementwise_activation Below, std::size_t B>
    constexpr void input_delta(const matrix<B, Out>& delta, const matrix<B, In>& x,
                               matrix<B, In>& delta_below) const noexcept {
        if constexpr (S == detail::kernel_spelling::interpreted && detail::unrollable<B * In, Out>) {
            input_delta_unrolled<Below>(delta, x, delta_below, std::make_index_sequence<B * In>{});
        } else {
            // Where the kernels loop or fold, a layer has many flops for each element of dL/dx.
            // (output_delta reads only its outputs' count and activation.)
            input_gradient<S>(delta, delta_below);
            dense<1, In, Below>::template output_delta<S>(x, delta_below, delta_below);
        }
    }

    // dW = x^T delta and db = the column sums of delta, handed to the optimizer. slots[i] is
    // the optimizer's memory of parameter i: the weights in row-major order, then the biases.
    template <detail::kernel_spelling S = detail::kernel_spelling::interpreted, std::size_t B, class Optimizer,
              class Slots, class State>
    constexpr void update(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt, Slots& slots,
                          const State& shared) noexcept {
        if constexpr (S == detail::kernel_spelling::vectorized)
            update_looped(x, delta, opt, slots, shared);
        else if constexpr (detail::unrollable<In * Out, Out, B>)
            update_unrolled(x, delta, opt, slots, shared, std::make_index_sequence<In * Out>{},
                            std::make_index_sequence<Out>{});
        else
            update_folded(x, delta, opt, slots, shared);
    }

    // The two forms of each kernel, public so that tests can hold them side by side.
    // The loops run their innermost index over contiguous elements (an output's, or a
    // parameter's), so that each sum is built up across a whole row at once, and apply
    // the activation in a loop of its own: the form an optimising compiler vectorises.
    template <std::size_t B>
    constexpr void forward_looped(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        for (std::size_t n = 0; n < B; ++n) {
            double* z = &a.data[n * Out];
            for (std::size_t o = 0; o < Out; ++o) z[o] = x.data[n * In] * W.data[o];
            for (std::size_t k = 1; k < In; ++k)
                for (std::size_t o = 0; o < Out; ++o) z[o] += x.data[n * In + k] * W.data[k * Out + o];
            for (std::size_t o = 0; o < Out; ++o) z[o] += b.data[o];
        }
        // A row-wise activation runs in forward(), once a row is complete.
        if constexpr (elementwise_activation<Act>)
            for (std::size_t i = 0; i < B * Out; ++i) a.data[i] = Act::apply(a.data[i]);
    }
    template <std::size_t B, std::size_t... I>
    constexpr void forward_unrolled(const matrix<B, In>& x, matrix<B, Out>& a, std::index_sequence<I...>) const noexcept {
        // (No helper for x W + b: every call costs the constant evaluators more than the
        // arithmetic inside it. A whole matrix at once on GCC: detail::assign_whole.)
        if constexpr (elementwise_activation<Act> && detail::assign_whole)
            a = matrix<B, Out>{{Act::apply(detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                                           b.data[detail::index<I % Out>])...}};
        else if constexpr (elementwise_activation<Act>)
            ((a.data[I] = Act::apply(detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                                     b.data[detail::index<I % Out>])),
             ...);
        else if constexpr (detail::assign_whole)
            a = matrix<B, Out>{{(detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                                 b.data[detail::index<I % Out>])...}};
        else
            ((a.data[I] = detail::strided_dot<I / Out * In, 1, I % Out, Out, In>::dot(x, W) +
                          b.data[detail::index<I % Out>]),
             ...);
    }

    template <std::size_t B, std::size_t... I>
    static constexpr void output_delta_unrolled(const matrix<B, Out>& a, const matrix<B, Out>& dL_da,
                                                matrix<B, Out>& delta, std::index_sequence<I...>) noexcept {
        if constexpr (detail::assign_whole)
            delta = matrix<B, Out>{{(dL_da.data[I] * Act::derivative_from_output(a.data[I]))...}};
        else
            ((delta.data[I] = dL_da.data[I] * Act::derivative_from_output(a.data[I])), ...);
    }

    // One sample's row, from element i on: at i + O on GCC, through pointers on Clang (as
    // in softmax.hpp: GCC reads an element through a pointer for far more).
    template <std::size_t B, std::size_t... O>
    static constexpr void output_delta_row(const matrix<B, Out>& a, const matrix<B, Out>& dL_da,
                                           matrix<B, Out>& delta, std::size_t i, std::index_sequence<O...>) noexcept {
        if constexpr (detail::fold_by_index) {
            ((delta.data[i + O] = dL_da.data[i + O] * Act::derivative_from_output(a.data[i + O])), ...);
        } else {
            const double* p = a.data + i;
            const double* q = dL_da.data + i;
            double* r = delta.data + i;
            ((r[O] = q[O] * Act::derivative_from_output(p[O])), ...);
        }
    }

    template <std::size_t B>
    constexpr void input_gradient_looped(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        for (std::size_t n = 0; n < B; ++n) {
            double* g = &dL_dx.data[n * In];
            for (std::size_t k = 0; k < In; ++k) g[k] = delta.data[n * Out] * W.data[k * Out];
            for (std::size_t o = 1; o < Out; ++o)
                for (std::size_t k = 0; k < In; ++k) g[k] += delta.data[n * Out + o] * W.data[k * Out + o];
        }
    }
    template <std::size_t B, std::size_t... I>
    constexpr void input_gradient_unrolled(const matrix<B, Out>& delta, matrix<B, In>& dL_dx,
                                           std::index_sequence<I...>) const noexcept {
        // One term each where Out is 1, without a call (a network's output layer, mostly).
        if constexpr (Out == 1 && detail::assign_whole)
            dL_dx = matrix<B, In>{{(delta.data[detail::index<I / In>] * W.data[detail::index<I % In>])...}};
        else if constexpr (Out == 1)
            ((dL_dx.data[I] = delta.data[detail::index<I / In>] * W.data[detail::index<I % In>]), ...);
        else if constexpr (detail::assign_whole)
            dL_dx = matrix<B, In>{{detail::strided_dot<I / In * Out, 1, I % In * Out, 1, Out>::dot(delta, W)...}};
        else
            ((dL_dx.data[I] = detail::strided_dot<I / In * Out, 1, I % In * Out, 1, Out>::dot(delta, W)), ...);
    }

    template <class Below, std::size_t B, std::size_t... I>
    constexpr void input_delta_unrolled(const matrix<B, Out>& delta, const matrix<B, In>& x, matrix<B, In>& delta_below,
                                        std::index_sequence<I...>) const noexcept {
        if constexpr (Out == 1 && detail::assign_whole)
            delta_below = matrix<B, In>{{(delta.data[detail::index<I / In>] * W.data[detail::index<I % In>] *
                                          Below::derivative_from_output(x.data[I]))...}};
        else if constexpr (Out == 1)
            ((delta_below.data[I] = delta.data[detail::index<I / In>] * W.data[detail::index<I % In>] *
                                    Below::derivative_from_output(x.data[I])),
             ...);
        else if constexpr (detail::assign_whole)
            delta_below = matrix<B, In>{{(detail::strided_dot<I / In * Out, 1, I % In * Out, 1, Out>::dot(delta, W) *
                                          Below::derivative_from_output(x.data[I]))...}};
        else
            ((delta_below.data[I] = detail::strided_dot<I / In * Out, 1, I % In * Out, 1, Out>::dot(delta, W) *
                                    Below::derivative_from_output(x.data[I])),
             ...);
    }

    template <std::size_t B, class Optimizer, class Slots, class State>
    constexpr void update_looped(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt,
                                 Slots& slots, const State& shared) noexcept {
        // All gradients first, each summed over the batch in sample order; then the steps.
        double g[In * Out + Out];
        for (std::size_t k = 0; k < In; ++k)
            for (std::size_t o = 0; o < Out; ++o) g[k * Out + o] = x.data[k] * delta.data[o];
        for (std::size_t o = 0; o < Out; ++o) g[In * Out + o] = delta.data[o];
        for (std::size_t n = 1; n < B; ++n) {
            for (std::size_t k = 0; k < In; ++k)
                for (std::size_t o = 0; o < Out; ++o) g[k * Out + o] += x.data[n * In + k] * delta.data[n * Out + o];
            for (std::size_t o = 0; o < Out; ++o) g[In * Out + o] += delta.data[n * Out + o];
        }
        if constexpr (plain_step_optimizer<Optimizer>) {
            const double rate = opt.learning_rate;
            for (std::size_t i = 0; i < In * Out; ++i) W.data[i] -= rate * g[i];
            for (std::size_t o = 0; o < Out; ++o) b.data[o] -= rate * g[In * Out + o];
        } else {
            for (std::size_t i = 0; i < In * Out; ++i) opt.step(W.data[i], g[i], slots[i], shared);
            for (std::size_t o = 0; o < Out; ++o) opt.step(b.data[o], g[In * Out + o], slots[In * Out + o], shared);
        }
    }
    template <std::size_t B, class Optimizer, class Slots, class State, std::size_t... I, std::size_t... O>
    constexpr void update_unrolled(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt,
                                   Slots& slots, const State& shared, std::index_sequence<I...>,
                                   std::index_sequence<O...>) noexcept {
        if constexpr (plain_step_optimizer<Optimizer> && detail::assign_whole) {
            const double rate = opt.learning_rate;
            W = matrix<In, Out>{
                {(W.data[I] - rate * detail::strided_dot<I / Out, In, I % Out, Out, B>::dot(x, delta))...}};
            b = matrix<1, Out>{{(b.data[O] - rate * detail::strided_sum<O, Out, B>::sum(delta))...}};
        } else if constexpr (plain_step_optimizer<Optimizer>) {
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

    // The interpreted spelling of layers too large to unroll whole: a loop over the samples
    // (forward, input_gradient) or the inputs (update) only, each pass of it a fold over a
    // row of results, each result a fold over its terms (tensor/detail/folded.hpp). The
    // activation is applied as each result is complete, each parameter stepped as soon as
    // its gradient is summed. Rows longer than the unroll limit are looped over instead.
    // A row function's `row...` is the run of an operand that every fold of the row reads:
    // the matrix and the index of the run's first element, or, on GCC, the run gathered
    // into a local (detail::gather_row, folded.hpp).
    template <std::size_t B>
    constexpr void forward_folded(const matrix<B, In>& x, matrix<B, Out>& a) const noexcept {
        for (std::size_t n = 0; n < B; ++n) {
            if constexpr (!detail::unrollable<Out>)
                for (std::size_t o = 0; o < Out; ++o) a.data[n * Out + o] = output(x, n * In, o);
            else if constexpr (detail::fold_by_index)
                forward_row(a, n * Out, std::make_index_sequence<Out>{}, detail::gather_row<1, In>(x, n * In));
            else
                forward_row(a, n * Out, std::make_index_sequence<Out>{}, x, n * In);
        }
    }
    template <std::size_t B, std::size_t... O, class... Row>
    constexpr void forward_row(matrix<B, Out>& a, std::size_t z, std::index_sequence<O...>,
                               const Row&... row) const noexcept {
        if constexpr (elementwise_activation<Act>)
            ((a.data[z + O] = Act::apply(detail::folded_dot<1, Out, In, O>::dot(row..., W) + b.data[O])), ...);
        else
            ((a.data[z + O] = detail::folded_dot<1, Out, In, O>::dot(row..., W) + b.data[O]), ...);
    }
    template <std::size_t B>
    constexpr double output(const matrix<B, In>& x, std::size_t row, std::size_t o) const noexcept {
        if constexpr (elementwise_activation<Act>)
            return Act::apply(detail::folded_dot<1, Out, In>::dot(x, row, W, o) + b.data[o]);
        else
            return detail::folded_dot<1, Out, In>::dot(x, row, W, o) + b.data[o];
    }

    template <std::size_t B>
    constexpr void input_gradient_folded(const matrix<B, Out>& delta, matrix<B, In>& dL_dx) const noexcept {
        for (std::size_t n = 0; n < B; ++n) {
            if constexpr (!detail::unrollable<In>)
                for (std::size_t k = 0; k < In; ++k)
                    dL_dx.data[n * In + k] = detail::folded_dot<1, 1, Out>::dot(delta, n * Out, W, k * Out);
            else if constexpr (detail::fold_by_index)
                input_gradient_row(dL_dx, n * In, std::make_index_sequence<In>{},
                                   detail::gather_row<1, Out>(delta, n * Out));
            else
                input_gradient_row(dL_dx, n * In, std::make_index_sequence<In>{}, delta, n * Out);
        }
    }
    template <std::size_t B, std::size_t... K, class... Row>
    constexpr void input_gradient_row(matrix<B, In>& dL_dx, std::size_t g, std::index_sequence<K...>,
                                      const Row&... row) const noexcept {
        ((dL_dx.data[g + K] = detail::folded_dot<1, 1, Out, K * Out>::dot(row..., W)), ...);
    }

    template <std::size_t B, class Optimizer, class Slots, class State>
    constexpr void update_folded(const matrix<B, In>& x, const matrix<B, Out>& delta, const Optimizer& opt,
                                 Slots& slots, const State& shared) noexcept {
        for (std::size_t k = 0; k < In; ++k) {
            if constexpr (detail::unrollable<Out> && detail::fold_by_index)
                update_row<1>(delta, opt, W, slots, k * Out, shared, std::make_index_sequence<Out>{},
                              detail::gather_row<In, B>(x, k));
            else if constexpr (detail::unrollable<Out>)
                update_row<In>(delta, opt, W, slots, k * Out, shared, std::make_index_sequence<Out>{}, x, k);
            else
                for (std::size_t o = 0; o < Out; ++o)
                    step(opt, W.data[k * Out + o], detail::folded_dot<In, Out, B>::dot(x, k, delta, o),
                         slots[k * Out + o], shared);
        }
        for (std::size_t o = 0; o < Out; ++o)
            step(opt, b.data[o], detail::folded_sum<Out, B>::sum(delta, o), slots[In * Out + o], shared);
    }
    // Row k of W (from W.data[first]): x's column k (row..., its elements XStride apart)
    // against each of delta's columns.
    // (The slots, too, are indexed from the array: Clang 19's new interpreter rejects a
    // pointer into an array of structs that is then indexed past the element it points to.)
    template <std::size_t XStride, std::size_t B, class Optimizer, class Slots, class State, std::size_t... O,
              class... Row>
    static constexpr void update_row(const matrix<B, Out>& delta, const Optimizer& opt, matrix<In, Out>& w,
                                     Slots& slots, std::size_t first, const State& shared, std::index_sequence<O...>,
                                     const Row&... row) noexcept {
        if constexpr (plain_step_optimizer<Optimizer>) {
            const double rate = opt.learning_rate;
            ((w.data[first + O] -= rate * detail::folded_dot<XStride, Out, B, O>::dot(row..., delta)), ...);
        } else {
            (opt.step(w.data[first + O], detail::folded_dot<XStride, Out, B, O>::dot(row..., delta), slots[first + O],
                      shared),
             ...);
        }
    }
    template <class Optimizer, class Slot, class State>
    static constexpr void step(const Optimizer& opt, double& p, double g, Slot& slot, const State& shared) noexcept {
        if constexpr (plain_step_optimizer<Optimizer>)
            p -= opt.learning_rate * g;
        else
            opt.step(p, g, slot, shared);
    }

    static constexpr std::size_t parameter_count = In * Out + Out;
};

}  // namespace ctnn
