#pragma once
// A fixed-size, row-major matrix of doubles: the one tensor type ctnn needs.
//
// It is a plain aggregate on purpose: aggregates are structural (usable as template
// arguments), cost nothing to create in constant evaluation, and can be written as
// literals, `ctnn::matrix<2, 2>{{1, 2, 3, 4}}`. Kernels index `data` directly because
// every call the constant evaluator makes (even `operator()`) costs time and, on GCC,
// memory that is not freed until the evaluation ends.
#include <cstddef>

namespace ctnn {

template <std::size_t Rows, std::size_t Cols>
struct matrix {
    static_assert(Rows > 0 && Cols > 0, "ctnn::matrix: both dimensions must be at least 1");
    static constexpr std::size_t rows = Rows;
    static constexpr std::size_t cols = Cols;
    static constexpr std::size_t size = Rows * Cols;

    double data[Rows * Cols];

    constexpr double& operator()(std::size_t r, std::size_t c) noexcept { return data[r * Cols + c]; }
    constexpr double operator()(std::size_t r, std::size_t c) const noexcept { return data[r * Cols + c]; }

    friend constexpr bool operator==(const matrix&, const matrix&) = default;
};

// Element-wise copy. Clang 19's experimental constant interpreter rejects the implicit
// copy-assignment of a struct holding an array, so the library never relies on it.
template <std::size_t R, std::size_t C>
constexpr void assign(matrix<R, C>& to, const matrix<R, C>& from) noexcept {
    for (std::size_t i = 0; i < R * C; ++i) to.data[i] = from.data[i];
}

}  // namespace ctnn
