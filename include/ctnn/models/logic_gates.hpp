#pragma once
// AND, OR and NAND, each learned at compile time by the smallest network that can:
// one sigmoid unit (logistic regression), binary cross-entropy, gradient descent.
// XOR is not linearly separable and needs a hidden layer: see xor.hpp.
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/gradient_descent.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::logic_gates {

using network_type = network<dense<2, 1, sigmoid>>;

inline constexpr matrix<4, 2> inputs{{0, 0, 0, 1, 1, 0, 1, 1}};
inline constexpr ctnn::recipe recipe{binary_cross_entropy{}, gradient_descent{.learning_rate = 2.0}, epochs<500>,
                                     log_every<100>};
inline constexpr network_type initial = initialize<network_type>(randn{.seed = 1});

// A gate's truth table as a dataset, and the network trained on it.
constexpr dataset<4, 2, 1> truth_table(double y00, double y01, double y10, double y11) {
    return {inputs, {{y00, y01, y10, y11}}};
}

// What the trained network answers, thresholded at 0.5, for each row of `inputs`.
template <class Trained>
constexpr bool answers(const Trained& t, const dataset<4, 2, 1>& table) {
    const auto p = t.network.predict(inputs);
    for (std::size_t i = 0; i < 4; ++i)
        if ((p.data[i] > 0.5) != (table.y.data[i] > 0.5)) return false;
    return true;
}

inline constexpr auto and_data = truth_table(0, 0, 0, 1);
inline constexpr auto or_data = truth_table(0, 1, 1, 1);
inline constexpr auto nand_data = truth_table(1, 1, 1, 0);

// One part each: the function definition the macro puts after each run lets GCC collect
// the garbage of one gate's training before the next (train_in_parts.hpp).
CTNN_TRAIN_IN_PARTS(and_gate, 1, initial, and_data, recipe);
CTNN_TRAIN_IN_PARTS(or_gate, 1, initial, or_data, recipe);
CTNN_TRAIN_IN_PARTS(nand_gate, 1, initial, nand_data, recipe);

static_assert(answers(and_gate, and_data), "ctnn::models::logic_gates: AND was not learned");
static_assert(answers(or_gate, or_data), "ctnn::models::logic_gates: OR was not learned");
static_assert(answers(nand_gate, nand_data), "ctnn::models::logic_gates: NAND was not learned");

}  // namespace ctnn::models::logic_gates
