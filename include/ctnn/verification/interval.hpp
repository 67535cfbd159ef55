#pragma once
// A closed interval of doubles, [lo, hi]: one input's range in a box, or the certified
// range of one output.
namespace ctnn::verification {

struct interval {
    double lo;
    double hi;

    [[nodiscard]] constexpr bool contains(double v) const noexcept { return lo <= v && v <= hi; }
    [[nodiscard]] constexpr double width() const noexcept { return hi - lo; }
    [[nodiscard]] constexpr double middle() const noexcept { return lo + (hi - lo) / 2; }

    friend constexpr bool operator==(const interval&, const interval&) = default;
};

}  // namespace ctnn::verification
