// EXPECT: shuffle_each_epoch needs mini-batches: give a ctnn::batch_size<N> before it
// Shuffling the one batch of full-batch training would only reorder its sums.
#include <ctnn/ctnn.hpp>

constexpr ctnn::recipe<ctnn::mse, ctnn::gradient_descent, 10, 1, ctnn::full_batch, ctnn::shuffle_each_epoch> how{
    ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>, ctnn::log_every<1>,
    {},          ctnn::shuffle_each_epoch{.seed = 1}};
