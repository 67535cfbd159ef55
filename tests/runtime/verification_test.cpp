// Run-time tests of ctnn's verification (include/ctnn/verification/):
//   soundness  - for every box of the reference (several per network, from a point to
//                wide ones): 10^6 random points, every vertex, and points pushed to each
//                output's extremes by a search, run through the network with ctnn's math
//                and with the C library's exp; none falls outside the certified bounds;
//   tightness  - the bounds are within 1e-12 relative of exact-arithmetic interval
//                propagation (tests/reference/verification_reference.py, mpmath);
//   proofs     - a counterexample really violates the property, a proved property holds
//                at random points, a false property is never proved, certified radii
//                hold at random points of their balls;
//   bit for bit - bounds, proofs and radii computed at run time equal the compiler's.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <random>
#include <stdexcept>
#include <utility>

#include <catch2/catch.hpp>

#include <ctnn/activations/sigmoid_libm.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/models/xor_verified.hpp>
#include <ctnn/verification.hpp>

#include "data/verification_reference.hpp"
#include "support/run_time.hpp"

namespace {

namespace v = ctnn::verification;
namespace ref = ctnn_test::verification_reference;
namespace xg = ctnn::models::xor_gate;
using ctnn_test::hex;
using ctnn_test::opaque;

// ctnn's tanh and softmax with the C library's exp in place of ctnn::math::exp: the
// bounds allow for any exp within 1 ulp, so they must hold for these too.
struct tanh_libm {
    static double apply(double z) noexcept {
        if (std::isnan(z)) return z;
        const double m = z < 0 ? -z : z;
        if (m < 0x1p-27) return z;
        if (m > 22.0) return z < 0 ? -1.0 : 1.0;
        const double t = std::exp(-2.0 * m);
        const double r = (1.0 - t) / (1.0 + t);
        return z < 0 ? -r : r;
    }
    static double derivative_from_output(double a) noexcept { return 1.0 - a * a; }
};
struct softmax_libm {
    static void apply_row(double* row, std::size_t n) noexcept {
        double top = row[0];
        for (std::size_t i = 1; i < n; ++i) top = row[i] > top ? row[i] : top;
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += (row[i] = std::exp(row[i] - top));
        for (std::size_t i = 0; i < n; ++i) row[i] /= sum;
    }
    static void backprop_row(const double*, const double*, double*, std::size_t) noexcept {}
};

}  // namespace

template <>
struct ctnn::verification::activation_bounds<tanh_libm> : ctnn::verification::activation_bounds<ctnn::tanh> {};
template <>
struct ctnn::verification::activation_bounds<softmax_libm> : ctnn::verification::activation_bounds<ctnn::softmax> {};

