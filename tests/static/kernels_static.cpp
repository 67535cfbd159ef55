// Compile-only test: every kernel of ctnn::dense exists as loops and unrolled (see
// include/ctnn/tensor/detail/unrolled.hpp), and the two must agree bit for bit -- the
// unrolled form is a faster spelling of the same sums, not an approximation. Layers of
// several shapes, with each activation kind, are run through both. (The sign of a zero
// cannot be read in constant evaluation without std::bit_cast, which Clang 19's new
// interpreter rejects for double; == is as far as this test can look.)
#include <cstddef>
#include <limits>
#include <type_traits>

#include <ctnn/ctnn.hpp>

namespace {

// Distinct, irregular values, so that a wrong index or order shows.
template <std::size_t R, std::size_t C>
constexpr ctnn::matrix<R, C> filled(double seed) {
    ctnn::matrix<R, C> m{};
    double v = seed;
    for (std::size_t i = 0; i < R * C; ++i) {
        v = v * 1.7 - 0.9;
        if (v > 3 || v < -3) v /= 5;
        m.data[i] = v;
    }
    return m;
}

template <std::size_t R, std::size_t C>
constexpr bool same(const ctnn::matrix<R, C>& a, const ctnn::matrix<R, C>& b) {
    for (std::size_t i = 0; i < R * C; ++i)
        if (a.data[i] != b.data[i]) return false;
    return true;
}

template <std::size_t In, std::size_t Out, class Act, std::size_t B>
constexpr bool kernels_agree() {
    using layer = ctnn::dense<In, Out, Act>;
    layer l{filled<In, Out>(0.3), filled<1, Out>(-0.7)};
    const auto x = filled<B, In>(1.1);
    const auto g = filled<B, Out>(-1.3);

    ctnn::matrix<B, Out> a1{}, a2{};
    l.forward_looped(x, a1);
    l.template forward_unrolled<B>(x, a2, std::make_index_sequence<B * Out>{});
    if (!same(a1, a2)) return false;

    if constexpr (ctnn::elementwise_activation<Act>) {
        ctnn::matrix<B, Out> d1{}, d2{};
        for (std::size_t i = 0; i < B * Out; ++i) d1.data[i] = g.data[i] * Act::derivative_from_output(a1.data[i]);
        layer::output_delta_unrolled(a1, g, d2, std::make_index_sequence<B * Out>{});
        if (!same(d1, d2)) return false;
    }

    ctnn::matrix<B, In> dx1{}, dx2{};
    l.input_gradient_looped(g, dx1);
    l.input_gradient_unrolled(g, dx2, std::make_index_sequence<B * In>{});
    if (!same(dx1, dx2)) return false;

    // Momentum keeps a slot per parameter, so a slot mixed up between parameters shows.
    const ctnn::momentum opt{.learning_rate = 0.05, .momentum = 0.9};
    ctnn::momentum::state shared{};
    ctnn::momentum::slot s1[layer::parameter_count]{}, s2[layer::parameter_count]{};
    layer u1 = l, u2 = l;
    for (int step = 0; step < 2; ++step) {
        u1.update_looped(x, g, opt, s1, shared);
        u2.update_unrolled(x, g, opt, s2, shared, std::make_index_sequence<In * Out>{},
                           std::make_index_sequence<Out>{});
    }
    if (!same(u1.W, u2.W) || !same(u1.b, u2.b)) return false;
    for (std::size_t i = 0; i < layer::parameter_count; ++i)
        if (s1[i].velocity != s2[i].velocity) return false;

    // Plain gradient descent takes the unrolled form's inline step (plain_step_optimizer).
    static_assert(ctnn::plain_step_optimizer<ctnn::gradient_descent> && !ctnn::plain_step_optimizer<ctnn::momentum>);
    const ctnn::gradient_descent sgd{.learning_rate = 0.3};
    ctnn::gradient_descent::state none{};
    ctnn::gradient_descent::slot g1[layer::parameter_count]{}, g2[layer::parameter_count]{};
    layer p1 = l, p2 = l;
    p1.update_looped(x, g, sgd, g1, none);
    p2.update_unrolled(x, g, sgd, g2, none, std::make_index_sequence<In * Out>{}, std::make_index_sequence<Out>{});
    return same(p1.W, p2.W) && same(p1.b, p2.b) && !same(p1.W, l.W);
}

static_assert(kernels_agree<2, 4, ctnn::sigmoid, 4>());  // the seed's hidden layer
static_assert(kernels_agree<4, 1, ctnn::sigmoid, 4>());  // and its output layer
static_assert(kernels_agree<1, 1, ctnn::identity, 1>());
static_assert(kernels_agree<3, 5, ctnn::tanh, 2>());
static_assert(kernels_agree<5, 3, ctnn::relu, 3>());
static_assert(kernels_agree<3, 4, ctnn::softmax, 5>());
static_assert(kernels_agree<1, 10, ctnn::leaky_relu<>, 12>());

// The folded form (tensor/detail/folded.hpp), for layers too large to unroll, against the
// loops, with folds long enough to be cut into chunks in each kernel: over the inputs
// (forward), the outputs (input_gradient) and the batch (update).
template <std::size_t In, std::size_t Out, class Act, std::size_t B>
constexpr bool folded_agrees() {
    using layer = ctnn::dense<In, Out, Act>;
    layer l{filled<In, Out>(0.45), filled<1, Out>(-0.35)};
    const auto x = filled<B, In>(0.9);
    const auto g = filled<B, Out>(-1.7);

    ctnn::matrix<B, Out> a1{}, a2{};
    l.forward_looped(x, a1);
    l.forward_folded(x, a2);
    if constexpr (!ctnn::elementwise_activation<Act>)
        for (std::size_t n = 0; n < B; ++n) Act::apply_row(&a2.data[n * Out], Out);  // as forward() does
    if constexpr (!ctnn::elementwise_activation<Act>)
        for (std::size_t n = 0; n < B; ++n) Act::apply_row(&a1.data[n * Out], Out);
    if (!same(a1, a2)) return false;

    ctnn::matrix<B, In> dx1{}, dx2{};
    l.input_gradient_looped(g, dx1);
    l.input_gradient_folded(g, dx2);
    if (!same(dx1, dx2)) return false;

    const ctnn::momentum opt{.learning_rate = 0.05, .momentum = 0.9};
    ctnn::momentum::state shared{};
    ctnn::momentum::slot s1[layer::parameter_count]{}, s2[layer::parameter_count]{};
    layer u1 = l, u2 = l;
    for (int step = 0; step < 2; ++step) {
        u1.update_looped(x, g, opt, s1, shared);
        u2.update_folded(x, g, opt, s2, shared);
    }
    if (!same(u1.W, u2.W) || !same(u1.b, u2.b)) return false;
    for (std::size_t i = 0; i < layer::parameter_count; ++i)
        if (s1[i].velocity != s2[i].velocity) return false;

    const ctnn::gradient_descent sgd{.learning_rate = 0.3};
    ctnn::gradient_descent::state none{};
    ctnn::gradient_descent::slot g1[layer::parameter_count]{}, g2[layer::parameter_count]{};
    layer p1 = l, p2 = l;
    p1.update_looped(x, g, sgd, g1, none);
    p2.update_folded(x, g, sgd, g2, none);
    return same(p1.W, p2.W) && same(p1.b, p2.b) && !same(p1.W, l.W);
}

static_assert(folded_agrees<64, 16, ctnn::tanh, 32>());  // the benchmark's real-sized network
static_assert(folded_agrees<16, 10, ctnn::softmax, 32>());
static_assert(folded_agrees<2, 4, ctnn::sigmoid, 4>());
static_assert(folded_agrees<150, 2, ctnn::sigmoid, 2>());      // forward: 3 chunks over the inputs
static_assert(folded_agrees<3, 70, ctnn::relu, 2>());          // input_gradient: 2 over the outputs
static_assert(folded_agrees<2, 3, ctnn::identity, 130>());     // update: 3 over the batch
static_assert(folded_agrees<1, 1, ctnn::leaky_relu<>, 1>());

// The public kernels in both spellings (detail/kernel_spelling.hpp), whichever form each
// picks for the shape -- unrolled, folded, row-wise folds of the activation's backward
// pass and of softmax (apply_row_of) -- against the run-time loops.
template <std::size_t In, std::size_t Out, class Act, std::size_t B>
constexpr bool spellings_agree() {
    using layer = ctnn::dense<In, Out, Act>;
    using enum ctnn::detail::kernel_spelling;
    const layer l{filled<In, Out>(0.25), filled<1, Out>(-0.55)};
    auto x = filled<B, In>(1.3);
    for (double& v : x.data) v /= static_cast<double>(In);  // keeps tanh and sigmoid off their flat tails
    const auto g = filled<B, Out>(-0.8);
    ctnn::matrix<B, Out> a1{}, a2{}, d1{}, d2{};
    l.template forward<interpreted>(x, a1);
    l.template forward<vectorized>(x, a2);
    layer::template output_delta<interpreted>(a1, g, d1);
    layer::template output_delta<vectorized>(a2, g, d2);
    ctnn::matrix<B, In> dx1{}, dx2{};
    l.template input_gradient<interpreted>(d1, dx1);
    l.template input_gradient<vectorized>(d2, dx2);
    // The delta of a tanh layer below, whose outputs x are: dL/dx times tanh's derivative.
    ctnn::matrix<B, In> below1{}, below2{}, below{};
    l.template input_delta<interpreted, ctnn::tanh>(d1, x, below1);
    l.template input_delta<vectorized, ctnn::tanh>(d2, x, below2);
    for (std::size_t i = 0; i < B * In; ++i)
        below.data[i] = dx2.data[i] * ctnn::tanh::derivative_from_output(x.data[i]);
    const ctnn::adam opt{.learning_rate = 0.01};
    ctnn::adam::state shared{};
    opt.begin_step(shared);
    ctnn::adam::slot s1[layer::parameter_count]{}, s2[layer::parameter_count]{};
    layer u1 = l, u2 = l;
    u1.template update<interpreted>(x, d1, opt, s1, shared);
    u2.template update<vectorized>(x, d2, opt, s2, shared);
    return same(a1, a2) && same(d1, d2) && same(dx1, dx2) && same(below1, below) && same(below2, below) &&
           same(u1.W, u2.W) && same(u1.b, u2.b) && !same(u1.W, l.W);
}

static_assert(spellings_agree<64, 16, ctnn::tanh, 32>());
static_assert(spellings_agree<16, 10, ctnn::softmax, 32>());
static_assert(spellings_agree<6, 3, ctnn::softmax, 4>());
static_assert(spellings_agree<3, 130, ctnn::softmax, 2>());  // rows too long to fold
static_assert(spellings_agree<10, 20, ctnn::sigmoid, 8>());
static_assert(spellings_agree<2, 4, ctnn::sigmoid, 4>());
static_assert(spellings_agree<4, 1, ctnn::sigmoid, 4>());  // one output: its own unrolled form

// Categorical cross-entropy's gradient, folded a row at a time, against the formula.
template <std::size_t B, std::size_t O>
constexpr bool cross_entropy_gradient_agrees() {
    auto p = filled<B, O>(0.7);
    for (double& v : p.data) v = v < 0 ? -v / 4 : v / 4;  // into [0, 0.75], 0 clipped
    auto y = filled<B, O>(0.2);
    ctnn::matrix<B, O> d{};
    ctnn::categorical_cross_entropy::gradient(p, y, d);
    for (std::size_t i = 0; i < B * O; ++i)
        if (d.data[i] != -y.data[i] / ctnn::detail::clip_probability(p.data[i]) / static_cast<double>(B)) return false;
    return true;
}
static_assert(cross_entropy_gradient_agrees<32, 10>());
static_assert(cross_entropy_gradient_agrees<3, 130>());

// Binary cross-entropy's gradient against the formula, (p - y) / (p (1 - p)) / N, for N a
// power of two (multiplied by 1 / N) and not (divided), with outputs at and beyond the
// clipping bounds and targets 0, 1 and between.
template <std::size_t B, std::size_t O>
constexpr bool binary_cross_entropy_gradient_agrees() {
    auto p = filled<B, O>(0.9);
    constexpr double edges[] = {0.0, 1.0, 1e-16, 1.0 - 1e-16, 0x1p-1074, 0.5};
    for (std::size_t i = 0; i < B * O; ++i) p.data[i] = i < 6 ? edges[i] : (p.data[i] < 0 ? -p.data[i] : p.data[i]);
    ctnn::matrix<B, O> y{};
    for (std::size_t i = 0; i < B * O; ++i) y.data[i] = i % 3 == 0 ? 0.0 : (i % 3 == 1 ? 1.0 : 0.3);
    ctnn::matrix<B, O> d{};
    ctnn::binary_cross_entropy::gradient(p, y, d);
    for (std::size_t i = 0; i < B * O; ++i) {
        const double q = ctnn::detail::clip_probability(p.data[i]);
        if (d.data[i] != (q - y.data[i]) / (q * (1.0 - q)) / static_cast<double>(B * O)) return false;
    }
    return true;
}
static_assert(binary_cross_entropy_gradient_agrees<4, 1>() && binary_cross_entropy_gradient_agrees<8, 4>());
static_assert(binary_cross_entropy_gradient_agrees<3, 1>() && binary_cross_entropy_gradient_agrees<12, 5>());

// The data check's folds (detail::folded_all_finite), against math::isfinite value by
// value: 150 values are two chunks of 64 and a tail of 22. Finite values at the edges of
// the range pass; a NaN or an infinity anywhere, in a chunk or in the tail, does not.
using values_150 = ctnn::matrix<1, 150>;
constexpr values_150 finite_values() {
    values_150 r{};
    constexpr double edge[] = {0x1.fffffffffffffp+1023, -0x1.fffffffffffffp+1023,
                               std::numeric_limits<double>::denorm_min(), -0.0, 1.0};
    for (std::size_t i = 0; i < 150; ++i) r.data[i] = edge[i % 5];
    return r;
}
constexpr bool checked_like_isfinite(std::size_t at, double bad) {
    values_150 r = finite_values();
    bool by_loop = true;
    for (double x : r.data) by_loop = by_loop && ctnn::math::isfinite(x);
    if (!by_loop || !ctnn::detail::folded_all_finite(r)) return false;
    r.data[at] = bad;
    by_loop = true;
    for (double x : r.data) by_loop = by_loop && ctnn::math::isfinite(x);
    return !by_loop && !ctnn::detail::folded_all_finite(r);
}
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double inf = std::numeric_limits<double>::infinity();
static_assert(checked_like_isfinite(0, nan) && checked_like_isfinite(63, inf) && checked_like_isfinite(64, -inf));
static_assert(checked_like_isfinite(127, nan) && checked_like_isfinite(128, inf) && checked_like_isfinite(149, nan));
constexpr ctnn::matrix<1, 1> one_value{{inf}};
static_assert(!ctnn::detail::folded_all_finite(one_value));

// The divergence check's bound (detail::folded_all_within): strictly inside passes, the
// bound itself, beyond it or NaN does not, in a chunk or in the tail.
constexpr bool within_at(std::size_t at, double value) {
    values_150 r{};
    for (std::size_t i = 0; i < 150; ++i) r.data[i] = i % 2 == 0 ? 0.99e100 : -0.99e100;
    r.data[at] = value;
    return ctnn::detail::folded_all_within(r, 1e100);
}
static_assert(within_at(0, 0.0) && within_at(149, -0x1.fffffffffffffp+331));
static_assert(!within_at(0, 1e100) && !within_at(63, -1e100) && !within_at(64, nan) && !within_at(149, 1e101));
static_assert(!within_at(130, -inf) && !within_at(127, 2e100));

// Which form the public kernels use: the unrolled one wherever its folds are short.
static_assert(ctnn::detail::unrollable<16, 2> && ctnn::detail::unrollable<ctnn::detail::unroll_limit>);
static_assert(!ctnn::detail::unrollable<ctnn::detail::unroll_limit + 1, 1>);

// The output layer's delta that a loss gives in one pass (losses/loss.hpp) against its
// gradient, checked against the formula written out here, then the layer's output_delta in
// both spellings: the same bits. Batches of a power of two and not (binary cross-entropy
// multiplies by 1/N for the one), small enough to unroll and not.
template <class Loss>
constexpr double expected_gradient(double y_hat, double y, std::size_t n) {
    const double count = static_cast<double>(n);
    if constexpr (std::is_same_v<Loss, ctnn::mse_seed>) {
        return y_hat - y;
    } else if constexpr (std::is_same_v<Loss, ctnn::mse>) {
        return 2.0 / count * (y_hat - y);
    } else {
        const double p = y_hat < 1e-15 ? 1e-15 : (y_hat > 1.0 - 1e-15 ? 1.0 - 1e-15 : y_hat);
        return (p - y) / (p * (1.0 - p)) / count;
    }
}

template <class Loss, class Act, std::size_t B, std::size_t O>
constexpr bool output_delta_agrees() {
    using enum ctnn::detail::kernel_spelling;
    static_assert(ctnn::gives_output_delta<Loss, Act>);
    auto y_hat = filled<B, O>(0.7);
    for (double& v : y_hat.data) v = v < 0 ? -v / 4 : v / 4;  // outputs in [0, 0.75]; 0 is clipped
    auto y = filled<B, O>(0.2);
    for (double& v : y.data) v = v < 0 ? 0.0 : 1.0;
    ctnn::matrix<B, O> g{}, d1{}, d2{}, fused{};
    Loss::gradient(y_hat, y, g);
    for (std::size_t i = 0; i < B * O; ++i)
        if (g.data[i] != expected_gradient<Loss>(y_hat.data[i], y.data[i], B * O)) return false;
    ctnn::dense<1, O, Act>::template output_delta<interpreted>(y_hat, g, d1);
    ctnn::dense<1, O, Act>::template output_delta<vectorized>(y_hat, g, d2);
    Loss::template output_delta<Act>(y_hat, y, fused);
    return same(d1, fused) && same(d2, fused);
}

template <class Loss>
constexpr bool output_deltas_agree() {
    return output_delta_agrees<Loss, ctnn::sigmoid, 4, 1>() &&  // logic_gates' and the seed's output
           output_delta_agrees<Loss, ctnn::sigmoid, 8, 1>() && output_delta_agrees<Loss, ctnn::identity, 3, 1>() &&
           output_delta_agrees<Loss, ctnn::tanh, 5, 3>() && output_delta_agrees<Loss, ctnn::relu, 64, 2>() &&
           output_delta_agrees<Loss, ctnn::leaky_relu<>, 130, 1>() &&  // too long to unroll
           output_delta_agrees<Loss, ctnn::sigmoid, 32, 8>();          // likewise, a power of two
}
static_assert(output_deltas_agree<ctnn::binary_cross_entropy>());
static_assert(output_deltas_agree<ctnn::mse_seed>());
static_assert(output_deltas_agree<ctnn::mse>());
// A row-wise activation, or a loss without the one-pass delta, takes the gradient and the
// layer's output_delta.
static_assert(!ctnn::gives_output_delta<ctnn::binary_cross_entropy, ctnn::softmax>);
static_assert(!ctnn::gives_output_delta<ctnn::categorical_cross_entropy, ctnn::sigmoid>);

}  // namespace
