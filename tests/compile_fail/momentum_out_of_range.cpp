// EXPECT: momentum and Adam's beta1, beta2 must lie in \[0, 1\)
// Momentum of 1: the velocity would never decay.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::momentum{.learning_rate = 0.1, .momentum = 1.0}, ctnn::epochs<10>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
