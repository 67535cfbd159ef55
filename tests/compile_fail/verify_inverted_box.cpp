// EXPECT: the box is empty: a lower bound is above its upper bound
// Bounds asked for over a box whose second input runs from 1 down to 0.
#include <ctnn/ctnn.hpp>
#include <ctnn/verification.hpp>

using net = ctnn::network<ctnn::dense<2, 1, ctnn::sigmoid>>;
constexpr net n{{ctnn::dense<2, 1, ctnn::sigmoid>{{{1.0, -1.0}}, {{0.0}}}}};
constexpr auto bounds = ctnn::verification::output_bounds(n, ctnn::verification::box<2>{{{0.0, 1.0}, {1.0, 0.0}}});
