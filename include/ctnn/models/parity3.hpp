#pragma once
// 3-bit parity (the XOR of three inputs), learned at compile time by a 3-8-1 network:
// leaky-ReLU hidden units, a sigmoid output, binary cross-entropy, Adam.
#include <cstddef>

#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::parity3 {

using network_type = network<dense<3, 8, leaky_relu<>>, dense<8, 1, sigmoid>>;

inline constexpr dataset<8, 3, 1> data{{{0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1}},
                                       {{0, 1, 1, 0, 1, 0, 0, 1}}};
inline constexpr ctnn::recipe recipe{binary_cross_entropy{}, adam{.learning_rate = 0.05}, epochs<300>, log_every<50>};
inline constexpr network_type initial = initialize<network_type>(he_normal{.seed = 1});
// In three parts, where GCC collects garbage (train_in_parts.hpp).
CTNN_TRAIN_IN_PARTS(trained, 3, initial, data, recipe);
inline constexpr matrix<8, 1> predictions = trained.network.predict(data.x);

static_assert([] {
    for (std::size_t i = 0; i < 8; ++i)
        if ((predictions.data[i] > 0.5) != (data.y.data[i] > 0.5)) return false;
    return true;
}(), "ctnn::models::parity3: parity was not learned for every input");

}  // namespace ctnn::models::parity3
