// Numerical edge cases at run time, each compared bit for bit with the same computation in
// constant evaluation (tests/static/edge_cases_static.cpp checks the constant side on its
// own): activations of huge, infinite and NaN arguments, losses of saturated predictions,
// exp/log/sqrt at the subnormal boundary, and a saturated network that trains without NaN.
// "No overflow error" at run time means no IEEE overflow, invalid or divide-by-zero flag.
#include <array>
#include <cfenv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include <catch2/catch.hpp>
#include <ctnn/activations/sigmoid_libm.hpp>
#include <ctnn/ctnn.hpp>

#include "support/run_time.hpp"

namespace {

using ctnn_test::hex;
using ctnn_test::opaque;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
constexpr double dmin = std::numeric_limits<double>::denorm_min();
constexpr double nmin = std::numeric_limits<double>::min();
constexpr double dmax = std::numeric_limits<double>::max();
constexpr double sub_max = nmin - dmin;

std::uint64_t bits(double x) {
    std::uint64_t b = 0;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Arguments at which the activations are checked: saturation, infinities, the sigmoid's
// rounding thresholds and its subnormal outputs. (NaN cannot be constant-evaluated
// through arithmetic; it is tested at run time only, below.)
constexpr std::array<double, 22> arguments{800.0,  -800.0, 1e300,   -1e300, dmax,   -dmax, inf,   -inf,
                                           0.0,    -0.0,   dmin,    -dmin,  36.0,   37.0,  -36.0, -37.0,
                                           -700.0, -709.0, -709.78, -710.0, -745.2, 20.0};

template <class F>
constexpr std::array<double, arguments.size()> map_arguments(F f) {
    std::array<double, arguments.size()> out{};
    for (std::size_t i = 0; i < arguments.size(); ++i) out[i] = f(arguments[i]);
    return out;
}

// Raised IEEE flags among overflow, invalid (NaN) and divide-by-zero while f runs.
// Checked with GCC only: Clang assumes by default that nobody reads the status flags
// (-ffp-exception-behavior=ignore) and, optimising, evaluates operations the program
// skips (at -O2 the cross-entropy's clipped logs raise "invalid" and "divide by zero";
// not at -O0, nor with -ffp-exception-behavior=maytrap). GCC keeps -ftrapping-math.
template <class F>
int bad_flags(F f) {
    std::feclearexcept(FE_ALL_EXCEPT);
    volatile double sink = f();
    (void)sink;
#if defined(__clang__)
    return 0;
#else
    return std::fetestexcept(FE_OVERFLOW | FE_INVALID | FE_DIVBYZERO);
#endif
}

template <class Activation>
void check_activation_against_compile_time(const std::array<double, arguments.size()>& compile_time) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const double z = opaque(arguments[i]);
        double a = 0.0;
        const int flags = bad_flags([&] { return a = Activation::apply(z); });
        INFO("z = " << hex(z) << ": run time " << hex(a) << ", compile time " << hex(compile_time[i]));
        CHECK_FALSE(std::isnan(a));
        CHECK(bits(a) == bits(compile_time[i]));
        CHECK(flags == 0);
    }
}

}  // namespace

TEST_CASE("sigmoid saturates to exactly 0 and 1, with no overflow, at run time as at compile time", "[edge]") {
    static constexpr auto compile_time = map_arguments([](double z) { return ctnn::sigmoid::apply(z); });
    check_activation_against_compile_time<ctnn::sigmoid>(compile_time);
    for (double z : {800.0, 1e300, dmax, inf, 37.0}) CHECK(ctnn::sigmoid::apply(opaque(z)) == 1.0);
    for (double z : {-800.0, -1e300, -dmax, -inf, -710.0}) CHECK(ctnn::sigmoid::apply(opaque(z)) == 0.0);
    // Against the C library's exp: the same results at every one of these arguments.
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const double z = opaque(arguments[i]);
        INFO("z = " << hex(z));
        CHECK(bits(ctnn::sigmoid::apply(z)) == bits(1.0 / (1.0 + std::exp(-z))));
        CHECK(bits(ctnn::sigmoid_libm::apply(z)) == bits(compile_time[i]));
    }
    CHECK(std::isnan(ctnn::sigmoid::apply(opaque(qnan))));  // NaN in, NaN out: not hidden
}

