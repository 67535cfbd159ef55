// EXPECT: the dataset contains a NaN or an infinity
// A run trained in parts checks its data once, in part 0 (train_in_parts.hpp): an infinity
// among the inputs still stops the build there, with the same message as train().
#include <limits>

#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 1, ctnn::sigmoid>>;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr ctnn::dataset<2, 2, 1> data{{{0, 1, inf, 0}}, {{1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>};
CTNN_TRAIN_IN_PARTS(result, 2, ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
