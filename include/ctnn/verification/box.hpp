#pragma once
// A box of inputs: one closed interval per input, the region a property is proved over.
//
//   ctnn::verification::box<2> square{{{0.0, 1.0}, {0.0, 1.0}}};      // [0, 1]^2
//   auto around = ctnn::verification::linf_ball(point, 0.1);           // |x - point|_inf <= 0.1
//
// Every function that takes a box checks it before use and refuses, by name, a box that
// is empty or inverted (a lower bound above its upper bound) or has a bound that is NaN
// or infinite: in a constant expression that is a compile-time error naming the problem,
// at run time a std::domain_error.
#include <cstddef>
#include <stdexcept>

#include <ctnn/math/fp.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/verification/detail/ulp.hpp>
#include <ctnn/verification/interval.hpp>

namespace ctnn::verification {

template <std::size_t N>
struct box {
    static_assert(N > 0, "ctnn::verification::box: a box needs at least one input");
    static constexpr std::size_t width = N;  // the number of inputs it bounds

    interval dim[N];

    [[nodiscard]] constexpr const interval& operator[](std::size_t i) const noexcept { return dim[i]; }
    [[nodiscard]] constexpr interval& operator[](std::size_t i) noexcept { return dim[i]; }

    // The point in the middle, as a network input.
    [[nodiscard]] constexpr matrix<1, N> centre() const noexcept {
        matrix<1, N> c{};
        for (std::size_t i = 0; i < N; ++i) c.data[i] = dim[i].middle();
        return c;
    }
    [[nodiscard]] constexpr bool contains(const matrix<1, N>& x) const noexcept {
        for (std::size_t i = 0; i < N; ++i)
            if (!dim[i].contains(x.data[i])) return false;
        return true;
    }

    friend constexpr bool operator==(const box&, const box&) = default;
};

// The named errors. A throw in a constant expression stops compilation, and the
// compilers quote the throw expression, message included.
template <std::size_t N>
constexpr void require_valid(const box<N>& b) {
    for (std::size_t i = 0; i < N; ++i) {
        if (!math::isfinite(b[i].lo) || !math::isfinite(b[i].hi))
            throw std::domain_error("ctnn::verification: a bound of the box is NaN or infinite");
        if (b[i].lo > b[i].hi)
            throw std::domain_error("ctnn::verification: the box is empty: a lower bound is above its upper bound");
    }
}

// Instantiated with both widths, so that a mismatch shows them in the error.
template <std::size_t BoxWidth, std::size_t NetworkInputs>
struct check_box_width {
    static_assert(BoxWidth == NetworkInputs,
                  "ctnn::verification: the box's width does not match the network's number of inputs");
    static constexpr bool ok = true;
};

// Copying element by element: Clang 19's new constant interpreter rejects the implicit
// copy-assignment of a struct holding an array.
template <std::size_t N>
constexpr void assign(box<N>& to, const box<N>& from) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        to.dim[i].lo = from.dim[i].lo;
        to.dim[i].hi = from.dim[i].hi;
    }
}

// Every input within r of x (the L-infinity ball), its end points rounded outward so
// that the box holds every point of the exact ball.
template <std::size_t N>
[[nodiscard]] constexpr box<N> linf_ball(const matrix<1, N>& x, double r) {
    if (!(r >= 0) || !math::isfinite(r))
        throw std::domain_error("ctnn::verification: the radius must be finite and not negative");
    box<N> b{};
    for (std::size_t i = 0; i < N; ++i) b[i] = {detail::add_down(x.data[i], -r), detail::add_up(x.data[i], r)};
    require_valid(b);
    return b;
}

// The part of a inside b; both must overlap.
template <std::size_t N>
[[nodiscard]] constexpr box<N> intersect(const box<N>& a, const box<N>& b) {
    box<N> c{};
    for (std::size_t i = 0; i < N; ++i)
        c[i] = {a[i].lo > b[i].lo ? a[i].lo : b[i].lo, a[i].hi < b[i].hi ? a[i].hi : b[i].hi};
    require_valid(c);
    return c;
}

}  // namespace ctnn::verification
