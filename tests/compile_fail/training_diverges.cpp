// EXPECT: training diverged
// EXPECT: (in call to|expansion of) .*require_[a-z_]+(<[^>]*>)?\(.*(, [0-9]+|epoch)\)
// Fitting y = 2x with a learning rate far too large for these inputs: every epoch
// multiplies the error by about -6.5. The library checks the network's outputs every
// epoch and stops the build as soon as one is NaN or beyond 1e100 -- before anything
// overflows, which GCC would otherwise report at the overflowing multiplication, in
// words that say nothing of divergence. Clang's note shows the call with the epoch,
// require_bounded_outputs(..., 120); GCC's names the parameter: (..., epoch).
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<1, 1, ctnn::identity>>;
constexpr ctnn::dataset<4, 1, 1> data{{{1, 2, 3, 4}}, {{2, 4, 6, 8}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.5}, ctnn::epochs<1000>,
                           ctnn::log_every<1>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
