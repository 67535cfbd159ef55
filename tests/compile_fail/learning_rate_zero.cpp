// EXPECT: the learning rate must be positive and finite
// Gradient descent with a learning rate of 0.0: validated before the first epoch.
#include <limits>

#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr double learning_rate = 0.0;
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = learning_rate}, ctnn::epochs<10>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
