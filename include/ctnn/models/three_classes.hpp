#pragma once
// A small multi-class problem learned at compile time: 12 points of the plane in three
// clusters (around (0,0), (1,1) and (0,1)), classified by a 2-6-3 network with ReLU
// hidden units and a softmax output, categorical cross-entropy, Adam.
#include <cstddef>

#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::three_classes {

using network_type = network<dense<2, 6, relu>, dense<6, 3, softmax>>;

// One-hot targets: class 0 near (0,0), class 1 near (1,1), class 2 near (0,1).
inline constexpr dataset<12, 2, 3> data{
    {{0.0, 0.0, 0.2, 0.1, 0.1, 0.3, 0.3, 0.2,    //
      1.0, 1.0, 0.8, 1.0, 1.0, 0.8, 0.9, 0.9,    //
      0.0, 1.0, 0.1, 0.9, 0.2, 1.0, 0.0, 0.8}},  //
    {{1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0,        //
      0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0,        //
      0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}}};
inline constexpr ctnn::recipe recipe{categorical_cross_entropy{}, adam{.learning_rate = 0.05}, epochs<150>,
                                     log_every<50>};
inline constexpr network_type initial = initialize<network_type>(he_normal{.seed = 1});
// In two parts, where GCC collects garbage (train_in_parts.hpp).
CTNN_TRAIN_IN_PARTS(trained, 2, initial, data, recipe);
inline constexpr matrix<12, 3> probabilities = trained.network.predict(data.x);

// The most probable class of sample i.
constexpr std::size_t predicted_class(std::size_t i) noexcept {
    std::size_t best = 0;
    for (std::size_t c = 1; c < 3; ++c)
        if (probabilities(i, c) > probabilities(i, best)) best = c;
    return best;
}

static_assert([] {
    for (std::size_t i = 0; i < 12; ++i)
        if (data.y(i, predicted_class(i)) != 1.0) return false;
    return true;
}(), "ctnn::models::three_classes: a training point is misclassified");

}  // namespace ctnn::models::three_classes
