#pragma once
// Properties of a network's outputs that prove() can decide over a box:
//
//   output_above{o, t}   every output o is > t      (a binary decision "1" when t = 0.5)
//   output_below{o, t}   every output o is < t
//   classified_as{c}     output c is larger than every other output (the class is c)
//
// Each one answers two questions: do certified output bounds prove it for the whole box
// (proved_by), and does one concrete output satisfy it (holds_for, used to check a
// counterexample on the network itself). Any type that answers both is a property.
#include <concepts>
#include <cstddef>
#include <stdexcept>

#include <ctnn/math/fp.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/verification/box.hpp>

namespace ctnn::verification {

namespace detail {
constexpr void require_output(std::size_t o, std::size_t outputs) {
    if (o >= outputs) throw std::domain_error("ctnn::verification: the property names an output the network does not have");
}
constexpr void require_threshold(double t) {
    if (!math::isfinite(t)) throw std::domain_error("ctnn::verification: the property's threshold is NaN or infinite");
}
}  // namespace detail

struct output_above {
    std::size_t output;
    double threshold;

    template <std::size_t M>
    [[nodiscard]] constexpr bool proved_by(const box<M>& y) const {
        check(M);
        return y[output].lo > threshold;
    }
    template <std::size_t M>
    [[nodiscard]] constexpr bool holds_for(const matrix<1, M>& y) const {
        check(M);
        return y.data[output] > threshold;
    }
    constexpr void check(std::size_t outputs) const {
        detail::require_output(output, outputs);
        detail::require_threshold(threshold);
    }
};

struct output_below {
    std::size_t output;
    double threshold;

    template <std::size_t M>
    [[nodiscard]] constexpr bool proved_by(const box<M>& y) const {
        check(M);
        return y[output].hi < threshold;
    }
    template <std::size_t M>
    [[nodiscard]] constexpr bool holds_for(const matrix<1, M>& y) const {
        check(M);
        return y.data[output] < threshold;
    }
    constexpr void check(std::size_t outputs) const {
        detail::require_output(output, outputs);
        detail::require_threshold(threshold);
    }
};

struct classified_as {
    std::size_t label;

    template <std::size_t M>
    [[nodiscard]] constexpr bool proved_by(const box<M>& y) const {
        detail::require_output(label, M);
        for (std::size_t j = 0; j < M; ++j)
            if (j != label && !(y[label].lo > y[j].hi)) return false;
        return true;
    }
    template <std::size_t M>
    [[nodiscard]] constexpr bool holds_for(const matrix<1, M>& y) const {
        detail::require_output(label, M);
        for (std::size_t j = 0; j < M; ++j)
            if (j != label && !(y.data[label] > y.data[j])) return false;
        return true;
    }
};

template <class P, std::size_t Outputs>
concept output_property = requires(const P& p, const box<Outputs>& bounds, const matrix<1, Outputs>& y) {
    { p.proved_by(bounds) } -> std::convertible_to<bool>;
    { p.holds_for(y) } -> std::convertible_to<bool>;
};

}  // namespace ctnn::verification
