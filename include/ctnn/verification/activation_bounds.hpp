#pragma once
// What the bounds know about each of ctnn's activations: given an interval of
// pre-activations z, an interval that holds the activation ctnn COMPUTES for every z in
// it, rounding included.
//
// Element-wise activations provide `image(interval) -> interval`; row-wise ones (softmax)
// `image_row(const interval* z, interval* a, n)`. Another activation can be verified by
// specialising activation_bounds for it.
//
// Why the bounds are sound:
// - identity, relu, leaky_relu: ctnn computes them with comparisons and (leaky) one
//   multiplication by alpha > 0; a rounded product is monotone, so the end points map to
//   the end points, exactly.
// - sigmoid = 1 / (1 + exp(-z)) and tanh: rounded +, - and / are monotone in each
//   operand, so the one part that may not be monotone bit for bit is exp. Assume
//   |exp(x) - e^x| <= 1 ulp of e^x (ctnn::math::exp is measured below 0.503 ulp, glibc's
//   below 1 ulp). Then for x' <= x, exp(x') <= exp(x) + 4 ulp(exp(x)) <= exp(x) (1 + 2^-50)
//   (the worst case straddles a power of two), and for x' >= x, exp(x') >= exp(x)
//   (1 - 2^-51). The bounds scale exp(x) by 1 +- 2^-49 (the product's own rounding costs
//   at most 2^-53 of that margin) and move it by 2^-1070 (16 subnormal spacings, for
//   results below 2^-1022, where the error is absolute). The rest of the formula,
//   evaluated on the widened exp, is then a bound through monotone rounded operations:
//   no further widening.
//   The same argument holds for sigmoid_libm (glibc's exp), so its bounds are these.
// - softmax: see softmax_bounds below.
#include <concepts>
#include <cstddef>

#include <ctnn/activations/identity.hpp>
#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/activations/tanh.hpp>
#include <ctnn/math/exp.hpp>
#include <ctnn/verification/detail/ulp.hpp>
#include <ctnn/verification/interval.hpp>

namespace ctnn {
struct sigmoid_libm;  // run time only; <ctnn/activations/sigmoid_libm.hpp> brings <cmath>
}

