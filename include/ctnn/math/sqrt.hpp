#pragma once
// ctnn::math::sqrt(x), usable in constant evaluation; correctly rounded
// (round to nearest even), hence bit-identical to IEEE 754 / glibc sqrt, at
// compile time and at run time alike (FMA contraction cannot change it).
//
// Special values (as IEEE 754 / glibc):
//   sqrt(±0) = ±0, sqrt(+inf) = +inf, sqrt(x < 0) = NaN (also for -inf),
//   sqrt(NaN) = NaN; subnormal x is handled like any other.
//
// Method: x = f * 2^p with f a 53- or 54-bit integer and p even, so that
// sqrt(x) = sqrt(N) * 2^(p/2 - 27) with N = f * 2^54 in [2^106, 2^108).
// Newton's method in double estimates R = floor(sqrt(N)) to a few units;
// exact 64-bit integer arithmetic then corrects it (N - R^2 is tiny, so it
// can be computed modulo 2^64). R has 54 bits; its last bit decides the
// rounding, which can never be an exact tie: an odd R with N = R^2 would
// make N odd, and N is even.

#include <cstdint>
#include <limits>

#include "ctnn/math/fp.hpp"

namespace ctnn::math {

constexpr double sqrt(double x) noexcept {
  if (!(x > 0)) return x == 0 || isnan(x) ? x : std::numeric_limits<double>::quiet_NaN();
  if (isinf(x)) return x;

  int e = 0;
  const double m = frexp(x, &e);  // [0.5, 1)
  std::uint64_t f = static_cast<std::uint64_t>(m * 0x1p53);  // exact: [2^52, 2^53)
  int p = e - 53;
  if (p % 2 != 0) {
    f <<= 1;
    --p;
  }

  // g = N / 2^108 in [1/4, 1). A linear guess within 3% of sqrt(g), then
  // four Newton steps (3% -> 5e-4 -> 1e-7 -> 5e-15 -> rounding noise).
  const double g = static_cast<double>(f) * 0x1p-54;
  double y = 0.343 + 0.686 * g;
  for (int i = 0; i < 4; ++i) y = 0.5 * (y + g / y);
  std::uint64_t root = static_cast<std::uint64_t>(y * 0x1p54);  // exact: y * 2^54 is an integer
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
  return static_cast<double>(q) * detail::pow2(p / 2 - 26);
}

}  // namespace ctnn::math