TEST_CASE("tanh, ReLU, leaky ReLU, identity at extreme arguments", "[edge]") {
    static constexpr auto tanh_ct = map_arguments([](double z) { return ctnn::tanh::apply(z); });
    static constexpr auto relu_ct = map_arguments([](double z) { return ctnn::relu::apply(z); });
    static constexpr auto leaky_ct = map_arguments([](double z) { return ctnn::leaky_relu<>::apply(z); });
    static constexpr auto identity_ct = map_arguments([](double z) { return ctnn::identity::apply(z); });
    check_activation_against_compile_time<ctnn::tanh>(tanh_ct);
    check_activation_against_compile_time<ctnn::relu>(relu_ct);
    check_activation_against_compile_time<ctnn::leaky_relu<>>(leaky_ct);
    check_activation_against_compile_time<ctnn::identity>(identity_ct);
    for (double z : {800.0, 1e300, dmax, inf}) {
        CHECK(ctnn::tanh::apply(opaque(z)) == 1.0);
        CHECK(ctnn::tanh::apply(opaque(-z)) == -1.0);
    }
    CHECK(std::isnan(ctnn::tanh::apply(opaque(qnan))));
    // ReLU maps NaN to 0 (z > 0 is false for NaN); numpy's maximum(z, 0) would keep it.
    CHECK(ctnn::relu::apply(opaque(qnan)) == 0.0);
}

TEST_CASE("softmax of huge logits", "[edge]") {
    auto run = [](std::array<double, 3> row) {
        for (double& v : row) v = opaque(v);
        ctnn::softmax::apply_row(row.data(), row.size());
        return row;
    };
    CHECK(run({800.0, -800.0, 0.0}) == std::array<double, 3>{1.0, 0.0, 0.0});
    CHECK(run({-1e300, 1e300, 0.0}) == std::array<double, 3>{0.0, 1.0, 0.0});
    // Run time only: dmax - (-dmax) overflows to inf in the subtraction of the maximum,
    // which GCC refuses to constant-evaluate; at run time exp(-inf) is 0 and all is well.
    CHECK(run({dmax, -dmax, 0.0}) == std::array<double, 3>{1.0, 0.0, 0.0});
}

TEST_CASE("losses of saturated predictions are finite and bit-identical to compile time", "[edge]") {
    static constexpr ctnn::matrix<2, 2> saturated{{0.0, 1.0, 1.0, 0.0}};
    static constexpr ctnn::matrix<2, 2> targets{{1.0, 0.0, 1.0, 0.0}};
    auto check = [](auto loss, const char* name) {
        using L = decltype(loss);
        constexpr double value_ct = L::value(saturated, targets);
        constexpr ctnn::matrix<2, 2> grad_ct = [] {
            ctnn::matrix<2, 2> g{};
            L::gradient(saturated, targets, g);
            return g;
        }();
        ctnn::matrix<2, 2> y_hat{};
        for (std::size_t i = 0; i < 4; ++i) y_hat.data[i] = opaque(saturated.data[i]);
        ctnn::matrix<2, 2> grad{};
        double value = 0.0;
        const int flags = bad_flags([&] {
            L::gradient(y_hat, targets, grad);
            return value = L::value(y_hat, targets);
        });
        INFO(name << ": loss " << hex(value));
        CHECK(std::isfinite(value));
        CHECK(bits(value) == bits(value_ct));
        CHECK(flags == 0);
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("gradient[" << i << "] = " << hex(grad.data[i]));
            CHECK(std::isfinite(grad.data[i]));
            CHECK(bits(grad.data[i]) == bits(grad_ct.data[i]));
        }
    };
    check(ctnn::binary_cross_entropy{}, "binary_cross_entropy");
    check(ctnn::categorical_cross_entropy{}, "categorical_cross_entropy");
    check(ctnn::mse{}, "mse");
    check(ctnn::mse_seed{}, "mse_seed");
}

