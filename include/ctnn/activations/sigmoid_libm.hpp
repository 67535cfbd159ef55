#pragma once
// The logistic function computed with the C library's exp, for training at run time only.
//
// It has ctnn::sigmoid's interface, so it can stand in for it in any layer, but:
//   - it is NOT usable in constant evaluation: std::exp is not constexpr (C++20), so a
//     network with this activation cannot be trained by the compiler;
//   - its results may differ from the constexpr ctnn::sigmoid's by rounding (the libm
//     exp and ctnn::math::exp are both accurate, but not identical in the last bit), so a
//     network trained with it is not bit for bit the compile-time one.
// Its purpose is speed at run time, and to measure what the constexpr exp costs.
//
// This is the only header under include/ allowed to use <cmath>.
#include <cmath>

namespace ctnn {

struct sigmoid_libm {
    static double apply(double z) noexcept { return 1.0 / (1.0 + std::exp(-z)); }
    // The same derivative as ctnn::sigmoid's, from the activation a = sigmoid(z).
    static double derivative_from_output(double a) noexcept { return a * (1.0 - a); }
};

}  // namespace ctnn