namespace {

using ctnn::dense;
using ctnn::network;
using xor_net = xg::network_type;
using xor_libm = network<dense<2, 4, ctnn::sigmoid_libm>, dense<4, 1, ctnn::sigmoid_libm>>;
using mixed_net = network<dense<3, 5, ctnn::tanh>, dense<5, 4, ctnn::relu>, dense<4, 4, ctnn::leaky_relu<1, 10>>,
                          dense<4, 2, ctnn::identity>>;
using mixed_libm = network<dense<3, 5, tanh_libm>, dense<5, 4, ctnn::relu>, dense<4, 4, ctnn::leaky_relu<1, 10>>,
                           dense<4, 2, ctnn::identity>>;
using softmax_net = network<dense<2, 6, ctnn::sigmoid>, dense<6, 3, ctnn::softmax>>;
using softmax_libm_net = network<dense<2, 6, ctnn::sigmoid_libm>, dense<6, 3, softmax_libm>>;

template <class Layer, std::size_t K, std::size_t M>
constexpr Layer make_layer(const std::array<double, K>& W, const std::array<double, M>& b) {
    Layer l{};
    for (std::size_t i = 0; i < K; ++i) l.W.data[i] = W[i];
    for (std::size_t i = 0; i < M; ++i) l.b.data[i] = b[i];
    return l;
}

// The same weights under other activations.
template <class To, class From, std::size_t... I>
To with_weights_of(const From& from, std::index_sequence<I...>) {
    To to{};
    const auto copy = [](auto& a, const auto& b) {
        for (std::size_t i = 0; i < sizeof a.W.data / sizeof(double); ++i) a.W.data[i] = b.W.data[i];
        for (std::size_t i = 0; i < sizeof a.b.data / sizeof(double); ++i) a.b.data[i] = b.b.data[i];
    };
    (copy(to.template layer<I>(), from.template layer<I>()), ...);
    return to;
}
template <class To, class From>
To with_weights_of(const From& from) {
    return with_weights_of<To>(from, std::make_index_sequence<From::depth>{});
}

constexpr mixed_net mixed{{make_layer<dense<3, 5, ctnn::tanh>>(ref::mixed_W1, ref::mixed_b1),
                           make_layer<dense<5, 4, ctnn::relu>>(ref::mixed_W2, ref::mixed_b2),
                           make_layer<dense<4, 4, ctnn::leaky_relu<1, 10>>>(ref::mixed_W3, ref::mixed_b3),
                           make_layer<dense<4, 2, ctnn::identity>>(ref::mixed_W4, ref::mixed_b4)}};
constexpr softmax_net soft{{make_layer<dense<2, 6, ctnn::sigmoid>>(ref::softmax_W1, ref::softmax_b1),
                            make_layer<dense<6, 3, ctnn::softmax>>(ref::softmax_W2, ref::softmax_b2)}};

template <std::size_t N, std::size_t M>
v::box<N> box_of(const ref::box_case<N, M>& c) {
    v::box<N> b{};
    for (std::size_t i = 0; i < N; ++i) b[i] = {opaque(c.lo[i]), opaque(c.hi[i])};
    return b;
}

template <class Net, std::size_t N>
auto output_at(const Net& net, const std::array<double, N>& x) {
    ctnn::matrix<1, N> in{};
    for (std::size_t i = 0; i < N; ++i) in.data[i] = x[i];
    return net.predict(in);
}

// Counts, for a report line per test, and fails on the first output outside its bounds.
struct checker {
    std::size_t points = 0;
    template <class Net, class Libm, std::size_t N, std::size_t M>
    void check(const Net& net, const Libm& libm, const v::box<M>& bounds, const std::array<double, N>& x) {
        ++points;
        const auto y = output_at(net, x);
        const auto y_libm = output_at(libm, x);
        for (std::size_t o = 0; o < M; ++o) {
            if (!bounds[o].contains(y.data[o]) || !bounds[o].contains(y_libm.data[o])) {
                INFO("output " << o << " at point " << points << ": " << hex(y.data[o]) << " (libm "
                               << hex(y_libm.data[o]) << ") outside [" << hex(bounds[o].lo) << ", "
                               << hex(bounds[o].hi) << "]");
                FAIL_CHECK("outside the certified bounds");
                return;
            }
        }
    }
};

// Pushes x to an output's smallest (sign -1) or largest (+1) value in the box: a grid,
// then coordinate steps that halve when nothing improves.
template <class Net, std::size_t N>
std::array<double, N> extreme(const Net& net, const v::box<N>& b, std::size_t o, double sign) {
    std::array<double, N> best{};
    for (std::size_t i = 0; i < N; ++i) best[i] = b[i].middle();
    double best_value = sign * output_at(net, best).data[o];
    constexpr int grid = 9;
    std::array<double, N> x{};
    for (std::size_t cell = 0;; ++cell) {
        std::size_t c = cell;
        for (std::size_t i = 0; i < N; ++i, c /= grid)
            x[i] = b[i].lo + b[i].width() * static_cast<double>(c % grid) / (grid - 1);
        if (c != 0) break;
        const double value = sign * output_at(net, x).data[o];
        if (value > best_value) best_value = value, best = x;
    }
    for (double step = 0.25; step > 1e-12; step /= 2) {
        bool improved = true;
        while (improved) {
            improved = false;
            for (std::size_t i = 0; i < N; ++i)
                for (double dir : {-1.0, 1.0}) {
                    x = best;
                    x[i] = std::clamp(x[i] + dir * step * b[i].width(), b[i].lo, b[i].hi);
                    const double value = sign * output_at(net, x).data[o];
                    if (value > best_value) best_value = value, best = x, improved = true;
                }
        }
    }
    return best;
}

template <class Net, class Libm, std::size_t N, std::size_t M, std::size_t K>
void soundness(const Net& net, const std::array<ref::box_case<N, M>, K>& cases, std::size_t random_points) {
    const Libm libm = with_weights_of<Libm>(net);
    std::mt19937_64 rng(20261203);
    for (std::size_t c = 0; c < K; ++c) {
        const v::box<N> b = box_of(cases[c]);
        const v::box<M> bounds = v::output_bounds(net, b);
        checker check;
        std::array<double, N> x{};
        for (std::size_t vertex = 0; vertex < (std::size_t{1} << N); ++vertex) {
            for (std::size_t i = 0; i < N; ++i) x[i] = (vertex >> i & 1) ? b[i].hi : b[i].lo;
            check.check(net, libm, bounds, x);
        }
        for (std::size_t o = 0; o < M; ++o)
            for (double sign : {-1.0, 1.0}) {
                check.check(net, libm, bounds, extreme(net, b, o, sign));
                check.check(net, libm, bounds, extreme(libm, b, o, sign));
            }
        bool point = true;
        for (std::size_t i = 0; i < N; ++i) point = point && b[i].lo == b[i].hi;
        if (!point) {
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            for (std::size_t p = 0; p < random_points; ++p) {
                for (std::size_t i = 0; i < N; ++i) x[i] = std::min(b[i].lo + b[i].width() * unit(rng), b[i].hi);
                check.check(net, libm, bounds, x);
            }
        }
        INFO("box " << c);
        CHECK(check.points >= (std::size_t{1} << N) + 4 * M);
    }
}

template <class Net, std::size_t N, std::size_t M, std::size_t K>
void tightness(const Net& net, const std::array<ref::box_case<N, M>, K>& cases) {
    for (std::size_t c = 0; c < K; ++c) {
        const v::box<M> bounds = v::output_bounds(net, box_of(cases[c]));
        for (std::size_t o = 0; o < M; ++o) {
            const double lo = cases[c].out_lo[o], hi = cases[c].out_hi[o];
            const double scale = std::max(std::abs(lo), std::abs(hi));
            INFO("box " << c << ", output " << o << ": [" << hex(bounds[o].lo) << ", " << hex(bounds[o].hi)
                        << "] vs exact [" << hex(lo) << ", " << hex(hi) << "]");
            CHECK(std::abs(bounds[o].lo - lo) <= 1e-12 * scale);
            CHECK(std::abs(bounds[o].hi - hi) <= 1e-12 * scale);
            CHECK(bounds[o].lo <= bounds[o].hi);
        }
    }
}

constexpr std::size_t million = 1'000'000;

}  // namespace

