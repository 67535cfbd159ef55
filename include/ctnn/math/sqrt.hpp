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
// powers of four, so that sqrt(x) = sqrt(a) * 2^k. With f = a * 2^52 (an
// integer) and N = f * 2^54 in [2^106, 2^108), sqrt(a) = sqrt(N) * 2^-53.
// Newton's method in double estimates R = floor(sqrt(N)) to a few units;
// exact 64-bit integer arithmetic then corrects it (N - R^2 is tiny, so it
// can be computed modulo 2^64). R has 54 bits; its last bit decides the
// rounding, which can never be an exact tie: an odd R with N = R^2 would
// make N odd, and N is even.
//
// Adam takes one sqrt per parameter per step, so its cost matters at compile
// time: the search for k and the Newton steps are written out rather than
// looped, which constant evaluators run about twice as fast (loop control
// and index arithmetic cost them as much as the arithmetic itself). It does
// not call frexp and pow2 (fp.hpp): searching even exponents only, with the
// result's scale carried along, costs ~20 % less than both written out.

#include <cstdint>
#include <limits>

#include "ctnn/math/fp.hpp"

namespace ctnn::math {

constexpr double sqrt(double x) noexcept {
  if (!(x > 0)) return x == 0 || isnan(x) ? x : std::numeric_limits<double>::quiet_NaN();
  if (isinf(x)) return x;

  // a * scale^2 == x throughout; every product is exact (powers of two on
  // normal numbers, no overflow or underflow).
  double a = x;
  double scale = 1;
  if (a < 0x1p-1022) {  // subnormal (below the smallest normal double): make it normal
    a *= 0x1p54;
    scale = 0x1p-27;
  }
  // Binary search on k: a < 2^1024 narrows to a < 4, a >= 2^-1022 to a >= 1/4.
  if (a >= 4) {
    if (a >= 0x1p512) { a *= 0x1p-512; scale *= 0x1p256; }
    if (a >= 0x1p256) { a *= 0x1p-256; scale *= 0x1p128; }
    if (a >= 0x1p128) { a *= 0x1p-128; scale *= 0x1p64; }
    if (a >= 0x1p64) { a *= 0x1p-64; scale *= 0x1p32; }
    if (a >= 0x1p32) { a *= 0x1p-32; scale *= 0x1p16; }
    if (a >= 0x1p16) { a *= 0x1p-16; scale *= 0x1p8; }
    if (a >= 0x1p8) { a *= 0x1p-8; scale *= 0x1p4; }
    if (a >= 0x1p4) { a *= 0x1p-4; scale *= 0x1p2; }
    if (a >= 0x1p2) { a *= 0x1p-2; scale *= 0x1p1; }
  } else if (a < 1) {
    if (a < 0x1p-512) { a *= 0x1p512; scale *= 0x1p-256; }
    if (a < 0x1p-256) { a *= 0x1p256; scale *= 0x1p-128; }
    if (a < 0x1p-128) { a *= 0x1p128; scale *= 0x1p-64; }
    if (a < 0x1p-64) { a *= 0x1p64; scale *= 0x1p-32; }
    if (a < 0x1p-32) { a *= 0x1p32; scale *= 0x1p-16; }
    if (a < 0x1p-16) { a *= 0x1p16; scale *= 0x1p-8; }
    if (a < 0x1p-8) { a *= 0x1p8; scale *= 0x1p-4; }
    if (a < 0x1p-4) { a *= 0x1p4; scale *= 0x1p-2; }
    if (a < 0x1p-2) { a *= 0x1p2; scale *= 0x1p-1; }
    a *= 4;
    scale *= 0.5;
  }
  const std::uint64_t f = static_cast<std::uint64_t>(a * 0x1p52);  // exact: [2^52, 2^54)

  // sqrt(a) in [1, 2): a cubic on [1, 2) or on [2, 4), each within 7e-5 of it (relative
  // minimax fits, tools/fit_sqrt_guess.py), then two Newton steps (7e-5 -> 2.5e-9 -> 3e-18,
  // below rounding noise).
  // Two steps and a cubic cost a constant evaluator less than four steps from a line:
  // a division costs it 2-4 times a multiplication.
  double y = a < 2 ? 0.369957101 + a * (0.787922362 + a * (-0.182747475 + a * 0.0249374882))
                   : 0.523198349 + a * (0.557145245 + a * (-0.0646109893 + a * 0.00440836675));
  y = 0.5 * (y + a / y);
  y = 0.5 * (y + a / y);
  std::uint64_t root = static_cast<std::uint64_t>(y * 0x1p53);  // exact: y * 2^53 is an integer
  // rem = N - root^2, exact although computed modulo 2^64 (|rem| << 2^63).
  std::int64_t rem = static_cast<std::int64_t>((f << 54) - root * root);
  while (rem < 0) {
    --root;
    rem += static_cast<std::int64_t>(2 * root + 1);
  }
  while (rem > static_cast<std::int64_t>(2 * root)) {
    rem -= static_cast<std::int64_t>(2 * root + 1);
    ++root;
  }
  // root in [2^53, 2^54): drop the last bit, rounding up when it is set.
  const std::uint64_t q = (root >> 1) + (root & 1);
  return static_cast<double>(q) * 0x1p-52 * scale;
}

}  // namespace ctnn::math
