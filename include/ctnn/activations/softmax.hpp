#pragma once
// Softmax over each sample's outputs, for a multi-class output layer (use it with
// categorical_cross_entropy). Not element-wise: each output depends on the whole row,
// so it provides the row-wise interface of the `activation` concept.
#include <cstddef>

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
};

}  // namespace ctnn
