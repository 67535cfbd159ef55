// EXPECT: CTNN_TRAIN_IN_PARTS: a run needs at least one part
// A run declared in zero parts.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>};
constexpr net initial = ctnn::initialize<net>(ctnn::randn{.seed = 1});
CTNN_TRAIN_IN_PARTS(result, 0, initial, data, how);
