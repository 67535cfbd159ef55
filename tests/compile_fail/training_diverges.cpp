// EXPECT: training diverged
// EXPECT: (in call to|expansion of) '(ctnn::detail::)?require_[a-z_]+\(.*(, 1[0-9][0-9]|epoch)\)'
// FLAGS-GCC: -fno-trapping-math
// Fitting y = 2x with a learning rate far too large for these inputs: every epoch
// multiplies the error by about -6.5, until the loss overflows to infinity. The library
// stops the build at the first logged epoch whose loss is not finite; Clang's note shows
// that call with its arguments, the loss and the epoch: require_finite_loss(INF, 178).
// GCC's note names the arguments instead of showing their values:
// require_finite_loss(loss, epoch).
//
// GCC refuses to constant-evaluate a floating-point operation that overflows (unless
// -fno-trapping-math), so with the library as it is it stops one step earlier, at the
// multiplication in the loss that overflows: "'(... * ...)' is not a constant
// expression", which says nothing of divergence. Hence -fno-trapping-math for GCC here.
// (The second EXPECT also accepts a check with another name, e.g. one on the outputs that
// stops training before anything overflows, which would make that flag unnecessary.)
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<1, 1, ctnn::identity>>;
constexpr ctnn::dataset<4, 1, 1> data{{{1, 2, 3, 4}}, {{2, 4, 6, 8}}};
constexpr ctnn::recipe how{ctnn::mse{}, ctnn::gradient_descent{.learning_rate = 0.5}, ctnn::epochs<1000>,
                           ctnn::log_every<1>};
constexpr auto result = ctnn::train(ctnn::initialize<net>(ctnn::randn{.seed = 1}), data, how);