TEST_CASE("verification: certified bounds hold at 10^6 random points, the vertices and the extremes",
          "[verification]") {
    SECTION("XOR") { soundness<xor_net, xor_libm>(xg::trained.network, ref::xor_cases, million); }
    SECTION("tanh, relu, leaky relu, identity") { soundness<mixed_net, mixed_libm>(mixed, ref::mixed_cases, million); }
    SECTION("sigmoid, softmax") { soundness<softmax_net, softmax_libm_net>(soft, ref::softmax_cases, million); }
}

TEST_CASE("verification: bounds within 1e-12 relative of exact interval propagation (mpmath)", "[verification]") {
    tightness(xg::trained.network, ref::xor_cases);
    tightness(mixed, ref::mixed_cases);
    tightness(soft, ref::softmax_cases);
}

TEST_CASE("verification: one dense layer's bounds are attained at the vertices", "[verification]") {
    // With no activation to widen them, the bounds are the network's own outputs at two
    // vertices of the box: as tight as floating point allows.
    const network<dense<3, 5, ctnn::identity>> layer{
        {make_layer<dense<3, 5, ctnn::identity>>(ref::mixed_W1, ref::mixed_b1)}};
    for (const auto& c : ref::mixed_cases) {
        const v::box<3> b = box_of(c);
        const v::box<5> bounds = v::output_bounds(layer, b);
        for (std::size_t o = 0; o < 5; ++o) {
            double lo = HUGE_VAL, hi = -HUGE_VAL;
            for (std::size_t vertex = 0; vertex < 8; ++vertex) {
                const std::array<double, 3> x{(vertex & 1) ? b[0].hi : b[0].lo, (vertex & 2) ? b[1].hi : b[1].lo,
                                              (vertex & 4) ? b[2].hi : b[2].lo};
                const double y = output_at(layer, x).data[o];
                lo = std::min(lo, y);
                hi = std::max(hi, y);
            }
            CHECK(bounds[o].lo == lo);
            CHECK(bounds[o].hi == hi);
        }
    }
}

