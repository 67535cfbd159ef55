#pragma once
// Cross-entropy losses, averaged over the batch.
//
// Predictions are clipped to [epsilon, 1 - epsilon] before any log or division, as
// Keras and scikit-learn do: a saturated sigmoid or softmax can output exactly 0 or 1,
// where the log is -inf and the gradient infinite. Clipping changes nothing for
// predictions inside that interval.
#include <cstddef>
#include <utility>

#include <ctnn/activations/activation.hpp>
#include <ctnn/activations/identity.hpp>
#include <ctnn/math/log.hpp>
#include <ctnn/tensor/detail/folded.hpp>
#include <ctnn/tensor/detail/unrolled.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

namespace detail {
inline constexpr double probability_epsilon = 1e-15;
// Literals, not probability_epsilon: a loss clips every output of every update, and Clang 14
// charges ~3 k instructions for each read of a namespace-scope constant (logic_gates' epoch:
// 1.0 % cheaper on clang++ 14, 0.8 % on g++, 1.8 % on clang++ 19's new interpreter;
// callgrind, 2026-12-07).
constexpr double clip_probability(double p) noexcept {
    return p < 1e-15 ? 1e-15 : (p > 0x1.ffffffffffff7p-1 ? 0x1.ffffffffffff7p-1 : p);
}
static_assert(probability_epsilon == 1e-15 && 1.0 - probability_epsilon == 0x1.ffffffffffff7p-1);
}  // namespace detail

// Binary cross-entropy for sigmoid outputs, one independent yes/no per output:
// L = -mean(y log p + (1 - y) log(1 - p)) over every element.
struct binary_cross_entropy {
    template <std::size_t B, std::size_t O>
    static constexpr double value(const matrix<B, O>& y_hat, const matrix<B, O>& y) noexcept {
        double sum = 0.0;
        for (std::size_t i = 0; i < B * O; ++i) {
            const double p = detail::clip_probability(y_hat.data[i]);
            sum += y.data[i] * math::log(p) + (1.0 - y.data[i]) * math::log(1.0 - p);
        }
        return -sum / static_cast<double>(B * O);
    }

    // dL/dp = (p - y) / (p (1 - p)) / N: the delta of a linear output layer.
    template <std::size_t B, std::size_t O>
    static constexpr void gradient(const matrix<B, O>& y_hat, const matrix<B, O>& y,
                                   matrix<B, O>& dL_dy_hat) noexcept {
        output_delta<identity>(y_hat, y, dL_dy_hat);
    }

    // dL/dp times Act's derivative at the output a, element by element (loss.hpp). Where N
    // is a power of two, its reciprocal is exact and multiplying by it rounds as dividing by
    // N does (both round the same quotient), while the constant evaluators charge a
    // division ~2-3 times a multiplication: logic_gates' epoch (N = 4) 2.0 % cheaper on g++,
    // 0.8 % on clang++ 14, 2.7 % on clang++ 19's new interpreter. Small batches on GCC
    // take one fold that assigns the delta whole (unrolled.hpp's assign_whole), through a
    // function for each element: that epoch 2.3 % cheaper than the loop on g++ 12; on
    // clang++ 14 the calls make it 3.3 % dearer (callgrind, 2026-12-07).
    template <elementwise_activation Act, std::size_t B, std::size_t O>
    static constexpr void output_delta(const matrix<B, O>& y_hat, const matrix<B, O>& y, matrix<B, O>& delta) noexcept {
        constexpr double n = static_cast<double>(B * O);
        if constexpr (((B * O) & (B * O - 1)) != 0) {
            for (std::size_t i = 0; i < B * O; ++i) {
                const double p = detail::clip_probability(y_hat.data[i]);
                delta.data[i] = (p - y.data[i]) / (p * (1.0 - p)) / n * Act::derivative_from_output(y_hat.data[i]);
            }
        } else if constexpr (ctnn::detail::assign_whole && ctnn::detail::unrollable<B * O>) {
            output_delta_whole<Act>(y_hat, y, delta, std::make_index_sequence<B * O>{});
        } else {
            constexpr double reciprocal = 1.0 / n;
            for (std::size_t i = 0; i < B * O; ++i) {
                const double p = detail::clip_probability(y_hat.data[i]);
                delta.data[i] =
                    (p - y.data[i]) / (p * (1.0 - p)) * reciprocal * Act::derivative_from_output(y_hat.data[i]);
            }
        }
    }

private:
    // One element of a batch of N (a power of two), given p, the output a clipped.
    template <class Act, std::size_t N>
    static constexpr double element_delta(double p, double a, double y) noexcept {
        constexpr double reciprocal = 1.0 / static_cast<double>(N);
        return (p - y) / (p * (1.0 - p)) * reciprocal * Act::derivative_from_output(a);
    }
    template <class Act, std::size_t B, std::size_t O, std::size_t... I>
    static constexpr void output_delta_whole(const matrix<B, O>& y_hat, const matrix<B, O>& y, matrix<B, O>& delta,
                                             std::index_sequence<I...>) noexcept {
        delta = matrix<B, O>{
            {element_delta<Act, B * O>(detail::clip_probability(y_hat.data[I]), y_hat.data[I], y.data[I])...}};
    }
};

