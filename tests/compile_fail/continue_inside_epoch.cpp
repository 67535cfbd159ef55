// EXPECT: the run being continued stopped inside an epoch: use train_part
// A part that stops after one of an epoch's two batches, continued epoch-wise by train().
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<3>,
                           ctnn::log_every<1>, ctnn::batch_size<2>};
constexpr net initial = ctnn::initialize<net>(ctnn::randn{.seed = 1});
constexpr auto first_half = ctnn::train_part<0, 2>(initial, data, how);  // 3 of 6 updates
constexpr auto more = ctnn::train(first_half, data, how);
