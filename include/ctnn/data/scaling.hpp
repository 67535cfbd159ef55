#pragma once
// Feature scaling as constants: x' = (x - offset[i]) / divisor[i] for input i.
//
// ctnn-dataset computes the offsets and divisors from the training part of a data file
// (mean and population standard deviation, or minimum and range, or a fixed divisor) and
// scales every sample with exactly this expression, one subtraction and one division in
// double. `apply` is the same expression, usable in constant evaluation and at run time, so a
// program that predicts on new raw inputs scales them bit for bit as the training data was
// scaled. A constant feature (zero standard deviation or zero range) has divisor 1, not 0.
#include <array>
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

enum class scaling_method {
    none,         // offset 0, divisor 1: (x - 0) / 1 == x for every finite x
    standardize,  // offset = mean, divisor = population standard deviation (1 where it is 0)
    min_max,      // offset = minimum, divisor = maximum - minimum (1 where that is 0)
    divide,       // offset 0, a fixed divisor (e.g. 255 for 8-bit pixels)
};

template <std::size_t Inputs>
struct scaling {
    static_assert(Inputs > 0, "ctnn::scaling: a sample needs at least one input");
    static constexpr std::size_t inputs = Inputs;

    scaling_method method;
    std::array<double, Inputs> offset;
    std::array<double, Inputs> divisor;

    // Input `i`'s value x, scaled.
    [[nodiscard]] constexpr double apply(std::size_t i, double x) const noexcept {
        return (x - offset[i]) / divisor[i];
    }

    // Every row of a matrix of raw samples, one sample per row.
    template <std::size_t Rows, std::size_t Cols>
    [[nodiscard]] constexpr matrix<Rows, Cols> apply(const matrix<Rows, Cols>& x) const noexcept {
        static_assert(Cols == Inputs,
                      "ctnn::scaling::apply: the matrix's column count is not the number of inputs "
                      "this scaling was computed for");
        matrix<Rows, Cols> out{};
        for (std::size_t r = 0; r < Rows; ++r) {
            for (std::size_t c = 0; c < Cols; ++c) out.data[r * Cols + c] = apply(c, x.data[r * Cols + c]);
        }
        return out;
    }

    // One raw sample.
    template <std::size_t N>
    [[nodiscard]] constexpr std::array<double, N> apply(const std::array<double, N>& x) const noexcept {
        static_assert(N == Inputs,
                      "ctnn::scaling::apply: the sample's size is not the number of inputs this scaling "
                      "was computed for");
        std::array<double, N> out{};
        for (std::size_t i = 0; i < N; ++i) out[i] = apply(i, x[i]);
        return out;
    }
};

}  // namespace ctnn
