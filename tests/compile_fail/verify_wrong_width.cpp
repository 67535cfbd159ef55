// EXPECT: the box's width does not match the network's number of inputs
// A 2-input network bounded over a box of 3 inputs.
#include <ctnn/ctnn.hpp>
#include <ctnn/verification.hpp>

using net = ctnn::network<ctnn::dense<2, 1, ctnn::sigmoid>>;
constexpr net n{{ctnn::dense<2, 1, ctnn::sigmoid>{{{1.0, -1.0}}, {{0.0}}}}};
constexpr auto bounds =
    ctnn::verification::output_bounds(n, ctnn::verification::box<3>{{{0.0, 1.0}, {0.0, 1.0}, {0.0, 1.0}}});
