// EXPECT: (-fconstexpr-ops-limit=. to increase the limit|constexpr evaluation hit maximum step limit)
// FLAGS-GCC: -fconstexpr-ops-limit=100000
// FLAGS-CLANG: -fconstexpr-steps=10000
// SKIP-WITH-FLAG: -fexperimental-new-constant-interpreter Clang 19's new interpreter ignores -fconstexpr-steps
// Training needs far more evaluation steps than the compilers allow by default, which is
// why the ctnn::ctnn target raises the limits. With the limit lowered back (here, later on
// the command line than the target's own flag, so it wins), training stops the build.
// GCC says which flag to raise: "'constexpr' evaluation operation count exceeds limit of
// 100000 (use '-fconstexpr-ops-limit=' to increase the limit)". Clang only says
// "constexpr evaluation hit maximum step limit; possible infinite loop?": the flag to
// raise is -fconstexpr-steps.
#include <ctnn/ctnn.hpp>

using net = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;
constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};
constexpr ctnn::recipe how{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<100>};
constexpr net initial = ctnn::initialize<net>(ctnn::randn{.seed = 42});  // within the limits: each constant has its own
constexpr auto result = ctnn::train(initial, data, how);                 // but 100 epochs are beyond them
