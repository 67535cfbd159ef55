#pragma once
// The seed: XOR learned by a 2-4-1 sigmoid network with the seed's MSE convention,
// full-batch gradient descent at learning rate 0.1 for 10000 epochs, from numpy's
// randn(seed 42) weights and zero biases -- trained while this header is compiled.
//
// Every name below is a constant: `ctnn::models::xor_gate::trained.network` holds the
// weights, `...trained.loss_history` the loss of epochs 0, 1000, ..., 9000, and
// `predictions` the network's outputs for the four inputs, all usable in static_assert.
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/mse.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/gradient_descent.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::xor_gate {

using network_type = network<dense<2, 4, sigmoid>, dense<4, 1, sigmoid>>;

// The truth table: inputs (0,0) (0,1) (1,0) (1,1) and their XOR.
inline constexpr dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};

inline constexpr ctnn::recipe recipe{mse_seed{}, gradient_descent{.learning_rate = 0.1}, epochs<10000>,
                                     log_every<1000>};

inline constexpr network_type initial = initialize<network_type>(randn{.seed = 42});

// The 10000 epochs are trained in ten parts, a constant each (train_in_parts.hpp): GCC
// frees no memory while it evaluates one constant but collects garbage between them, so
// this keeps its peak memory to about a tenth. Every part continues exactly where the
// previous stopped, so the result is the same, bit for bit, as one 10000-epoch run
// (tests/runtime/bit_identity_test.cpp).
CTNN_TRAIN_IN_PARTS(trained, 10, initial, data, recipe);
static_assert(trained.epochs == recipe.epochs);

inline constexpr matrix<4, 1> predictions = trained.network.predict(data.x);

}  // namespace ctnn::models::xor_gate