TEST_CASE("verification: the margin for exp's error covers the C library's exp where it differs from ctnn's",
          "[verification]") {
    // At a single point the bounds hold ctnn's own output; where glibc's exp differs from
    // ctnn::math::exp in the last bit, the libm networks' outputs can only be inside
    // thanks to the margin (without it this test fails). The points: random arguments
    // at which the two exps differ.
    using sig = network<dense<1, 1, ctnn::sigmoid>>;
    using sig_libm = network<dense<1, 1, ctnn::sigmoid_libm>>;
    using th = network<dense<1, 1, ctnn::tanh>>;
    using th_libm = network<dense<1, 1, tanh_libm>>;
    using soft2 = network<dense<1, 2, ctnn::softmax>>;
    using soft2_libm = network<dense<1, 2, softmax_libm>>;
    const sig s{{make_layer<dense<1, 1, ctnn::sigmoid>>(std::array<double, 1>{1.0}, std::array<double, 1>{0.0})}};
    const th t{{make_layer<dense<1, 1, ctnn::tanh>>(std::array<double, 1>{1.0}, std::array<double, 1>{0.0})}};
    const soft2 f{{make_layer<dense<1, 2, ctnn::softmax>>(std::array<double, 2>{1.0, -1.0},
                                                          std::array<double, 2>{0.0, 0.0})}};
    const auto s_libm = with_weights_of<sig_libm>(s);
    const auto t_libm = with_weights_of<th_libm>(t);
    const auto f_libm = with_weights_of<soft2_libm>(f);
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> arg(-20.0, 20.0);
    std::size_t differing = 0, outputs_differ = 0;
    for (int k = 0; k < 2'000'000 && outputs_differ < 200; ++k) {
        const double z = arg(rng);
        if (std::exp(-z) == ctnn::math::exp(-z) && std::exp(-2 * std::abs(z)) == ctnn::math::exp(-2 * std::abs(z)) &&
            std::exp(-2 * z) == ctnn::math::exp(-2 * z) && std::exp(2 * z) == ctnn::math::exp(2 * z))
            continue;
        ++differing;
        const v::box<1> point{{{z, z}}};
        const std::array<double, 1> x{z};
        const auto bs = v::output_bounds(s, point);
        const auto bt = v::output_bounds(t, point);
        const auto bf = v::output_bounds(f, point);
        const double ys = output_at(s_libm, x).data[0], yt = output_at(t_libm, x).data[0];
        const auto yf = output_at(f_libm, x);
        outputs_differ += ys != output_at(s, x).data[0] || yt != output_at(t, x).data[0] ||
                          yf.data[0] != output_at(f, x).data[0];
        INFO("z = " << hex(z));
        REQUIRE(bs[0].contains(ys));
        REQUIRE(bt[0].contains(yt));
        REQUIRE(bf[0].contains(yf.data[0]));
        REQUIRE(bf[1].contains(yf.data[1]));
    }
    INFO(differing << " arguments where the exps differ, " << outputs_differ << " where an output does");
    CHECK(outputs_differ >= 200);
}

