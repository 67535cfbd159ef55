#pragma once
// Softmax over each sample's outputs, for a multi-class output layer (use it with
// categorical_cross_entropy). Not element-wise: each output depends on the whole row,
// so it provides the row-wise interface of the `activation` concept.
#include <cstddef>
#include <utility>

#include <ctnn/math/exp.hpp>
#include <ctnn/tensor/detail/folded.hpp>

namespace ctnn {

struct softmax {
    // a = exp(z - max z) / sum: subtracting the maximum keeps every exp <= 1.
    static constexpr void apply_row(double* row, std::size_t n) noexcept {
        double top = row[0];
        for (std::size_t i = 1; i < n; ++i) top = row[i] > top ? row[i] : top;
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += (row[i] = math::exp(row[i] - top));
        for (std::size_t i = 0; i < n; ++i) row[i] /= sum;
    }
    // dL/dz_i = a_i (dL/da_i - sum_j a_j dL/da_j): the softmax Jacobian applied to dL/da.
    static constexpr void backprop_row(const double* a, const double* dL_da, double* delta, std::size_t n) noexcept {
        double dot = 0.0;
        for (std::size_t j = 0; j < n; ++j) dot += a[j] * dL_da[j];
        for (std::size_t i = 0; i < n; ++i) delta[i] = a[i] * (dL_da[i] - dot);
    }

    // The same for rows of N known at compile time, written as folds: what a layer's
    // kernels use inside the compiler, where a loop iteration costs several times the
    // arithmetic in it. The same operations in the same order, so the same bits. The row
    // is m.data[i], ..., m.data[i + N - 1] (of any matrices m with a `data` array): GCC
    // reads m.data[i + I] for far less than an element through a pointer, Clang's
    // evaluators through a pointer for a little less, as in tensor/detail/folded.hpp.
    // (Spelled so on GCC, softmax and the cross-entropy gradient took 3 % off the digits
    // model's compile-time training; callgrind, 2026-12-06.)
    template <std::size_t N, class M>
    static constexpr void apply_row_of(M& m, std::size_t i) noexcept {
        fixed_row<std::make_index_sequence<N>>::apply(m, i);
    }
    template <std::size_t N, class MA, class MD>
    static constexpr void backprop_row_of(const MA& a, const MA& dL_da, MD& delta, std::size_t i) noexcept {
        fixed_row<std::make_index_sequence<N>>::backprop(a, dL_da, delta, i);
    }

private:
    template <class>
    struct fixed_row;
    template <std::size_t... I>
    struct fixed_row<std::index_sequence<I...>> {
        template <class M>
        static constexpr void apply(M& m, std::size_t i) noexcept {
            if constexpr (detail::fold_by_index) {
                double top = m.data[i];
                ((top = m.data[i + I] > top ? m.data[i + I] : top), ...);  // I = 0 changes nothing
                double sum = 0.0;
                ((sum += (m.data[i + I] = math::exp(m.data[i + I] - top))), ...);
                ((m.data[i + I] /= sum), ...);
            } else {
                double* row = m.data + i;
                double top = row[0];
                ((top = row[I] > top ? row[I] : top), ...);
                double sum = 0.0;
                ((sum += (row[I] = math::exp(row[I] - top))), ...);
                ((row[I] /= sum), ...);
            }
        }
        template <class MA, class MD>
        static constexpr void backprop(const MA& a, const MA& dL_da, MD& delta, std::size_t i) noexcept {
            double dot = 0.0;
            if constexpr (detail::fold_by_index) {
                ((dot += a.data[i + I] * dL_da.data[i + I]), ...);
                ((delta.data[i + I] = a.data[i + I] * (dL_da.data[i + I] - dot)), ...);
            } else {
                const double* p = a.data + i;
                const double* q = dL_da.data + i;
                double* r = delta.data + i;
                ((dot += p[I] * q[I]), ...);
                ((r[I] = p[I] * (q[I] - dot)), ...);
            }
        }
    };
};

}  // namespace ctnn
