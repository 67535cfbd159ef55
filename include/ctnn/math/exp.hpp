#pragma once
// ctnn::math::exp(x) = e^x, usable in constant evaluation. Run time gives the
// same bits provided a * b + c is not contracted into an FMA (GCC does so by
// default when the target has FMA, e.g. -march=haswell: use -ffp-contract=off).
//
// Accuracy: < 0.503 ulp measured (glibc: 0.507), within 1 ulp of glibc and
// equal to it for ~99.9% of arguments (tests/runtime/math_accuracy_test.cpp).
// Special values (as IEEE 754 / glibc):
//   exp(±0) = 1, exp(+inf) = +inf, exp(-inf) = +0, exp(NaN) = NaN;
//   x > 0x1.62e42fefa39efp+9 (~709.78) overflows to +inf;
//   below 2^-1022 (x < ~-708.4) the result is subnormal, rounded once;
//   e^x < 2^-1075 (x < ~-745.13) underflows to +0.
//
// Method (Tang): k = round(x N / ln 2), N = 512, k = m N + j, so
// e^x = 2^m * 2^(j/N) * e^r with r = x - k ln2/N, |r| <= ln2/(2N).
// 2^(j/N) comes from a table as hi * (1 + tail), e^r - 1 from a degree-4
// minimax polynomial, and the result is s + s * (tail + p(r)), s = 2^m hi.
//
// The compile-time training calls exp ~10^5 times inside one constant
// evaluation, so the common path is written to be cheap to *interpret*: one
// function, no loop, no nested call, few temporaries and table lookups.

#include <limits>

#include "ctnn/math/detail/exp_table.hpp"
#include "ctnn/math/fp.hpp"

namespace ctnn::math {

namespace detail {

// (y + 1.5 * 2^52) - 1.5 * 2^52 is y rounded to an integer (ties to even) for
// |y| < 2^51: the sum has no fraction bits left.
inline constexpr double round_shift = 0x1.8p52;

// Largest x with a finite e^x.
inline constexpr double exp_overflow_x = 0x1.62e42fefa39efp+9;

// exp outside (-690, 709): NaN, ±inf, overflow, and tiny results. Tiny ones
// are computed scaled by 2^64, away from the subnormal range; a subnormal
// result is then rounded once, directly to its final precision.
constexpr double exp_edge(double x) noexcept {
  using d = exp_data;
  if (isnan(x)) return x;
  if (x > exp_overflow_x) return std::numeric_limits<double>::infinity();
  if (x < -746.0) return 0.0;
  const double kd = (x * d::inv_ln2_n + round_shift) - round_shift;
  const double r = (x - kd * d::ln2_n_hi) - kd * d::ln2_n_lo;
  const int kb = static_cast<int>(kd) + 1100 * d::n;  // >= 0 for x >= -746
  const int m = kb / d::n - 1100;
  const double hi = d::table[kb % d::n].hi;
  const double tmp = d::table[kb % d::n].tail + r * (d::c1 + r * (d::c2 + r * (d::c3 + r * d::c4)));
  if (x > 0) {  // m can be 1024: build the result at half size
    const double s = hi * d::scale[d::scale_bias + m - 1];
    return 2.0 * (s + s * tmp);
  }
  const double s = hi * d::scale[d::scale_bias + m + 64];
  const double p = s * tmp;
  const double y = s + p;
  if (y >= 0x1p-958) return y * 0x1p-64;  // normal result: the scaling is exact
  // Subnormal result: the 2^-1074 grid is, scaled, the ulp of `big`. Round
  // s to it, then add back that rounding error plus p, so that the full sum
  // is rounded to the grid only once. b - big and the scaling are exact.
  constexpr double big = 0x1p-958;
  const double a = big + s;
  const double b = a + ((s - (a - big)) + p);
  return (b - big) * 0x1p-64;
}

}  // namespace detail

// The constants of exp_data are spelled out as literals below: Clang reads a
// literal several times faster than a constexpr variable, which made this
// function ~25% cheaper to evaluate. The static_asserts after it keep the
// literals equal to the generated ones.
constexpr double exp(double x) noexcept {
  // Also false for NaN. Inside, 2^m is a normal power of two and s * tmp is
  // far enough above the subnormal range not to lose bits.
  if (!(x > -690.0 && x < 709.0)) return detail::exp_edge(x);
  const double kd = (x * 0x1.71547652b82fep+9 + 0x1.8p52) - 0x1.8p52;       // k = round(x N / ln 2)
  const double r = (x - kd * 0x1.62e42ff000000p-10) - kd * -0x1.718432a1b0e26p-44;  // first product exact
  const int kb = static_cast<int>(kd) + 1022 * 512;  // >= 0: j = kb % N, m + scale_bias = kb / N
  const double s = detail::exp_data::table[kb % 512].hi * detail::exp_data::scale[kb / 512];
  return s + s * (detail::exp_data::table[kb % 512].tail +
                  r * (0x1.ffffffffffffbp-1 + r * (0x1.ffffffffffffdp-2 +
                                                   r * (0x1.555555f95be1dp-3 + r * 0x1.555555e611c93p-5))));
}

static_assert(detail::exp_data::n == 512 && detail::exp_data::scale_bias == 1022);
static_assert(detail::exp_data::inv_ln2_n == 0x1.71547652b82fep+9 && detail::round_shift == 0x1.8p52);
static_assert(detail::exp_data::ln2_n_hi == 0x1.62e42ff000000p-10 && detail::exp_data::ln2_n_lo == -0x1.718432a1b0e26p-44);
static_assert(detail::exp_data::c1 == 0x1.ffffffffffffbp-1 && detail::exp_data::c2 == 0x1.ffffffffffffdp-2);
static_assert(detail::exp_data::c3 == 0x1.555555f95be1dp-3 && detail::exp_data::c4 == 0x1.555555e611c93p-5);

}  // namespace ctnn::math
