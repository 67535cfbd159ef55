// Compile-only test: ctnn::math in constant evaluation. Expected values are
// independent of the code under test: exact math, or glibc's results at run
// time (each checked to be the correctly rounded value, so any conforming
// implementation must produce them).

#include <bit>
#include <climits>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "ctnn/math.hpp"

namespace {

namespace m = ctnn::math;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double dmin = std::numeric_limits<double>::denorm_min();  // 2^-1074
constexpr double nmin = std::numeric_limits<double>::min();         // 2^-1022
constexpr double dmax = std::numeric_limits<double>::max();

constexpr bool is_nan(double x) { return x != x; }

// The sign of a zero is only observable through std::bit_cast, which Clang's
// new constant interpreter rejects for double; there zero_sign yields 0 and
// the sign checks pass vacuously (the run-time test covers them).
template <const double& X>
concept sign_observable = requires { typename std::integral_constant<std::uint64_t, std::bit_cast<std::uint64_t>(X)>; };

template <const double& X>
constexpr int zero_sign() {
  static_assert(X == 0);
  if constexpr (sign_observable<X>) {
    return (std::bit_cast<std::uint64_t>(X) >> 63) != 0 ? -1 : 1;
  } else {
    return 0;
  }
}

constexpr bool frexp_is(double x, double mant, int exp) {
  int e = 12345;
  const double r = m::frexp(x, &e);
  return (is_nan(mant) ? is_nan(r) : r == mant) && e == exp;
}

// ---- fp.hpp -------------------------------------------------------------

static_assert(m::isnan(nan) && !m::isnan(inf) && !m::isnan(0.0) && !m::isnan(dmin));
static_assert(m::isinf(inf) && m::isinf(-inf) && !m::isinf(dmax) && !m::isinf(nan));
static_assert(m::isfinite(dmax) && m::isfinite(-dmax) && m::isfinite(-0.0) && m::isfinite(dmin));
static_assert(!m::isfinite(inf) && !m::isfinite(-inf) && !m::isfinite(nan));

static_assert(m::fabs(-2.5) == 2.5 && m::fabs(2.5) == 2.5 && m::fabs(-inf) == inf && m::fabs(-dmin) == dmin);
static_assert(is_nan(m::fabs(nan)));
inline constexpr double fabs_neg_zero = m::fabs(-0.0);
static_assert(fabs_neg_zero == 0 && zero_sign<fabs_neg_zero>() != -1);

static_assert(frexp_is(8.0, 0.5, 4) && frexp_is(-3.0, -0.75, 2) && frexp_is(1.0, 0.5, 1));
static_assert(frexp_is(0.3, 0.6, -1) && frexp_is(0x1.8p-1, 0x1.8p-1, 0));
static_assert(frexp_is(dmin, 0.5, -1073) && frexp_is(0x1.8p-1060, 0x1.8p-1, -1059));
static_assert(frexp_is(nmin, 0.5, -1021) && frexp_is(dmax, 0x1.fffffffffffffp-1, 1024));
static_assert(frexp_is(0.0, 0.0, 0) && frexp_is(inf, inf, 0) && frexp_is(-inf, -inf, 0) && frexp_is(nan, nan, 0));

static_assert(m::ldexp(1.0, 1023) == 0x1p1023 && m::ldexp(0x1.8p-1, 1024) == 0x1.8p1023);
static_assert(m::ldexp(1.0, 1024) == inf && m::ldexp(-1.0, 1024) == -inf && m::ldexp(1.0, INT_MAX) == inf);
static_assert(m::ldexp(1.0, -1074) == dmin && m::ldexp(dmin, 1074) == 1.0 && m::ldexp(dmin, 2000) == 0x1p926);
static_assert(m::ldexp(1.0, -1075) == 0.0);                     // tie: rounds to even (zero)
static_assert(m::ldexp(3.0, -1075) == 2 * dmin);                 // tie: rounds to even (2 dmin)
static_assert(m::ldexp(0x1.8p0, -1075) == dmin);                 // 0.75 dmin
static_assert(m::ldexp(0x1.fffffffffffffp-1, -1022) == nmin);  // tie: rounds up to the smallest normal
static_assert(m::ldexp(1.0, INT_MIN) == 0.0 && m::ldexp(123.0, 0) == 123.0);
static_assert(m::ldexp(inf, -5000) == inf && is_nan(m::ldexp(nan, 3)) && m::ldexp(0.0, 3000) == 0.0);
inline constexpr double ldexp_neg_underflow = m::ldexp(-dmin, -1);
static_assert(ldexp_neg_underflow == 0 && zero_sign<ldexp_neg_underflow>() != 1);

// ---- exp ----------------------------------------------------------------

static_assert(m::exp(0.0) == 1.0 && m::exp(-0.0) == 1.0);
static_assert(m::exp(inf) == inf && m::exp(-inf) == 0.0 && is_nan(m::exp(nan)));
static_assert(m::exp(dmin) == 1.0 && m::exp(-dmin) == 1.0 && m::exp(1e-300) == 1.0);
static_assert(m::exp(1.0) == 0x1.5bf0a8b145769p+1 && m::exp(-1.0) == 0x1.78b56362cef38p-2);
static_assert(m::exp(0.5) == 0x1.a61298e1e069cp+0 && m::exp(20.5) == 0x1.7d6c4f0bcdd5cp+29);
static_assert(m::exp(10.0) == 0x1.5829dcf95056p+14 && m::exp(-10.0) == 0x1.7cd79b5647c9bp-15);
static_assert(m::exp(50.0) == 0x1.19103e4080b45p+72 && m::exp(-50.0) == 0x1.d257d547e083fp-73);
static_assert(m::exp(0x1p-30) == 0x1.00000004p+0 && m::exp(-0x1p-30) == 0x1.fffffff8p-1);
static_assert(m::exp(0x1.62e42fefa39efp-1) == 2.0 && m::exp(-0x1.62e42fefa39efp-1) == 0.5);  // +-ln 2
static_assert(m::exp(88.7) == 0x1.f4705bbffae5cp+127);
// Top edge: the largest argument with a finite result, then overflow.
static_assert(m::exp(709.5) == 0x1.81e9b4b52d0c9p+1023);
static_assert(m::exp(0x1.62e42fefa39efp+9) == 0x1.fffffffffff2ap+1023);
static_assert(m::exp(0x1.62e42fefa39f0p+9) == inf && m::exp(710.0) == inf && m::exp(dmax) == inf);
// Subnormal results, the last nonzero one, then underflow to zero.
static_assert(m::exp(-708.5) == 0x0.e6cf6d08897acp-1022 && m::exp(-720.0) == 0x0.0000993b4dc95p-1022);
static_assert(m::exp(-740.0) == 0x0.0000000000055p-1022);
static_assert(m::exp(-0x1.74910d52d3051p+9) == dmin && m::exp(-0x1.74910d52d3052p+9) == 0.0);
static_assert(m::exp(-746.0) == 0.0 && m::exp(-dmax) == 0.0);

// ---- log ----------------------------------------------------------------

inline constexpr double log_one = m::log(1.0);
static_assert(log_one == 0 && zero_sign<log_one>() != -1);
static_assert(m::log(0.0) == -inf && m::log(-0.0) == -inf && m::log(inf) == inf);
static_assert(is_nan(m::log(-1.0)) && is_nan(m::log(-dmin)) && is_nan(m::log(-inf)) && is_nan(m::log(nan)));
static_assert(m::log(2.0) == 0x1.62e42fefa39efp-1 && m::log(0.5) == -0x1.62e42fefa39efp-1);
static_assert(m::log(3.0) == 0x1.193ea7aad030bp+0 && m::log(10.0) == 0x1.26bb1bbb55516p+1);
static_assert(m::log(0.1) == -0x1.26bb1bbb55515p+1 && m::log(0x1.5bf0a8b145769p+1) == 1.0);  // log(RN(e))
static_assert(m::log(0x1.0000000000001p+0) == 0x1.fffffffffffffp-53 && m::log(0x1.fffffffffffffp-1) == -0x1p-53);
static_assert(m::log(1e300) == 0x1.5963447f87fb5p+9 && m::log(0x1p1023) == 0x1.628b76e3a7b61p+9);
static_assert(m::log(dmax) == 0x1.62e42fefa39efp+9 && m::log(nmin) == -0x1.6232bdd7abcd2p+9);
static_assert(m::log(dmin) == -0x1.74385446d71c3p+9 && m::log(0x1.8p-1060) == -0x1.6f2a4f5736e06p+9);

// ---- sqrt ---------------------------------------------------------------

inline constexpr double sqrt_neg_zero = m::sqrt(-0.0);
inline constexpr double sqrt_pos_zero = m::sqrt(0.0);
static_assert(sqrt_neg_zero == 0 && zero_sign<sqrt_neg_zero>() != 1);
static_assert(sqrt_pos_zero == 0 && zero_sign<sqrt_pos_zero>() != -1);
static_assert(m::sqrt(inf) == inf && is_nan(m::sqrt(-inf)) && is_nan(m::sqrt(nan)));
static_assert(is_nan(m::sqrt(-1.0)) && is_nan(m::sqrt(-dmin)));
static_assert(m::sqrt(4.0) == 2.0 && m::sqrt(9.0) == 3.0 && m::sqrt(0.25) == 0.5 && m::sqrt(1.0) == 1.0);
static_assert(m::sqrt(1e10) == 1e5 && m::sqrt(0x1p-1000) == 0x1p-500 && m::sqrt(144.0) == 12.0);
static_assert(m::sqrt(2.0) == 0x1.6a09e667f3bcdp+0 && m::sqrt(3.0) == 0x1.bb67ae8584caap+0);
static_assert(m::sqrt(0.5) == 0x1.6a09e667f3bcdp-1 && m::sqrt(10.0) == 0x1.94c583ada5b53p+1);
static_assert(m::sqrt(0x1.0000000000001p+0) == 1.0 && m::sqrt(0x1.fffffffffffffp-1) == 0x1.fffffffffffffp-1);
static_assert(m::sqrt(1e300) == 0x1.38d352e5096afp+498 && m::sqrt(dmax) == 0x1.fffffffffffffp+511);
static_assert(m::sqrt(dmin) == 0x1p-537 && m::sqrt(2 * dmin) == 0x1.6a09e667f3bcdp-537);
static_assert(m::sqrt(nmin) == 0x1p-511 && m::sqrt(0x1.8p-1060) == 0x1.3988e1409212ep-530);

}  // namespace
