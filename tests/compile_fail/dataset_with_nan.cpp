// EXPECT: the dataset contains a NaN or an infinity
// A NaN among the targets: training refuses to start, rather than failing somewhere
// inside a kernel (Clang: "floating point arithmetic produces a NaN") or reporting a
// divergence that is really the data's fault (GCC).
#include <limits>

#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 1, ctnn::sigmoid>>;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr ctnn::dataset<2, 2, 1> data{{{0, 1, 1, 0}}, {{1, nan}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
