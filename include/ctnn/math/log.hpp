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

constexpr double log(double x) noexcept {
  using d = detail::exp_data;
  if (!(x > 0)) return x == 0 ? -std::numeric_limits<double>::infinity() : (isnan(x) ? x : std::numeric_limits<double>::quiet_NaN());
  if (!(x <= 0x1.fffffffffffffp+1023)) return x;  // +inf (isinf would be a call)

  // x = 2^e m, m in [2^(-1/1024), 2^(1023/1024)): frexp's binary search on the exponent,
  // written here rather than called, with the exponents beyond +-64 searched only when
  // there are any (probabilities and uniform deviates, log's usual arguments, never are),
  // as sqrt does. Every product is exact.
  double m = x;
  int e = 0;
  if (m < 1) {
    if (m < 0x1p-64) {
      if (m < 0x1p-1022) {  // subnormal (below the smallest normal double): make it normal
        m *= 0x1p54;
        e = -54;
      }
      if (m < 0x1p-512) { m *= 0x1p512; e -= 512; }
      if (m < 0x1p-256) { m *= 0x1p256; e -= 256; }
      if (m < 0x1p-128) { m *= 0x1p128; e -= 128; }
      if (m < 0x1p-64) { m *= 0x1p64; e -= 64; }
    }
    if (m < 0x1p-32) { m *= 0x1p32; e -= 32; }
    if (m < 0x1p-16) { m *= 0x1p16; e -= 16; }
    if (m < 0x1p-8) { m *= 0x1p8; e -= 8; }
    if (m < 0x1p-4) { m *= 0x1p4; e -= 4; }
    if (m < 0x1p-2) { m *= 0x1p2; e -= 2; }
    if (m < 0x1p-1) { m *= 0x1p1; e -= 1; }
    if (m < 0x1.ffa74ea381efcp-1) {  // 2^(-1/1024): [0.5, 1) to [1, 2) but just below 1
      m *= 2;
      --e;
    }
  } else {
    if (m >= 0x1p64) {
      if (m >= 0x1p512) { m *= 0x1p-512; e += 512; }
      if (m >= 0x1p256) { m *= 0x1p-256; e += 256; }
      if (m >= 0x1p128) { m *= 0x1p-128; e += 128; }
      if (m >= 0x1p64) { m *= 0x1p-64; e += 64; }
    }
    if (m >= 0x1p32) { m *= 0x1p-32; e += 32; }
    if (m >= 0x1p16) { m *= 0x1p-16; e += 16; }
    if (m >= 0x1p8) { m *= 0x1p-8; e += 8; }
    if (m >= 0x1p4) { m *= 0x1p-4; e += 4; }
    if (m >= 0x1p2) { m *= 0x1p-2; e += 2; }
    if (m >= 0x1p1) { m *= 0x1p-1; e += 1; }
    if (m >= 0x1.ffa74ea381efcp+0) {  // 2^(1023/1024): to just below 1
      m *= 0.5;
      ++e;
    }
  }
  // The nearest table point, j: the largest with table[j].hi <= m 2^(1/1024) = t, in [1, 2).
  // A quartic in t - 1 lies within [-0.545, -0.455] of 512 log2 t (tools/fit_log_index.py),
  // so its integer part is j or j - 1, and one comparison decides: a nine-step binary search
  // over the table cost constant evaluators ~a third of the call.
  static_assert(d::n == 512, "the quartic below estimates 512 log2 t");
  const double t = m * 0x1.002c605e2e8cfp+0;
  const double u = t - 1;
  int j = static_cast<int>(-0.455169 + u * (736.104 + u * (-345.568 + u * (163.161 + u * -41.7867))));
  if (j < d::n - 1 && d::table[j + 1].hi <= t) ++j;

  const double hi = d::table[j].hi;
  const double dm = m - hi;  // exact: m and hi are within a factor of 2
  const double q = dm / hi;
  // q hi = p + p_lo exactly (Dekker's product, Veltkamp's splitting), so that the division's
  // remainder dm - q hi is exact. (Written out rather than called, as is the 2Sum below:
  // a call and its returned pair cost an evaluator more than the arithmetic.)
  constexpr double split = 0x1p27 + 1;
  const double qc = q * split;
  const double q_h = qc - (qc - q);
  const double q_l = q - q_h;
  const double hc = hi * split;
  const double hi_h = hc - (hc - hi);
  const double hi_l = hi - hi_h;
  const double p = q * hi;
  const double p_lo = ((q_h * hi_h - p) + q_h * hi_l + q_l * hi_h) + q_l * hi_l;
  const double q_lo = ((dm - p) - p_lo) / hi;

  const double k = e * d::n + j;  // |k| < 2^20, so k * ln2_n_hi is exact
  const double q2 = q * q;
  // s1 + s1_lo = k ln2_n_hi + q and s2 + s2_lo = s1 - q^2 / 2, exactly (Knuth's 2Sum).
  const double a1 = k * d::ln2_n_hi;
  const double s1 = a1 + q;
  const double b1 = s1 - a1;
  const double s1_lo = (a1 - (s1 - b1)) + (q - b1);
  const double a2 = -0.5 * q2;
  const double s2 = s1 + a2;
  const double b2 = s2 - s1;
  const double s2_lo = (s1 - (s2 - b2)) + (a2 - b2);
  // ln(1 + q + q_lo) = ln(1 + q) + q_lo (1 - q) + O(2^-72); the series is
  // truncated after q^6 (|q|^7 / 7 < 2^-76).
  const double series = q2 * q * (1.0 / 3 - q * (1.0 / 4 - q * (1.0 / 5 - q * (1.0 / 6))));
  const double lo = s1_lo + s2_lo + (k * d::ln2_n_lo - d::table[j].tail) + q_lo * (1 - q) + series;
  return s2 + lo;
}

}  // namespace ctnn::math
