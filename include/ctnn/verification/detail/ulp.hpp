#pragma once
// Stepping between neighbouring doubles in constant evaluation, and sums rounded in a
// chosen direction: what the bounds need to widen a result by the error of a computation
// they cannot follow bit for bit (ctnn::math::exp) or to round an end point outward.
//
// No std::nextafter (not constexpr in C++20) and no std::bit_cast (Clang 19's new
// constant interpreter rejects it for double): the spacing of the doubles around x is
// read off its exponent with ctnn::math::frexp, and stepping adds it exactly.
#include <limits>

#include <ctnn/math/fp.hpp>

namespace ctnn::verification::detail {

inline constexpr double max_double = std::numeric_limits<double>::max();
inline constexpr double infinity = std::numeric_limits<double>::infinity();
inline constexpr double smallest_subnormal = 0x1p-1074;

// The spacing of the doubles in [2^(e-1), 2^e), where a positive finite x = m 2^e lies
// (0.5 <= m < 1), and below it. Subnormals are evenly spaced by 2^-1074.
constexpr double spacing_above(double x) noexcept {  // x > 0, finite
    int e = 0;
    math::frexp(x, &e);
    return e - 53 < -1074 ? smallest_subnormal : math::detail::pow2(e - 53);
}
constexpr double spacing_below(double x) noexcept {  // x > 0, finite: the gap to the next smaller double
    int e = 0;
    const double m = math::frexp(x, &e);
    const int gap = m == 0.5 ? e - 54 : e - 53;  // a power of two: the binade below is twice as dense
    return gap < -1074 ? smallest_subnormal : math::detail::pow2(gap);
}

// The next double above / below x (std::nextafter(x, +-inf)). NaN stays NaN; +inf has
// no next one above, -inf none below.
constexpr double next_up(double x) noexcept;
constexpr double next_down(double x) noexcept {
    if (math::isnan(x) || x == -infinity) return x;
    if (x == infinity) return max_double;
    if (x == 0) return -smallest_subnormal;
    if (x < 0) return -next_up(-x);
    return x - spacing_below(x);  // exact: both are multiples of the spacing
}
constexpr double next_up(double x) noexcept {
    if (math::isnan(x) || x == infinity) return x;
    if (x == -infinity) return -max_double;
    if (x == 0) return smallest_subnormal;
    if (x < 0) return -next_down(-x);
    if (x == max_double) return infinity;
    return x + spacing_above(x);
}

// a + b rounded down / up: the nearest sum, moved one step when it lies above / below
// the exact one. The rounding error of the nearest sum is itself a double, found by
// Knuth's TwoSum, so the result is the directed rounding exactly (finite a, b, no
// overflow).
constexpr double sum_error(double a, double b, double s) noexcept {
    const double bv = s - a;
    const double av = s - bv;
    return (a - av) + (b - bv);  // = (a + b) - s, exactly
}
constexpr double add_down(double a, double b) noexcept {
    const double s = a + b;
    return sum_error(a, b, s) < 0 ? next_down(s) : s;
}
constexpr double add_up(double a, double b) noexcept {
    const double s = a + b;
    return sum_error(a, b, s) > 0 ? next_up(s) : s;
}

}  // namespace ctnn::verification::detail
