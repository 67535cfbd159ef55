// EXPECT: every part after the first continues the part before it: pass that part, not a network
// Part 1 handed a network, as if it started the run.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<12>};
constexpr net initial = ctnn::initialize<net>(ctnn::randn{.seed = 1});
constexpr auto part_1 = ctnn::train_part<1, 4>(initial, data, how);
