#pragma once
// ctnn::math::log(x) = ln x, usable in constant evaluation. Run time gives the
// same bits provided a * b + c is not contracted into an FMA (which would
// also break Dekker's product below): build with -ffp-contract=off when the
// target has FMA.
//
// Accuracy: < 0.501 ulp, i.e. correctly rounded unless ln x lies extremely
// close to a rounding boundary; within 1 ulp of glibc and equal to it for
// ~99.95% of arguments, the rest being where glibc (< 0.52 ulp) misrounds
// (tests/runtime/math_accuracy_test.cpp).
// Special values (as IEEE 754 / glibc):
//   log(±0) = -inf, log(x < 0) = NaN, log(-inf) = NaN, log(+inf) = +inf,
//   log(NaN) = NaN, log(1) = +0; subnormal x is handled like any other.
//
// Method: x = 2^e * m with m in [2^(-1/1024), 2^(1023/1024)), and T = 2^(j/N)
// (N = 512, the table shared with exp) the table point nearest to m:
//   ln x = (e N + j) ln2/N + ln(m / T),
// with q = (m - hi) / hi (hi = T rounded, T = hi * (1 + tail)), so that
//   ln(m / T) = ln(1 + q) - tail,  |q| < 2^-10.5.
// The large terms are summed exactly (Knuth's 2Sum), q is carried as a
// double-double (Dekker's product gives the division remainder exactly, no
// fma needed) and ln(1 + q) - q + q^2/2 is a short Taylor series, so the
// only sizeable error left is the final rounding.

#include <limits>

#include "ctnn/math/detail/exp_table.hpp"
#include "ctnn/math/fp.hpp"

namespace ctnn::math {

namespace detail {

struct double_double {
  double hi;
  double lo;
};

// a + b = hi + lo exactly (Knuth), whatever the magnitudes.
constexpr double_double two_sum(double a, double b) noexcept {
  const double s = a + b;
  const double bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}

// a * b = hi + lo exactly (Dekker with Veltkamp's splitting), barring
// overflow and underflow.
constexpr double_double two_prod(double a, double b) noexcept {
  constexpr double split = 0x1p27 + 1;
  const double ac = a * split;
  const double ah = ac - (ac - a);
  const double al = a - ah;
  const double bc = b * split;
  const double bh = bc - (bc - b);
  const double bl = b - bh;
  const double p = a * b;
  return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

}  // namespace detail

constexpr double log(double x) noexcept {
  using d = detail::exp_data;
  if (!(x > 0)) return x == 0 ? -std::numeric_limits<double>::infinity() : (isnan(x) ? x : std::numeric_limits<double>::quiet_NaN());
  if (isinf(x)) return x;

  int e = 0;
  double m = frexp(x, &e);  // [0.5, 1)
  if (m < 0x1.ffa74ea381efcp-1) {  // 2^(-1/1024): keep x just below 1 at e = 0
    m *= 2;
    --e;
  }
  // Largest j with table[j].hi <= m * 2^(1/1024), i.e. the nearest point: a binary
  // search, written out as frexp's is.
  static_assert(d::n == 512, "the search below has one step per bit of j");
  const double target = m * 0x1.002c605e2e8cfp+0;
  int j = 0;
  if (d::table[j + 256].hi <= target) j += 256;
  if (d::table[j + 128].hi <= target) j += 128;
  if (d::table[j + 64].hi <= target) j += 64;
  if (d::table[j + 32].hi <= target) j += 32;
  if (d::table[j + 16].hi <= target) j += 16;
  if (d::table[j + 8].hi <= target) j += 8;
  if (d::table[j + 4].hi <= target) j += 4;
  if (d::table[j + 2].hi <= target) j += 2;
  if (d::table[j + 1].hi <= target) j += 1;

  const double hi = d::table[j].hi;
  const double dm = m - hi;  // exact: m and hi are within a factor of 2
  const double q = dm / hi;
  const detail::double_double qh = detail::two_prod(q, hi);
  const double q_lo = ((dm - qh.hi) - qh.lo) / hi;  // the remainder is exact

  const double k = e * d::n + j;  // |k| < 2^20, so k * ln2_n_hi is exact
  const double q2 = q * q;
  const detail::double_double s1 = detail::two_sum(k * d::ln2_n_hi, q);
  const detail::double_double s2 = detail::two_sum(s1.hi, -0.5 * q2);
  // ln(1 + q + q_lo) = ln(1 + q) + q_lo (1 - q) + O(2^-72); the series is
  // truncated after q^6 (|q|^7 / 7 < 2^-76).
  const double series = q2 * q * (1.0 / 3 - q * (1.0 / 4 - q * (1.0 / 5 - q * (1.0 / 6))));
  const double lo = s1.lo + s2.lo + (k * d::ln2_n_lo - d::table[j].tail) + q_lo * (1 - q) + series;
  return s2.hi + lo;
}

}  // namespace ctnn::math
