// EXPECT: the dataset's input width does not match the network's input size
// A 2-input network trained on a dataset whose samples have 3 inputs.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<2, 3, 1> data{{{0, 0, 0, 1, 1, 1}}, {{0, 1}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
