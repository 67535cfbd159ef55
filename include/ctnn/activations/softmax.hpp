#pragma once
// Softmax over each sample's outputs, for a multi-class output layer (use it with
// categorical_cross_entropy). Not element-wise: each output depends on the whole row,
// so it provides the row-wise interface of the `activation` concept.
#include <cstddef>
#include <utility>

#include <ctnn/math/exp.hpp>

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
    // arithmetic in it. The same operations in the same order, so the same bits.
    template <std::size_t N>
    static constexpr void apply_row_of(double* row) noexcept {
        fixed_row<std::make_index_sequence<N>>::apply(row);
    }
    template <std::size_t N>
    static constexpr void backprop_row_of(const double* a, const double* dL_da, double* delta) noexcept {
        fixed_row<std::make_index_sequence<N>>::backprop(a, dL_da, delta);
    }

private:
    template <class>
    struct fixed_row;
    template <std::size_t... I>
    struct fixed_row<std::index_sequence<I...>> {
        static constexpr void apply(double* row) noexcept {
            double top = row[0];
            ((top = row[I] > top ? row[I] : top), ...);  // I = 0 changes nothing
            double sum = 0.0;
            ((sum += (row[I] = math::exp(row[I] - top))), ...);
            ((row[I] /= sum), ...);
        }
        static constexpr void backprop(const double* a, const double* dL_da, double* delta) noexcept {
            double dot = 0.0;
            ((dot += a[I] * dL_da[I]), ...);
            ((delta[I] = a[I] * (dL_da[I] - dot)), ...);
        }
    };
};

}  // namespace ctnn
