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

namespace ctnn::models::xor_gate {

using network_type = network<dense<2, 4, sigmoid>, dense<4, 1, sigmoid>>;

// The truth table: inputs (0,0) (0,1) (1,0) (1,1) and their XOR.
inline constexpr dataset<4, 2, 1> data{{{0, 0, 0, 1, 1, 0, 1, 1}}, {{0, 1, 1, 0}}};

inline constexpr ctnn::recipe recipe{mse_seed{}, gradient_descent{.learning_rate = 0.1}, epochs<10000>,
                                     log_every<1000>};

inline constexpr network_type initial = initialize<network_type>(randn{.seed = 42});

// The 10000 epochs are trained as ten constants of 1000 epochs each, with a function
// definition after each: GCC frees no memory while it evaluates one constant, but it
// collects garbage after a function definition, so this keeps its peak memory to about a
// tenth. Every part continues exactly where the previous stopped, so the result is the
// same, bit for bit, as one 10000-epoch run (tests/runtime/bit_identity_test.cpp).
namespace detail {
inline constexpr ctnn::recipe part{recipe.loss, recipe.optimizer, epochs<1000>, log_every<recipe.log_every>};
inline constexpr auto part_1 = train(initial, data, part);
inline void collect_garbage_1() {}
inline constexpr auto part_2 = train(part_1, data, part);
inline void collect_garbage_2() {}
inline constexpr auto part_3 = train(part_2, data, part);
inline void collect_garbage_3() {}
inline constexpr auto part_4 = train(part_3, data, part);
inline void collect_garbage_4() {}
inline constexpr auto part_5 = train(part_4, data, part);
inline void collect_garbage_5() {}
inline constexpr auto part_6 = train(part_5, data, part);
inline void collect_garbage_6() {}
inline constexpr auto part_7 = train(part_6, data, part);
inline void collect_garbage_7() {}
inline constexpr auto part_8 = train(part_7, data, part);
inline void collect_garbage_8() {}
inline constexpr auto part_9 = train(part_8, data, part);
inline void collect_garbage_9() {}
}  // namespace detail

inline constexpr auto trained = train(detail::part_9, data, detail::part);
static_assert(trained.epochs == recipe.epochs);

inline constexpr matrix<4, 1> predictions = trained.network.predict(data.x);

}  // namespace ctnn::models::xor_gate
