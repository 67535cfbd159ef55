// Compile-time benchmark, baseline: every header <ctnn/models/xor.hpp> includes, and the
// seed's model defined as that header defines it -- network type, data, recipe and the
// initial weights (numpy's randn, seed 42, drawn by the compiler) -- but no training.
// bench/compile_time.sh subtracts this TU's time from training.cpp's, so the difference
// is what ctnn::train costs the compiler (plus the four predictions).
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/mse.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/gradient_descent.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>

namespace baseline {

using network_type = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>>;

inline constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};

inline constexpr ctnn::recipe recipe{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = 0.1},
                                     ctnn::epochs<10000>, ctnn::log_every<1000>};

inline constexpr network_type initial = ctnn::initialize<network_type>(ctnn::randn{.seed = 42});

}  // namespace baseline

static_assert(baseline::initial.layer<0>().W.data[0] != 0.0);
static_assert(baseline::recipe.log_count == 10);
