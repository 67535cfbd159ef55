// EXPECT: the batch size must divide the number of samples in the dataset
// Four samples cut into batches of three.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>,
                           ctnn::log_every<5>, ctnn::batch_size<3>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
