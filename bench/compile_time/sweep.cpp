// Compile-time benchmark, sweep: XOR learned by a 2-H-1 sigmoid network for E epochs,
// otherwise the seed's recipe (numpy's randn seed 42, zero biases, MSE, lr 0.1).
//   -DCTNN_SWEEP_EPOCHS=E   (default 1000)
//   -DCTNN_SWEEP_HIDDEN=H   (default 4)
// bench/compile_time.sh --epochs-sweep compiles it at several E and H.
#include <cstddef>

#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/mse.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/gradient_descent.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>

#ifndef CTNN_SWEEP_EPOCHS
#define CTNN_SWEEP_EPOCHS 1000
#endif
#ifndef CTNN_SWEEP_HIDDEN
#define CTNN_SWEEP_HIDDEN 4
#endif

namespace sweep {

inline constexpr std::size_t epochs = CTNN_SWEEP_EPOCHS;
inline constexpr std::size_t hidden = CTNN_SWEEP_HIDDEN;

using network_type =
    ctnn::network<ctnn::dense<2, hidden, ctnn::sigmoid>, ctnn::dense<hidden, 1, ctnn::sigmoid>>;

inline constexpr ctnn::dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};

inline constexpr ctnn::recipe recipe{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = 0.1},
                                     ctnn::epochs<epochs>, ctnn::log_every<1000>};

inline constexpr network_type initial = ctnn::initialize<network_type>(ctnn::randn{.seed = 42});

inline constexpr auto trained = ctnn::train(initial, data, recipe);

}  // namespace sweep

static_assert(sweep::trained.loss_history[0] > 0.0);
