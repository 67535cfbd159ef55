#pragma once
// Floating-point helpers usable in constant evaluation on GCC and Clang
// (including Clang's new constant interpreter): no <cmath>, no builtins and
// no std::bit_cast (which that interpreter rejects for double). Doubles are
// taken apart with comparisons and exact multiplications by powers of two.
//
// Clang refuses constant evaluation of any arithmetic whose result is NaN,
// GCC of any arithmetic that overflows, so NaN/inf/overflow cases are
// answered by explicit returns, never by computing them.

#include <limits>

namespace ctnn::math {

constexpr bool isnan(double x) noexcept { return x != x; }

// Against the largest double written as a literal: log, sqrt and frexp ask on every call,
// and two calls of std::numeric_limits<double>::max() or infinity() cost a constant
// evaluator more than the rest of a test (a call is ~10 k instructions on clang 14).
constexpr bool isinf(double x) noexcept { return x > 0x1.fffffffffffffp+1023 || x < -0x1.fffffffffffffp+1023; }

constexpr bool isfinite(double x) noexcept { return x >= -0x1.fffffffffffffp+1023 && x <= 0x1.fffffffffffffp+1023; }

// |x|; fabs(-0.0) is +0.0. A NaN is returned unchanged (its sign bit cannot
// be cleared without bit access).
constexpr double fabs(double x) noexcept { return x < 0 ? -x : (x == 0 ? 0.0 : x); }

namespace detail {

// 2^(2^i) and 2^-(2^i): the binary digits of any exponent. 2^1024 is not a
// double, so only the negative side reaches i = 10.
inline constexpr double pow2_up[] = {0x1p1, 0x1p2, 0x1p4, 0x1p8, 0x1p16, 0x1p32, 0x1p64, 0x1p128, 0x1p256, 0x1p512};
inline constexpr double pow2_down[] = {0x1p-1,  0x1p-2,   0x1p-4,   0x1p-8,   0x1p-16,  0x1p-32,
                                       0x1p-64, 0x1p-128, 0x1p-256, 0x1p-512, 0x1p-1024};

// 2^n, exactly, for -1074 <= n <= 1023. Every partial product is a power of
// two no smaller than the result, hence representable: no rounding anywhere.
constexpr double pow2(int n) noexcept {
  const double* const factor = n < 0 ? pow2_down : pow2_up;
  unsigned bits = static_cast<unsigned>(n < 0 ? -n : n);
  double r = 1.0;
  for (int i = 0; bits != 0; ++i, bits >>= 1) {
    if (bits & 1u) r *= factor[i];
  }
  return r;
}

}  // namespace detail

// Like std::frexp: x = m * 2^*exponent with 0.5 <= |m| < 1. For ±0, ±inf and
// NaN, returns x and sets *exponent = 0.
constexpr double frexp(double x, int* exponent) noexcept {
  *exponent = 0;
  if (x == 0 || !isfinite(x)) return x;
  double a = x < 0 ? -x : x;
  int e = 0;
  if (a < 0x1p-1022) {  // subnormal (below the smallest normal double): make it normal, exactly
    a *= 0x1p54;
    e = -54;
  }
  // Binary search on the exponent, towards [1, 2) from above or [0.5, 1)
  // from below; written out, as in sqrt: a constant evaluator charges a loop's
  // control and its table reads more than the comparisons and products.
  if (a >= 1) {
    if (a >= 0x1p512) { a *= 0x1p-512; e += 512; }
    if (a >= 0x1p256) { a *= 0x1p-256; e += 256; }
    if (a >= 0x1p128) { a *= 0x1p-128; e += 128; }
    if (a >= 0x1p64) { a *= 0x1p-64; e += 64; }
    if (a >= 0x1p32) { a *= 0x1p-32; e += 32; }
    if (a >= 0x1p16) { a *= 0x1p-16; e += 16; }
    if (a >= 0x1p8) { a *= 0x1p-8; e += 8; }
    if (a >= 0x1p4) { a *= 0x1p-4; e += 4; }
    if (a >= 0x1p2) { a *= 0x1p-2; e += 2; }
    if (a >= 0x1p1) { a *= 0x1p-1; e += 1; }
    a *= 0.5;
    ++e;
  } else {
    if (a < 0x1p-512) { a *= 0x1p512; e -= 512; }
    if (a < 0x1p-256) { a *= 0x1p256; e -= 256; }
    if (a < 0x1p-128) { a *= 0x1p128; e -= 128; }
    if (a < 0x1p-64) { a *= 0x1p64; e -= 64; }
    if (a < 0x1p-32) { a *= 0x1p32; e -= 32; }
    if (a < 0x1p-16) { a *= 0x1p16; e -= 16; }
    if (a < 0x1p-8) { a *= 0x1p8; e -= 8; }
    if (a < 0x1p-4) { a *= 0x1p4; e -= 4; }
    if (a < 0x1p-2) { a *= 0x1p2; e -= 2; }
    if (a < 0x1p-1) { a *= 0x1p1; e -= 1; }
  }
  *exponent = e;
  return x < 0 ? -a : a;
}

// Like std::ldexp: x * 2^n with a single rounding (only possible when the
// result is subnormal), ±inf on overflow, ±0 on underflow. ±0, ±inf and NaN
// are returned unchanged.
constexpr double ldexp(double x, int n) noexcept {
  if (x == 0 || !isfinite(x)) return x;
  int e = 0;
  const double m = frexp(x, &e);  // |x| in [2^(e-1), 2^e)
  // Clamping keeps e + n from overflowing int without changing the outcome.
  const int t = e + (n > 4096 ? 4096 : n < -4096 ? -4096 : n);
  if (t > 1024) return m < 0 ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  if (t < -1074) return m < 0 ? -0.0 : 0.0;  // below half the smallest subnormal
  if (t == 1024) return (m * 2) * detail::pow2(1023);
  return m * detail::pow2(t);
}

}  // namespace ctnn::math
