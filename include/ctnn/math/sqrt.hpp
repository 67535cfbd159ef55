#pragma once
// ctnn::math::sqrt(x), usable in constant evaluation; correctly rounded
// (round to nearest even), hence bit-identical to IEEE 754 / glibc sqrt, at
// compile time and at run time alike (FMA contraction cannot change it).
//
// Special values (as IEEE 754 / glibc):
//   sqrt(±0) = ±0, sqrt(+inf) = +inf, sqrt(x < 0) = NaN (also for -inf),
//   sqrt(NaN) = NaN; subnormal x is handled like any other.
//
// Method: x = a * 4^k with a in [1, 4), found by exact multiplications by
// powers of four, so that sqrt(x) = sqrt(a) * 2^k. Newton's method in double
// gives y within 0.75 ulp of sqrt(a) in [1, 2), so q = y * 2^52 (an integer)
// is the correctly rounded sqrt(a) * 2^52 or one unit away from it; exact
// 64-bit integer arithmetic decides which. There is no tie to break:
// (q + 1/2)^2 is never an integer, a * 2^104 always is.
//
// Adam takes one sqrt per parameter per step, so its cost matters at compile
// time: the search for k and the Newton steps are written out rather than
// looped, which constant evaluators run about twice as fast (loop control
// and index arithmetic cost them as much as the arithmetic itself). It does
// not call frexp, pow2 or isinf (fp.hpp): a call costs an evaluator more than
// the comparisons inside it, and searching even exponents only, with the
// result's scale carried along, costs ~20 % less than frexp and pow2 written
// out.

#include <cstdint>
#include <limits>

#include "ctnn/math/fp.hpp"

namespace ctnn::math {

constexpr double sqrt(double x) noexcept {
  // (The largest double as a literal: isinf would be a call.)
  if (!(x > 0 && x <= 0x1.fffffffffffffp+1023))
    return x == 0 || isnan(x) || x > 0 ? x : std::numeric_limits<double>::quiet_NaN();

  // a * (scale * 2^52)^2 == x throughout; every product is exact (powers of two on
  // normal numbers, no overflow or underflow).
  double a = x;
  double scale = 0x1p-52;
  // Binary search on k: a < 2^1024 narrows to a < 4, a >= 2^-1074 to a >= 1/4 (then 1).
  // Exponents beyond +-64 are searched only when there are any: Adam's arguments
  // (squared gradients) hardly ever are, and skip three comparisons.
  if (a < 1) {
    if (a < 0x1p-64) {
      if (a < 0x1p-1022) {  // subnormal (below the smallest normal double): make it normal
        a *= 0x1p54;
        scale = 0x1p-79;
      }
      if (a < 0x1p-512) { a *= 0x1p512; scale *= 0x1p-256; }
      if (a < 0x1p-256) { a *= 0x1p256; scale *= 0x1p-128; }
      if (a < 0x1p-128) { a *= 0x1p128; scale *= 0x1p-64; }
      if (a < 0x1p-64) { a *= 0x1p64; scale *= 0x1p-32; }
    }
    if (a < 0x1p-32) { a *= 0x1p32; scale *= 0x1p-16; }
    if (a < 0x1p-16) { a *= 0x1p16; scale *= 0x1p-8; }
    if (a < 0x1p-8) { a *= 0x1p8; scale *= 0x1p-4; }
    if (a < 0x1p-4) { a *= 0x1p4; scale *= 0x1p-2; }
    if (a < 0x1p-2) {  // [1/16, 1/4) to [1, 4); [1/4, 1) below
      a *= 0x1p4;
      scale *= 0x1p-2;
    } else {
      a *= 0x1p2;
      scale *= 0x1p-1;
    }
  } else if (a >= 4) {
    if (a >= 0x1p64) {
      if (a >= 0x1p512) { a *= 0x1p-512; scale *= 0x1p256; }
      if (a >= 0x1p256) { a *= 0x1p-256; scale *= 0x1p128; }
      if (a >= 0x1p128) { a *= 0x1p-128; scale *= 0x1p64; }
      if (a >= 0x1p64) { a *= 0x1p-64; scale *= 0x1p32; }
    }
    if (a >= 0x1p32) { a *= 0x1p-32; scale *= 0x1p16; }
    if (a >= 0x1p16) { a *= 0x1p-16; scale *= 0x1p8; }
    if (a >= 0x1p8) { a *= 0x1p-8; scale *= 0x1p4; }
    if (a >= 0x1p4) { a *= 0x1p-4; scale *= 0x1p2; }
    if (a >= 0x1p2) { a *= 0x1p-2; scale *= 0x1p1; }
  }

  // sqrt(a) in [1, 2): a cubic on [1, 2) or on [2, 4), each within 7e-5 of it (relative
  // minimax fits, tools/fit_sqrt_guess.py), then two Newton steps (7e-5 -> 2.5e-9 -> 3e-18,
  // below rounding noise, which leaves the second step's result within 0.75 ulp).
  // Two steps and a cubic cost a constant evaluator less than four steps from a line:
  // a division costs it 2-4 times a multiplication.
  double y = a < 2 ? 0.369957101 + a * (0.787922362 + a * (-0.182747475 + a * 0.0249374882))
                   : 0.523198349 + a * (0.557145245 + a * (-0.0646109893 + a * 0.00440836675));
  y = 0.5 * (y + a / y);
  y = 0.5 * (y + a / y);
  // q is right if (q - 1/2)^2 < a 2^104 < (q + 1/2)^2, i.e. if -q < d <= q with
  // d = a 2^104 - q^2 = f 2^52 - q^2 (f = a 2^52, an integer in [2^52, 2^54)), exact
  // although computed modulo 2^64 (|d| < 2^55). f and the corrected q are not locals: an
  // evaluator pays for a local about as much as for an operation (clang++ 14 -2.5 % a call).
  const std::uint64_t q = static_cast<std::uint64_t>(y * 0x1p52);  // exact: y is in [1, 2]
  const std::int64_t d = static_cast<std::int64_t>((static_cast<std::uint64_t>(a * 0x1p52) << 52) - q * q);
  return static_cast<double>(d > static_cast<std::int64_t>(q)    ? q + 1
                             : d <= -static_cast<std::int64_t>(q) ? q - 1
                                                                  : q) *
         scale;
}

}  // namespace ctnn::math
