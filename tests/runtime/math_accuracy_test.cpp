// Run-time accuracy of ctnn::math against glibc: exp and log within 1 ulp,
// sqrt bit-identical (both are correctly rounded), over deterministic sweeps
// of >= 10^6 points each; plus special values, and a check that constant
// evaluation and run time give the same bits.

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <limits>
#include <random>
#include <vector>

#include "ctnn/math.hpp"

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
constexpr double dmin = std::numeric_limits<double>::denorm_min();
constexpr double dmax = std::numeric_limits<double>::max();

std::uint64_t bits(double x) {
  std::uint64_t b = 0;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

double from_bits(std::uint64_t b) {
  double x = 0;
  std::memcpy(&x, &b, sizeof x);
  return x;
}

// Doubles mapped to integers in the same order, consecutive doubles to
// consecutive integers (-0 and +0 to the same one).
std::int64_t ordinal(double x) {
  const auto b = static_cast<std::int64_t>(bits(x));
  return b >= 0 ? b : std::numeric_limits<std::int64_t>::min() - b;
}

// Number of doubles between a and b; two NaNs are 0 apart, NaN and a number
// infinitely far.
std::uint64_t ulp_distance(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0 : ~std::uint64_t{0};
  const std::int64_t ia = ordinal(a);
  const std::int64_t ib = ordinal(b);
  return ia > ib ? static_cast<std::uint64_t>(ia) - static_cast<std::uint64_t>(ib)
                 : static_cast<std::uint64_t>(ib) - static_cast<std::uint64_t>(ia);
}

struct sweep_result {
  std::size_t points = 0;
  std::size_t differing = 0;
  std::uint64_t max_ulp = 0;
  double worst_x = 0;
};

template <class Ours, class Ref>
sweep_result sweep(const char* name, const std::vector<double>& xs, Ours ours, Ref ref) {
  sweep_result r;
  r.points = xs.size();
  for (const double x : xs) {
    const double a = ours(x);
    const double b = ref(x);
    if (bits(a) == bits(b) || (std::isnan(a) && std::isnan(b))) continue;
    ++r.differing;
    const std::uint64_t u = ulp_distance(a, b);
    if (u > r.max_ulp) {
      r.max_ulp = u;
      r.worst_x = x;
    }
  }
  std::cout << name << " vs glibc: " << r.points << " points, " << r.differing << " differ, max " << r.max_ulp
            << " ulp";
  if (r.differing != 0) std::cout << " (at x = " << std::hexfloat << r.worst_x << std::defaultfloat << ")";
  std::cout << "\n";
  return r;
}

void add_grid(std::vector<double>& xs, double lo, double hi, int n) {
  for (int i = 0; i <= n; ++i) xs.push_back(lo + (hi - lo) * i / n);
}

// `count` consecutive doubles on each side of x.
void add_neighbours(std::vector<double>& xs, double x, int count) {
  const std::int64_t b = static_cast<std::int64_t>(bits(x));
  for (std::int64_t i = -count; i <= count; ++i) xs.push_back(from_bits(static_cast<std::uint64_t>(b + i)));
}

// Random bit patterns; `mask` clears bits (e.g. the sign, or the exponent
// for subnormals), so every class of double gets drawn.
void add_random_bits(std::vector<double>& xs, std::mt19937_64& rng, int n, std::uint64_t mask) {
  for (int i = 0; i < n; ++i) xs.push_back(from_bits(rng() & mask));
}

void add_uniform(std::vector<double>& xs, std::mt19937_64& rng, int n, double lo, double hi) {
  std::uniform_real_distribution<double> dist(lo, hi);
  for (int i = 0; i < n; ++i) xs.push_back(dist(rng));
}

constexpr std::uint64_t all_bits = ~std::uint64_t{0};
constexpr std::uint64_t no_sign = all_bits >> 1;
constexpr std::uint64_t subnormal_bits = (std::uint64_t{1} << 52) - 1;

bool is_neg_zero(double x) { return x == 0 && std::signbit(x); }
bool is_pos_zero(double x) { return x == 0 && !std::signbit(x); }

// Same inputs evaluated during compilation and at run time.
constexpr int n_ct = 200;
constexpr double ct_input(int i) { return -745.0 + 1455.0 * i / n_ct + 1e-3 * i; }

template <class F>
constexpr std::array<double, n_ct> compile_time(F f) {
  std::array<double, n_ct> out{};
  for (int i = 0; i < n_ct; ++i) out[static_cast<std::size_t>(i)] = f(ct_input(i));
  return out;
}

}  // namespace

