#pragma once
// Certified robustness: the largest L-infinity radius around an input within which a
// property -- typically the decision the network makes at that input -- is proved.
//
//   constexpr auto r = ctnn::verification::certified_radius(net, x, output_above{0, 0.5});
//   static_assert(r.radius >= 0.25);   // every input within 0.25 of x gives > 0.5
//
// The radius is searched on the grid k * resolution (k = 0, 1, ..., max_radius /
// resolution) by bisection on k, each candidate decided by prove() on the ball around x
// (optionally intersected with a domain, e.g. [0, 1]^2, where inputs live). The radius
// returned is always proved; the next grid radius was not proved within the limits
// (`beyond` says whether it was disproved -- then `counterexample` is a checked input
// within it -- or undecided). prove() is exact about the pieces it examines but not
// monotone in the radius in every case, so the result is the largest proved radius the
// bisection met: a lower bound on the true one, within one step of it when `beyond` is
// disproved.
#include <cstddef>
#include <stdexcept>

#include <ctnn/math/fp.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/verification/box.hpp>
#include <ctnn/verification/prove.hpp>

namespace ctnn::verification {

struct radius_search {
    double resolution = 0x1p-10;  // radii are multiples of this
    double max_radius = 1.0;      // the largest radius tried
    proof_limits limits = {};     // for each prove()
};

template <std::size_t N>
struct certified_radius_result {
    bool certified;       // false: not even the input itself is proved (radius 0 fails)
    double radius;        // the largest proved radius found (0 when !certified)
    verdict beyond;       // the verdict on radius + resolution (undecided if beyond max_radius)
    matrix<1, N> counterexample;  // when beyond is disproved
    std::size_t proofs;   // prove() calls made
    std::size_t boxes;    // pieces examined by them in all
};

namespace detail {
// (A function, not a lambda: Clang 19's new constant interpreter has crashed on lambdas
// that update what they capture.)
template <class Net, std::size_t N, class Property>
constexpr proof<N> attempt(const Net& net, const matrix<1, N>& x, const Property& property, const box<N>& domain,
                           bool clip, const radius_search& how, std::size_t k, certified_radius_result<N>& out) {
    const box<N> ball = linf_ball(x, static_cast<double>(k) * how.resolution);
    const proof<N> p = prove(net, clip ? intersect(ball, domain) : ball, property, how.limits);
    ++out.proofs;
    out.boxes += p.boxes;
    return p;
}

template <class Net, std::size_t N, class Property>
constexpr certified_radius_result<N> search_radius(const Net& net, const matrix<1, N>& x, const Property& property,
                                                   const box<N>& domain, bool clip, const radius_search& how) {
    if (!(how.resolution > 0) || !math::isfinite(how.resolution) || !(how.max_radius >= how.resolution) ||
        !math::isfinite(how.max_radius))
        throw std::domain_error(
            "ctnn::verification::certified_radius: the resolution must be positive and at most max_radius");
    const auto steps = static_cast<std::size_t>(how.max_radius / how.resolution);
    certified_radius_result<N> out{false, 0.0, verdict::undecided, {}, 0, 0};
    {
        const proof<N> at_x = attempt(net, x, property, domain, clip, how, 0, out);
        if (!at_x.proved()) {
            out.beyond = at_x.result;
            for (std::size_t i = 0; i < N; ++i) out.counterexample.data[i] = at_x.counterexample.data[i];
            return out;
        }
    }
    out.certified = true;
    std::size_t good = 0, bad = steps + 1;  // good is proved; bad is not (or beyond the range)
    while (bad - good > 1) {
        const std::size_t mid = good + (bad - good) / 2;
        const proof<N> p = attempt(net, x, property, domain, clip, how, mid, out);
        if (p.proved()) {
            good = mid;
        } else {
            bad = mid;
            out.beyond = p.result;
            for (std::size_t i = 0; i < N; ++i) out.counterexample.data[i] = p.counterexample.data[i];
        }
    }
    if (bad == steps + 1) out.beyond = verdict::undecided;  // never tried
    out.radius = static_cast<double>(good) * how.resolution;
    return out;
}
}  // namespace detail

template <class Net, std::size_t N, class Property>
[[nodiscard]] constexpr certified_radius_result<N> certified_radius(const Net& net, const matrix<1, N>& x,
                                                                    const Property& property,
                                                                    radius_search how = {}) {
    static_assert(check_box_width<N, Net::inputs>::ok);
    return detail::search_radius(net, x, property, box<N>{}, false, how);
}

// The same, with every ball cut down to `domain` (which must contain x): e.g. the
// largest square of [0, 1]^2 with corner x on which the property holds.
template <class Net, std::size_t N, class Property>
[[nodiscard]] constexpr certified_radius_result<N> certified_radius(const Net& net, const matrix<1, N>& x,
                                                                    const Property& property, const box<N>& domain,
                                                                    radius_search how = {}) {
    static_assert(check_box_width<N, Net::inputs>::ok);
    require_valid(domain);
    if (!domain.contains(x))
        throw std::domain_error("ctnn::verification::certified_radius: the input is outside the domain");
    return detail::search_radius(net, x, property, domain, true, how);
}

}  // namespace ctnn::verification
