#pragma once
// Rectified linear units. The derivative at 0 is taken as 0 (numpy's `a > 0`).
namespace ctnn {

struct relu {
    static constexpr double apply(double z) noexcept { return z > 0.0 ? z : 0.0; }
    static constexpr double derivative_from_output(double a) noexcept { return a > 0.0 ? 1.0 : 0.0; }
};

// max(z, alpha z) with alpha = Num / Den (a ratio, because Clang before 18 takes no
// floating-point template arguments). The output has the sign of z, so the derivative
// can still be read off the output.
template <int Num = 1, int Den = 100>
struct leaky_relu {
    static_assert(Den > 0 && Num >= 0 && Num < Den, "ctnn::leaky_relu: the slope Num/Den must be in [0, 1)");
    static constexpr double alpha = static_cast<double>(Num) / static_cast<double>(Den);
    static constexpr double apply(double z) noexcept { return z > 0.0 ? z : alpha * z; }
    static constexpr double derivative_from_output(double a) noexcept { return a > 0.0 ? 1.0 : alpha; }
};

}  // namespace ctnn