TEST_CASE("exp is within 1 ulp of glibc", "[math][exp]") {
  std::mt19937_64 rng(20240601);
  std::vector<double> xs;
  add_grid(xs, -50, 50, 500'000);              // the range training uses
  add_grid(xs, -746, 710, 200'000);            // every finite, nonzero result
  add_grid(xs, -746, -708, 100'000);           // subnormal results
  add_grid(xs, -0x1p-20, 0x1p-20, 20'000);     // around 0
  add_neighbours(xs, 0x1.62e42fefa39efp+9, 2000);   // overflow threshold
  add_neighbours(xs, -0x1.74910d52d3051p+9, 2000);  // last nonzero result
  add_neighbours(xs, -0x1.6232bdd7abcd2p+9, 2000);  // ~ln(2^-1022): normal/subnormal
  add_neighbours(xs, -690.0, 2000);                 // both sides of each internal
  add_neighbours(xs, 709.0, 2000);                  // switch of algorithm
  add_uniform(xs, rng, 150'000, -746, 710);
  add_random_bits(xs, rng, 100'000, all_bits);  // whole domain incl. inf, NaN, tiny
  add_random_bits(xs, rng, 20'000, subnormal_bits | (std::uint64_t{1} << 63));
  REQUIRE(xs.size() >= 1'000'000);

  const sweep_result r = sweep(
      "exp", xs, [](double x) { return ctnn::math::exp(x); }, [](double x) { return std::exp(x); });
  INFO("worst x = " << r.worst_x << ", differing results: " << r.differing);
  CHECK(r.max_ulp <= 1);
}

TEST_CASE("log is within 1 ulp of glibc", "[math][log]") {
  std::mt19937_64 rng(20240602);
  std::vector<double> xs;
  add_grid(xs, 0.5, 2.0, 300'000);
  add_grid(xs, 1 - 0x1p-10, 1 + 0x1p-10, 100'000);  // result near 0
  add_neighbours(xs, 1.0, 5000);
  add_grid(xs, 0, 100, 100'000);
  add_uniform(xs, rng, 200'000, 0, 1);               // what a normal-deviate generator feeds it
  add_random_bits(xs, rng, 300'000, no_sign);        // every positive double, inf and NaN
  add_random_bits(xs, rng, 50'000, all_bits);        // negatives too
  add_random_bits(xs, rng, 50'000, subnormal_bits);  // subnormals
  add_neighbours(xs, dmin, 2000);
  add_neighbours(xs, std::numeric_limits<double>::min(), 2000);
  add_neighbours(xs, dmax, 2000);  // upper half runs into inf and NaN patterns
  // Where log's nearest table point changes (its index estimate decides there), in [1, 2)
  // and a few binades away.
  for (const auto& entry : ctnn::math::detail::exp_data::table)
    for (const double scale : {1.0, 0x1p-30, 0x1p300})
      add_neighbours(xs, entry.hi / 0x1.002c605e2e8cfp+0 * scale, 20);
  REQUIRE(xs.size() >= 1'000'000);

  const sweep_result r = sweep(
      "log", xs, [](double x) { return ctnn::math::log(x); }, [](double x) { return std::log(x); });
  INFO("worst x = " << r.worst_x << ", differing results: " << r.differing);
  CHECK(r.max_ulp <= 1);
  // It should essentially never differ (the residual differences are where
  // glibc itself is off by one).
  CHECK(r.differing * 1000 < r.points);
}

TEST_CASE("sqrt is correctly rounded (identical to glibc)", "[math][sqrt]") {
  std::mt19937_64 rng(20240603);
  std::vector<double> xs;
  add_random_bits(xs, rng, 400'000, no_sign);
  add_random_bits(xs, rng, 50'000, all_bits);
  add_random_bits(xs, rng, 100'000, subnormal_bits);
  add_grid(xs, 0, 100, 200'000);
  add_uniform(xs, rng, 100'000, 0.25, 1);
  // Perfect squares and their neighbours: the exact and near-tie cases.
  std::uniform_int_distribution<std::uint64_t> root(1, std::uint64_t{1} << 26);
  for (int i = 0; i < 50'000; ++i) {
    const auto r = static_cast<double>(root(rng));
    add_neighbours(xs, r * r, 2);
  }
  add_neighbours(xs, dmin, 2000);
  add_neighbours(xs, dmax, 2000);
  REQUIRE(xs.size() >= 1'000'000);

  const sweep_result r = sweep(
      "sqrt", xs, [](double x) { return ctnn::math::sqrt(x); }, [](double x) { return std::sqrt(x); });
  INFO("worst x = " << r.worst_x);
  CHECK(r.differing == 0);
}

TEST_CASE("special values at run time", "[math]") {
  namespace m = ctnn::math;  // qualified: the global ::exp etc. would be ambiguous
  CHECK(m::exp(0.0) == 1.0);
  CHECK(m::exp(-0.0) == 1.0);
  CHECK(m::exp(inf) == inf);
  CHECK(is_pos_zero(m::exp(-inf)));
  CHECK(std::isnan(m::exp(qnan)));
  CHECK(m::exp(710.0) == inf);
  CHECK(is_pos_zero(m::exp(-746.0)));
  CHECK(m::exp(-0x1.74910d52d3051p+9) == dmin);

  CHECK(m::log(0.0) == -inf);
  CHECK(m::log(-0.0) == -inf);
  CHECK(is_pos_zero(m::log(1.0)));
  CHECK(m::log(inf) == inf);
  CHECK(std::isnan(m::log(-1.0)));
  CHECK(std::isnan(m::log(-inf)));
  CHECK(std::isnan(m::log(qnan)));

  CHECK(is_pos_zero(m::sqrt(0.0)));
  CHECK(is_neg_zero(m::sqrt(-0.0)));
  CHECK(m::sqrt(inf) == inf);
  CHECK(std::isnan(m::sqrt(-1.0)));
  CHECK(std::isnan(m::sqrt(-inf)));
  CHECK(std::isnan(m::sqrt(qnan)));

  CHECK(is_pos_zero(m::fabs(-0.0)));
  CHECK(is_neg_zero(m::ldexp(-dmin, -1)));
  CHECK(is_neg_zero(m::ldexp(-0.0, 10)));
  int e = 1;
  CHECK(is_neg_zero(m::frexp(-0.0, &e)));
  CHECK(e == 0);
}

TEST_CASE("fp helpers agree with <cmath>", "[math][fp]") {
  std::mt19937_64 rng(20240604);
  std::vector<double> xs;
  add_random_bits(xs, rng, 100'000, all_bits);
  add_random_bits(xs, rng, 20'000, subnormal_bits | (std::uint64_t{1} << 63));
  std::uniform_int_distribution<int> shift(-2200, 2200);
  for (const double x : xs) {
    int e1 = 0;
    int e2 = 0;
    const double m1 = ctnn::math::frexp(x, &e1);
    const double m2 = std::frexp(x, &e2);
    const int n = shift(rng);
    const double l1 = ctnn::math::ldexp(x, n);
    const double l2 = std::ldexp(x, n);
    INFO("x = " << std::hexfloat << x << ", n = " << n);
    REQUIRE((bits(m1) == bits(m2) || (std::isnan(m1) && std::isnan(m2))));
    REQUIRE((!std::isfinite(x) || e1 == e2));
    REQUIRE((bits(l1) == bits(l2) || (std::isnan(l1) && std::isnan(l2))));
    REQUIRE(ctnn::math::isnan(x) == std::isnan(x));
    REQUIRE(ctnn::math::isinf(x) == std::isinf(x));
    REQUIRE(ctnn::math::isfinite(x) == std::isfinite(x));
    REQUIRE((bits(ctnn::math::fabs(x)) == bits(std::fabs(x)) || std::isnan(x)));
  }
}

TEST_CASE("constant evaluation gives the same bits as run time", "[math]") {
  static constexpr auto ct_exp = compile_time([](double x) { return ctnn::math::exp(x); });
  static constexpr auto ct_log = compile_time([](double x) { return ctnn::math::log(x > 0 ? x : -x); });
  static constexpr auto ct_sqrt = compile_time([](double x) { return ctnn::math::sqrt(x > 0 ? x : -x); });
  for (int i = 0; i < n_ct; ++i) {
    volatile double vx = ct_input(i);  // keep the run-time calls at run time
    const double x = vx;
    const double ax = x > 0 ? x : -x;
    const auto k = static_cast<std::size_t>(i);
    INFO("x = " << std::hexfloat << x);
    CHECK(bits(ctnn::math::exp(x)) == bits(ct_exp[k]));
    CHECK(bits(ctnn::math::log(ax)) == bits(ct_log[k]));
    CHECK(bits(ctnn::math::sqrt(ax)) == bits(ct_sqrt[k]));
  }
}
