// EXPECT: ctnn::log_every: the logging interval must be at least one epoch
// Logging the loss every 0 epochs.
#include <ctnn/ctnn.hpp>

constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>,
                           ctnn::log_every<0>};