TEST_CASE("verification: compile-time bounds, proofs and radii equal the run-time ones bit for bit",
          "[verification]") {
    static constexpr auto xor_case = ref::xor_cases[0];
    static constexpr auto mixed_case = ref::mixed_cases[5];
    static constexpr auto soft_case = ref::softmax_cases[4];
    static constexpr auto xor_ct = v::output_bounds(xg::trained.network, v::box<2>{{{xor_case.lo[0], xor_case.hi[0]},
                                                                                    {xor_case.lo[1], xor_case.hi[1]}}});
    static constexpr auto mixed_ct = v::output_bounds(
        mixed, v::box<3>{{{mixed_case.lo[0], mixed_case.hi[0]}, {mixed_case.lo[1], mixed_case.hi[1]},
                          {mixed_case.lo[2], mixed_case.hi[2]}}});
    static constexpr auto soft_ct =
        v::output_bounds(soft, v::box<2>{{{soft_case.lo[0], soft_case.hi[0]}, {soft_case.lo[1], soft_case.hi[1]}}});
    CHECK(v::output_bounds(xg::trained.network, box_of(xor_case)) == xor_ct);
    CHECK(v::output_bounds(mixed, box_of(mixed_case)) == mixed_ct);
    CHECK(v::output_bounds(soft, box_of(soft_case)) == soft_ct);

    namespace xv = xg::verified;
    const v::box<2> square{{{opaque(0.0), opaque(1.0)}, {opaque(0.0), opaque(1.0)}}};
    const auto run = v::prove(xg::trained.network, square, xv::gives_1);
    CHECK(run.result == xv::not_everywhere_1.result);
    CHECK(run.counterexample == xv::not_everywhere_1.counterexample);
    CHECK(run.boxes == xv::not_everywhere_1.boxes);

    const std::pair<const v::certified_radius_result<2>*, std::array<double, 2>> radii[] = {
        {&xv::radius_00, {0, 0}}, {&xv::radius_01, {0, 1}}, {&xv::radius_10, {1, 0}}, {&xv::radius_11, {1, 1}}};
    for (const auto& [compile_time, corner] : radii) {
        const ctnn::matrix<1, 2> x{{opaque(corner[0]), opaque(corner[1])}};
        const bool one = corner[0] != corner[1];
        const auto r = one ? v::certified_radius(xg::trained.network, x, xv::gives_1)
                           : v::certified_radius(xg::trained.network, x, xv::gives_0);
        INFO("corner (" << corner[0] << ", " << corner[1] << "): radius " << r.radius);
        CHECK(r.radius == compile_time->radius);
        CHECK(r.beyond == compile_time->beyond);
        CHECK(r.counterexample == compile_time->counterexample);
        CHECK(r.boxes == compile_time->boxes);
    }
}