TEST_CASE("exp, log, sqrt at the subnormal boundary: compile time, run time and glibc agree", "[edge][math]") {
    // Arguments around 2^-1022, the largest and smallest subnormals, and exp's arguments
    // whose results cross from normal to subnormal and down to the last nonzero value.
    static constexpr std::array<double, 8> tiny{sub_max,   nmin,        dmin,        3 * dmin,
                                                0x1p-1050, 0x1.8p-1060, nmin + dmin, 0x1p-1023};
    static constexpr std::array<double, 8> exp_args{-0x1.6232bdd7abcd2p+9,
                                                    -0x1.6232bdd7abcd3p+9,
                                                    -0x1.6233333333333p+9,
                                                    -0x1.74385446d71c3p+9,
                                                    -0x1.74910d52d3051p+9,
                                                    -0x1.74910d52d3052p+9,
                                                    -sub_max,
                                                    sub_max};
    static constexpr auto log_ct = [] {
        std::array<double, tiny.size()> out{};
        for (std::size_t i = 0; i < tiny.size(); ++i) out[i] = ctnn::math::log(tiny[i]);
        return out;
    }();
    static constexpr auto sqrt_ct = [] {
        std::array<double, tiny.size()> out{};
        for (std::size_t i = 0; i < tiny.size(); ++i) out[i] = ctnn::math::sqrt(tiny[i]);
        return out;
    }();
    static constexpr auto exp_ct = [] {
        std::array<double, exp_args.size()> out{};
        for (std::size_t i = 0; i < exp_args.size(); ++i) out[i] = ctnn::math::exp(exp_args[i]);
        return out;
    }();
    for (std::size_t i = 0; i < tiny.size(); ++i) {
        const double x = opaque(tiny[i]);
        INFO("x = " << hex(x));
        CHECK(bits(ctnn::math::log(x)) == bits(log_ct[i]));
        CHECK(bits(ctnn::math::log(x)) == bits(std::log(x)));
        CHECK(bits(ctnn::math::sqrt(x)) == bits(sqrt_ct[i]));
        CHECK(bits(ctnn::math::sqrt(x)) == bits(std::sqrt(x)));
        CHECK(ctnn::math::exp(x) == 1.0);
        CHECK(ctnn::math::exp(-x) == 1.0);
        int e1 = 0;
        int e2 = 0;
        CHECK(bits(ctnn::math::frexp(x, &e1)) == bits(std::frexp(x, &e2)));
        CHECK(e1 == e2);
    }
    for (std::size_t i = 0; i < exp_args.size(); ++i) {
        const double x = opaque(exp_args[i]);
        INFO("x = " << hex(x) << ": " << hex(ctnn::math::exp(x)));
        CHECK(bits(ctnn::math::exp(x)) == bits(exp_ct[i]));
        CHECK(bits(ctnn::math::exp(x)) == bits(std::exp(x)));
    }
    CHECK(ctnn::math::exp(opaque(-0x1.74910d52d3051p+9)) == dmin);
}

TEST_CASE("a saturated network trains without NaN, and nothing moves", "[edge]") {
    using net = ctnn::network<ctnn::dense<1, 1, ctnn::sigmoid>>;
    static constexpr net initial{{ctnn::dense<1, 1, ctnn::sigmoid>{{{800.0}}, {{0.0}}}}};
    static constexpr ctnn::dataset<2, 1, 1> flip{{{1.0, -1.0}}, {{0.0, 1.0}}};
    static constexpr ctnn::recipe how{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = 1.0}, ctnn::epochs<20>,
                                      ctnn::log_every<5>};
    static constexpr auto compile_time = ctnn::train(initial, flip, how);

    const ctnn::recipe run_how{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = opaque(1.0)}, ctnn::epochs<20>,
                               ctnn::log_every<5>};
    const auto run_time = ctnn::train(initial, flip, run_how);
    CHECK(run_time.network == initial);
    CHECK(run_time.network == compile_time.network);
    for (std::size_t i = 0; i < run_time.loss_history.size(); ++i) {
        CHECK(run_time.loss_history[i] == 1.0);
        CHECK(bits(run_time.loss_history[i]) == bits(compile_time.loss_history[i]));
    }
}
