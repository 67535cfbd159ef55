// EXPECT: ctnn::epochs: training needs at least one epoch
// A recipe of zero epochs.
#include <ctnn/ctnn.hpp>

constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<0>};
