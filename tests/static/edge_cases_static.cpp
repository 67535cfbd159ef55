// Compile-only test: numerical edge cases in constant evaluation. Activations of huge and
// infinite arguments saturate to exactly 0 or 1 (or -1) with no overflow and no NaN, the
// losses stay finite for saturated predictions, and the math functions handle the
// subnormal boundary (what tests/static/math_static.cpp does not already cover).
// Expected values are exact, or glibc's results printed at run time (the same inputs are
// checked against glibc in tests/runtime/edge_cases_test.cpp).
//
// Both compilers refuse to constant-evaluate an operation that overflows (GCC) or gives
// NaN (Clang), so every case here compiling means no such operation happened: e.g.
// sigmoid(-800) computes 1 / (1 + exp(800)) with exp returning +inf by an explicit
// return, and 1 + inf, 1 / inf are exact operations on an infinity, not overflows.
#include <cstddef>
#include <limits>

#include <ctnn/ctnn.hpp>

namespace {

namespace m = ctnn::math;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double dmin = std::numeric_limits<double>::denorm_min();  // 2^-1074
constexpr double nmin = std::numeric_limits<double>::min();         // 2^-1022
constexpr double dmax = std::numeric_limits<double>::max();
constexpr double sub_max = nmin - dmin;  // the largest subnormal, 0x0.fffffffffffffp-1022

constexpr bool is_nan(double x) { return x != x; }

// ---- sigmoid: saturates to exactly 0 or 1 -----------------------------------

static_assert(ctnn::sigmoid::apply(800.0) == 1.0 && ctnn::sigmoid::apply(-800.0) == 0.0);
static_assert(ctnn::sigmoid::apply(1e300) == 1.0 && ctnn::sigmoid::apply(-1e300) == 0.0);
static_assert(ctnn::sigmoid::apply(dmax) == 1.0 && ctnn::sigmoid::apply(-dmax) == 0.0);
static_assert(ctnn::sigmoid::apply(inf) == 1.0 && ctnn::sigmoid::apply(-inf) == 0.0);
static_assert(ctnn::sigmoid::apply(0.0) == 0.5 && ctnn::sigmoid::apply(-0.0) == 0.5);
static_assert(ctnn::sigmoid::apply(dmin) == 0.5 && ctnn::sigmoid::apply(-dmin) == 0.5);
// Where 1 + e^-z rounds to 1 (z >= ~36.74) the output is exactly 1; the negative side
// keeps its precision all the way down.
static_assert(ctnn::sigmoid::apply(36.0) == 0x1.ffffffffffffep-1 && ctnn::sigmoid::apply(37.0) == 1.0);
static_assert(ctnn::sigmoid::apply(-36.0) == 0x1.0b6c3afdde063p-52 &&
              ctnn::sigmoid::apply(-37.0) == 0x1.898471fca6055p-54);
static_assert(ctnn::sigmoid::apply(-700.0) == 0x1.14f2b0fb9307fp-1010);
// Subnormal outputs: e^709 is finite, and 1 / (1 + e^709) rounds once into the subnormals.
static_assert(ctnn::sigmoid::apply(-709.0) == 0x0.8bfe55de02338p-1022);
static_assert(ctnn::sigmoid::apply(-709.78) == 0x0.402c8225ec681p-1022);
static_assert(ctnn::sigmoid::apply(-710.0) == 0.0 && ctnn::sigmoid::apply(-745.2) == 0.0);
// The derivative at a saturated output is exactly 0: training stops moving, it does not blow up.
static_assert(ctnn::sigmoid::derivative_from_output(ctnn::sigmoid::apply(800.0)) == 0.0);
static_assert(ctnn::sigmoid::derivative_from_output(ctnn::sigmoid::apply(-800.0)) == 0.0);

// ---- the other activations ------------------------------------------------

static_assert(ctnn::tanh::apply(800.0) == 1.0 && ctnn::tanh::apply(-800.0) == -1.0);
static_assert(ctnn::tanh::apply(1e300) == 1.0 && ctnn::tanh::apply(-1e300) == -1.0);
static_assert(ctnn::tanh::apply(inf) == 1.0 && ctnn::tanh::apply(-inf) == -1.0);
static_assert(ctnn::tanh::apply(dmax) == 1.0 && ctnn::tanh::apply(-dmax) == -1.0);
static_assert(ctnn::tanh::apply(20.0) == 1.0 && ctnn::tanh::apply(dmin) == dmin && ctnn::tanh::apply(-dmin) == -dmin);
static_assert(is_nan(ctnn::tanh::apply(std::numeric_limits<double>::quiet_NaN())));  // returned, not computed
static_assert(ctnn::tanh::derivative_from_output(ctnn::tanh::apply(-800.0)) == 0.0);

static_assert(ctnn::relu::apply(inf) == inf && ctnn::relu::apply(-inf) == 0.0 && ctnn::relu::apply(1e300) == 1e300);
static_assert(ctnn::leaky_relu<>::apply(-inf) == -inf && ctnn::leaky_relu<>::apply(-1e300) == -1e300 * 0.01);
static_assert(ctnn::leaky_relu<>::apply(-dmin) == 0.0);  // 0.01 * 2^-1074 underflows to (negative) zero
static_assert(ctnn::identity::apply(-inf) == -inf && ctnn::identity::apply(dmax) == dmax);

// Softmax subtracts the row's maximum first, so huge logits cannot overflow exp.
template <std::size_t N>
constexpr bool softmax_is(const double (&z)[N], const double (&want)[N]) {
    double row[N]{};
    for (std::size_t i = 0; i < N; ++i) row[i] = z[i];
    ctnn::softmax::apply_row(row, N);
    for (std::size_t i = 0; i < N; ++i)
        if (row[i] != want[i]) return false;
    return true;
}
static_assert(softmax_is({800.0, -800.0, 0.0}, {1.0, 0.0, 0.0}));
static_assert(softmax_is({1e300, 1e300}, {0.5, 0.5}));
static_assert(softmax_is({-1e300, 1e300, 0.0}, {0.0, 1.0, 0.0}));
static_assert(softmax_is({-800.0, -800.0, -800.0, -800.0}, {0.25, 0.25, 0.25, 0.25}));

// ---- losses of saturated predictions stay finite ----------------------------

constexpr ctnn::matrix<2, 2> saturated{{0.0, 1.0, 1.0, 0.0}};  // what sigmoid(+-800) gives
constexpr ctnn::matrix<2, 2> targets{{1.0, 0.0, 1.0, 0.0}};    // two maximally wrong, two right

template <class Loss>
constexpr bool loss_and_gradient_finite(const ctnn::matrix<2, 2>& y_hat, const ctnn::matrix<2, 2>& y) {
    ctnn::matrix<2, 2> g{};
    Loss::gradient(y_hat, y, g);
    for (double v : g.data)
        if (!m::isfinite(v)) return false;
    return m::isfinite(Loss::value(y_hat, y));
}
static_assert(loss_and_gradient_finite<ctnn::binary_cross_entropy>(saturated, targets));
static_assert(loss_and_gradient_finite<ctnn::categorical_cross_entropy>(saturated, targets));
static_assert(loss_and_gradient_finite<ctnn::mse>(saturated, targets));
static_assert(loss_and_gradient_finite<ctnn::mse_seed>(saturated, targets));
// Clipping at 1e-15: a maximally wrong prediction costs -log(1e-15) ~ 34.5 per element.
static_assert(ctnn::binary_cross_entropy::value(saturated, targets) > 17.0 &&
              ctnn::binary_cross_entropy::value(saturated, targets) < 17.5);

// ---- exp, log, sqrt, frexp at the subnormal boundary -------------------------

static_assert(m::exp(sub_max) == 1.0 && m::exp(-sub_max) == 1.0 && m::exp(nmin) == 1.0 && m::exp(-nmin) == 1.0);
// The last normal result, then the first subnormal one (ln 2^-1022 = -0x1.6232bdd7abcd2p+9 + ...).
static_assert(m::exp(-0x1.6232bdd7abcd2p+9) == 0x1.000000000007cp-1022);
static_assert(m::exp(-0x1.6232bdd7abcd3p+9) == 0x0.ffffffffffe7cp-1022);
static_assert(m::exp(-0x1.6233333333333p+9) == 0x0.ff15b469edf89p-1022);
static_assert(m::exp(-0x1.74385446d71c3p+9) == dmin);  // exp(log(dmin))

static_assert(m::log(sub_max) == -0x1.6232bdd7abcd2p+9 && m::log(3 * dmin) == -0x1.73abb4f301b42p+9);
static_assert(m::log(0x1p-1050) == -0x1.6be6fb2739468p+9);
static_assert(m::exp(m::log(nmin)) == 0x1.000000000007cp-1022);

static_assert(m::sqrt(sub_max) == 0x1.fffffffffffffp-512 && m::sqrt(3 * dmin) == 0x1.bb67ae8584caap-537);
static_assert(m::sqrt(0x1p-1050) == 0x1p-525 && m::sqrt(dmin) * m::sqrt(dmin) == dmin);

constexpr bool frexp_is(double x, double mant, int exp) {
    int e = 0;
    return m::frexp(x, &e) == mant && e == exp;
}
static_assert(frexp_is(sub_max, 0x1.ffffffffffffep-1, -1022) && frexp_is(3 * dmin, 0.75, -1072));
static_assert(m::ldexp(0x1.ffffffffffffep-1, -1022) == sub_max && m::ldexp(sub_max, 1) == 0x1.ffffffffffffep-1022);

// ---- training a saturated network: no NaN, nothing moves ----------------------

// A sigmoid unit with weight 800: its output is exactly 0 or 1, its derivative exactly 0,
// so gradient descent leaves the weights as they were. (A NaN anywhere would have
// stopped the build: Clang refuses to constant-evaluate an operation giving NaN.)
using saturated_net = ctnn::network<ctnn::dense<1, 1, ctnn::sigmoid>>;
constexpr saturated_net saturated_initial{{ctnn::dense<1, 1, ctnn::sigmoid>{{{800.0}}, {{0.0}}}}};
constexpr ctnn::dataset<2, 1, 1> flip{{{1.0, -1.0}}, {{0.0, 1.0}}};
constexpr auto saturated_trained = ctnn::train(
    saturated_initial, flip,
    ctnn::recipe{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = 1.0}, ctnn::epochs<20>, ctnn::log_every<5>});
static_assert(saturated_trained.network == saturated_initial);
static_assert(saturated_trained.loss_history[0] == 1.0 && saturated_trained.loss_history[3] == 1.0);

}  // namespace
