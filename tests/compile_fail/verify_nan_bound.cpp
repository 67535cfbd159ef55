// EXPECT: a bound of the box is NaN or infinite
// A property to prove over a box with a NaN upper bound.
#include <limits>

#include <ctnn/ctnn.hpp>
#include <ctnn/verification.hpp>

using net = ctnn::network<ctnn::dense<2, 1, ctnn::sigmoid>>;
constexpr net n{{ctnn::dense<2, 1, ctnn::sigmoid>{{{1.0, -1.0}}, {{0.0}}}}};
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr auto proof = ctnn::verification::prove(n, ctnn::verification::box<2>{{{0.0, 1.0}, {0.0, nan}}},
                                                 ctnn::verification::output_above{0, 0.5});