TEST_CASE("verification: proofs are right about the network", "[verification]") {
    namespace xv = xg::verified;
    const auto& net = xg::trained.network;
    std::mt19937_64 rng(15);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    SECTION("a false property is never proved, and its counterexample violates it") {
        // XOR's output is not > 0.5 on all of [0, 1]^2, nor < 0.5; nor on any box holding
        // a corner of each kind.
        for (const auto& p : {v::prove(net, xv::unit_square, xv::gives_1), v::prove(net, xv::unit_square, xv::gives_0),
                              v::prove(net, v::box<2>{{{-0.5, 0.2}, {0.1, 1.5}}}, xv::gives_0),
                              v::prove(net, v::box<2>{{{0.9, 1.0}, {0.0, 1.0}}}, xv::gives_1)}) {
            REQUIRE(p.disproved());
            CHECK(p.counterexample.data[0] >= -0.5);
            CHECK(p.counterexample.data[0] <= 1.5);
        }
        const auto p = v::prove(net, xv::unit_square, xv::gives_1);
        CHECK(xv::unit_square.contains(p.counterexample));
        CHECK_FALSE(net.predict(p.counterexample)(0, 0) > 0.5);
    }

    SECTION("random boxes and thresholds: proved means true, disproved comes with a real counterexample") {
        std::size_t proved = 0, disproved = 0, undecided = 0;
        for (int t = 0; t < 300; ++t) {
            const double x0 = unit(rng) * 1.4 - 0.2, y0 = unit(rng) * 1.4 - 0.2, w = unit(rng) * 0.6;
            const v::box<2> b{{{x0, x0 + w}, {y0, y0 + w * unit(rng)}}};
            const double threshold = 0.05 + 0.9 * unit(rng);
            const bool above = t % 2 == 0;
            const auto check_holds = [&](double y) { return above ? y > threshold : y < threshold; };
            const auto p = above ? v::prove(net, b, v::output_above{0, threshold}, {.max_depth = 16, .max_boxes = 2000})
                                 : v::prove(net, b, v::output_below{0, threshold}, {.max_depth = 16, .max_boxes = 2000});
            if (p.proved()) {
                ++proved;
                for (int k = 0; k < 2000; ++k) {
                    const ctnn::matrix<1, 2> x{{b[0].lo + b[0].width() * unit(rng), b[1].lo + b[1].width() * unit(rng)}};
                    REQUIRE(check_holds(net.predict(x)(0, 0)));
                }
            } else if (p.disproved()) {
                ++disproved;
                REQUIRE(b.contains(p.counterexample));
                REQUIRE_FALSE(check_holds(net.predict(p.counterexample)(0, 0)));
            } else {
                ++undecided;
            }
        }
        INFO(proved << " proved, " << disproved << " disproved, " << undecided << " undecided");
        CHECK(proved > 30);
        CHECK(disproved > 30);
    }

    SECTION("the certified radii hold at 10^5 random points of their balls") {
        const std::pair<const v::certified_radius_result<2>*, std::array<double, 2>> radii[] = {
            {&xv::radius_00, {0, 0}}, {&xv::radius_01, {0, 1}}, {&xv::radius_10, {1, 0}}, {&xv::radius_11, {1, 1}}};
        for (const auto& [r, corner] : radii) {
            const bool one = corner[0] != corner[1];
            for (int k = 0; k < 100000; ++k) {
                const ctnn::matrix<1, 2> x{{corner[0] + r->radius * (2 * unit(rng) - 1),
                                            corner[1] + r->radius * (2 * unit(rng) - 1)}};
                const double y = net.predict(x)(0, 0);
                REQUIRE((one ? y > 0.5 : y < 0.5));
            }
            if (r->beyond == v::verdict::disproved) {  // within one step further, a real counterexample
                const double y = net.predict(r->counterexample)(0, 0);
                CHECK((one ? !(y > 0.5) : !(y < 0.5)));
                CHECK(std::abs(r->counterexample.data[0] - corner[0]) <= r->radius + 0x1p-10);
                CHECK(std::abs(r->counterexample.data[1] - corner[1]) <= r->radius + 0x1p-10);
            }
        }
    }

    SECTION("undecided within a small work limit, proved with more") {
        // Within 0.35 of (0, 1) (its certified radius is larger): one interval pass is too
        // loose to prove it, and the centre satisfies it.
        const v::box<2> ball = v::linf_ball(ctnn::matrix<1, 2>{{0, 1}}, 0.35);
        REQUIRE(xv::radius_01.radius >= 0.35);
        CHECK(v::prove(net, ball, xv::gives_1, {.max_depth = 24, .max_boxes = 1}).undecided());
        CHECK(v::prove(net, ball, xv::gives_1, {.max_depth = 1, .max_boxes = 20000}).undecided());
        const auto p = v::prove(net, ball, xv::gives_1);
        CHECK(p.proved());
        CHECK(p.boxes > 1);
    }
}

TEST_CASE("verification: misuse is refused by name", "[verification]") {
    const auto& net = xg::trained.network;
    const double nan = opaque(std::nan(""));
    CHECK_THROWS_WITH(v::output_bounds(net, v::box<2>{{{opaque(1.0), 0.0}, {0.0, 1.0}}}),
                      Catch::Contains("the box is empty"));
    CHECK_THROWS_WITH(v::output_bounds(net, v::box<2>{{{0.0, nan}, {0.0, 1.0}}}), Catch::Contains("NaN or infinite"));
    CHECK_THROWS_WITH(v::prove(net, xg::verified::unit_square, v::output_above{1, 0.5}),
                      Catch::Contains("an output the network does not have"));
    CHECK_THROWS_WITH(v::prove(net, xg::verified::unit_square, v::output_above{0, nan}),
                      Catch::Contains("threshold is NaN or infinite"));
    CHECK_THROWS_WITH(v::linf_ball(ctnn::matrix<1, 2>{{0, 0}}, opaque(-1.0)), Catch::Contains("radius"));
}
