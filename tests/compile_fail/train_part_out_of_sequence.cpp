// EXPECT: this part does not start where the part before it stopped
// Part 2 handed part 0 instead of part 1.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse{},         ctnn::gradient_descent{.learning_rate = 0.1},
                           ctnn::epochs<12>,    ctnn::log_every<3>,
                           ctnn::batch_size<2>, ctnn::shuffle_each_epoch{.seed = 4}};
constexpr net initial = ctnn::initialize<net>(ctnn::randn{.seed = 1});
constexpr auto part_0 = ctnn::train_part<0, 4>(initial, data, how);
constexpr auto part_2 = ctnn::train_part<2, 4>(part_0, data, how);