namespace ctnn::verification {

// The relative and absolute widening of exp's result that covers its error (see above).
inline constexpr double exp_relative_margin = 0x1p-49;
inline constexpr double exp_absolute_margin = 0x1p-1070;

template <class Activation>
struct activation_bounds;  // no bounds known: see has_activation_bounds

template <class A>
concept has_elementwise_bounds = requires(interval z) {
    { activation_bounds<A>::image(z) } -> std::same_as<interval>;
};
template <class A>
concept has_rowwise_bounds = requires(const interval* z, interval* a, std::size_t n) {
    activation_bounds<A>::image_row(z, a, n);
};
template <class A>
concept has_activation_bounds = has_elementwise_bounds<A> || has_rowwise_bounds<A>;

template <>
struct activation_bounds<identity> {
    static constexpr interval image(interval z) noexcept { return z; }
};

template <>
struct activation_bounds<relu> {
    static constexpr interval image(interval z) noexcept { return {relu::apply(z.lo), relu::apply(z.hi)}; }
};

template <int Num, int Den>
struct activation_bounds<leaky_relu<Num, Den>> {
    static constexpr interval image(interval z) noexcept {
        return {leaky_relu<Num, Den>::apply(z.lo), leaky_relu<Num, Den>::apply(z.hi)};
    }
};

namespace detail {
// exp(x) stepped down, and up, past the exp of every x' >= x, and x' <= x: bounds on
// what exp gives beyond that side of x. The upper one is +inf when exp(x) overflows.
constexpr double exp_below(double x) noexcept {
    const double e = math::exp(x);
    if (e == infinity) return 0x1p1020;
    const double d = e * (1.0 - exp_relative_margin) - exp_absolute_margin;
    return d < 0 ? 0.0 : d;
}
constexpr double exp_above(double x) noexcept {
    const double e = math::exp(x);
    // (Near the top of the range: no product that overflows, in constant evaluation.)
    return e > 0x1p1020 ? infinity : e * (1.0 + exp_relative_margin) + exp_absolute_margin;
}
}  // namespace detail

// sigmoid(z) = 1 / (1 + exp(-z)): a larger exp, a smaller sigmoid.
template <>
struct activation_bounds<sigmoid> {
    static constexpr interval image(interval z) noexcept {
        const double up = detail::exp_above(-z.lo);  // >= exp(-z) for every z >= z.lo
        const double down = detail::exp_below(-z.hi);
        const double lo = up == detail::infinity ? 0.0 : 1.0 / (1.0 + up);
        const double hi = 1.0 / (1.0 + down);
        return {lo, hi < 1.0 ? hi : 1.0};
    }
};
template <>
struct activation_bounds<sigmoid_libm> : activation_bounds<sigmoid> {};

// ctnn::tanh computes, for m = |z|: m itself below 2^-27, 1 above 22, and in between
// r = (1 - t) / (1 + t) with t = exp(-2m); the result takes the sign of z. So it is odd,
// and r is non-decreasing in m except for exp's error.
template <>
struct activation_bounds<ctnn::tanh> {
    static constexpr double small = 0x1p-27;
    static constexpr double large = 22.0;
    static constexpr double quotient(double t) noexcept { return (1.0 - t) / (1.0 + t); }
    // >= r(m') for every 0 <= m' <= m.
    static constexpr double r_above(double m) noexcept {
        if (m < small) return m;
        if (m > large) return 1.0;
        const double r = quotient(detail::exp_below(-2.0 * m));
        return r > small ? r : small;  // the values below 2^-27 are all smaller
    }
    // <= r(m') for every m' >= m >= 0.
    static constexpr double r_below(double m) noexcept {
        if (m > large) return 1.0;
        const double from = m < small ? small : m;
        const double r = quotient(detail::exp_above(-2.0 * from));
        const double low = r > 0 ? r : 0.0;
        return m < small && m < low ? m : low;
    }
    // >= tanh(z') for every z' <= z.
    static constexpr double above(double z) noexcept { return z >= 0 ? r_above(z) : -r_below(-z); }
    static constexpr interval image(interval z) noexcept {
        const double lo = -above(-z.lo);  // odd: tanh(z') >= -above(-z.lo) for z' >= z.lo
        const double hi = above(z.hi);
        return {lo > -1.0 ? lo : -1.0, hi < 1.0 ? hi : 1.0};
    }
};

// softmax: a_i = exp(z_i - max z) / sum_j exp(z_j - max z), computed in that order.
// Exactly, a_i = 1 / (1 + sum_{j != i} e^(z_j - z_i)) is increasing in z_i and decreasing
// in every other z_j, so over a box of logits it is smallest at (z_i low, others high).
// That exact bound is computed with every operation rounded outward (exp stepped as
// above). What ctnn computes differs from the exact softmax by a relative error of at
// most theta = 2^-51 (8 + n + 2D), D the largest spread max z - min z in the box: the
// rounding of z_j - max z (relative 2^-53 of |z_j - max z| <= D, so a factor e^(2^-53 D)
// on each exp), each exp's 1 ulp, n - 1 additions and a division of 2^-53 each, with a
// factor two for the second-order terms; plus an absolute 2^-1072 for subnormal results.
// The bound is widened by that.
template <>
struct activation_bounds<softmax> {
    static constexpr void image_row(const interval* z, interval* a, std::size_t n) noexcept {
        double top = z[0].hi, bottom = z[0].lo;
        for (std::size_t j = 1; j < n; ++j) {
            top = z[j].hi > top ? z[j].hi : top;
            bottom = z[j].lo < bottom ? z[j].lo : bottom;
        }
        const double spread = detail::add_up(top, -bottom);
        const double theta = 0x1p-51 * (8.0 + static_cast<double>(n) + 2.0 * spread);  // exact enough: rounded up below
        const double grow = detail::next_up(1.0 + detail::next_up(theta));
        const double shrink = detail::next_down(1.0 - detail::next_up(theta));
        constexpr double tiny = 0x1p-1072;
        for (std::size_t i = 0; i < n; ++i) {
            // Lower bound: 1 / (1 + sum_j e^(hi_j - lo_i)), the denominator rounded up.
            double den_up = 1.0;
            double den_down = 1.0;
            for (std::size_t j = 0; j < n; ++j) {
                if (j == i) continue;
                // Sums kept below 2^1001: constant evaluation refuses to overflow. A capped
                // upper sum only lowers the lower bound; a capped lower sum raises the upper.
                const double up = detail::exp_above(detail::add_up(z[j].hi, -z[i].lo));
                const double down = detail::exp_below(detail::add_down(z[j].lo, -z[i].hi));
                den_up = up > 0x1p1000 || den_up > 0x1p1000 ? detail::infinity : detail::add_up(den_up, up);
                den_down = down > 0x1p1000 || den_down > 0x1p1000 ? 0x1p1000 : detail::add_down(den_down, down);
            }
            const double exact_lo = den_up == detail::infinity ? 0.0 : detail::next_down(1.0 / den_up);
            const double exact_hi = detail::next_up(1.0 / den_down);
            const double lo = detail::next_down(exact_lo * shrink) - tiny;
            const double hi = detail::next_up(exact_hi * grow) + tiny;
            a[i] = {lo > 0 && theta < 0x1p-20 ? lo : 0.0, hi < 1.0 && theta < 0x1p-20 ? hi : 1.0};
        }
    }
};

}  // namespace ctnn::verification