// Categorical cross-entropy for a softmax output and one-hot targets:
// L = -sum(y log p) / batch size.
struct categorical_cross_entropy {
    // A row at a time, as a fold where rows are short enough, like the gradient below.
    template <std::size_t B, std::size_t O>
    static constexpr double value(const matrix<B, O>& y_hat, const matrix<B, O>& y) noexcept {
        double sum = 0.0;
        if constexpr (ctnn::detail::unrollable<O>)
            for (std::size_t n = 0; n < B; ++n) value_row(sum, y_hat, y, n * O, std::make_index_sequence<O>{});
        else
            for (std::size_t i = 0; i < B * O; ++i)
                if (y.data[i] != 0.0) sum += y.data[i] * math::log(detail::clip_probability(y_hat.data[i]));
        return -sum / static_cast<double>(B);
    }

    // dL/dp = -y / p / B. A row at a time, as a fold where rows are short enough: inside
    // the compiler a loop iteration costs more than the arithmetic in it. (GCC reads
    // elements at m.data[i + I] for less than through a pointer, Clang through one:
    // softmax.hpp.)
    template <std::size_t B, std::size_t O>
    static constexpr void gradient(const matrix<B, O>& y_hat, const matrix<B, O>& y,
                                   matrix<B, O>& dL_dy_hat) noexcept {
        if constexpr (ctnn::detail::unrollable<O>)
            for (std::size_t n = 0; n < B; ++n)
                gradient_row<B>(y_hat, y, dL_dy_hat, n * O, std::make_index_sequence<O>{});
        else
            for (std::size_t i = 0; i < B * O; ++i)
                dL_dy_hat.data[i] = -y.data[i] / detail::clip_probability(y_hat.data[i]) / static_cast<double>(B);
    }

private:
    template <class M, std::size_t... I>
    static constexpr void value_row(double& sum, const M& y_hat, const M& y, std::size_t i,
                                    std::index_sequence<I...>) noexcept {
        if constexpr (ctnn::detail::fold_by_index) {
            ((y.data[i + I] != 0.0
                  ? void(sum += y.data[i + I] * math::log(detail::clip_probability(y_hat.data[i + I])))
                  : void()),
             ...);
        } else {
            const double* p = y_hat.data + i;
            const double* t = y.data + i;
            ((t[I] != 0.0 ? void(sum += t[I] * math::log(detail::clip_probability(p[I]))) : void()), ...);
        }
    }
    template <std::size_t B, class M, std::size_t... I>
    static constexpr void gradient_row(const M& y_hat, const M& y, M& d, std::size_t i,
                                       std::index_sequence<I...>) noexcept {
        if constexpr (ctnn::detail::fold_by_index) {
            ((d.data[i + I] = -y.data[i + I] / detail::clip_probability(y_hat.data[i + I]) / static_cast<double>(B)),
             ...);
        } else {
            const double* p = y_hat.data + i;
            const double* t = y.data + i;
            double* g = d.data + i;
            ((g[I] = -t[I] / detail::clip_probability(p[I]) / static_cast<double>(B)), ...);
        }
    }
};

}  // namespace ctnn
