#pragma once
// Fisher's iris learned at compile time: scikit-learn's copy of the UCI data (150 flowers,
// 4 measurements in cm, 3 species; models/data/iris.hpp, generated from Debian's
// python3-sklearn file), 120 flowers to train on and 30 held out, split by numpy's
// RandomState(0) permutation, each measurement standardised with the training flowers'
// mean and standard deviation. A 4-8-3 network (ReLU hidden units, softmax output),
// categorical cross-entropy, Adam at 0.03, he_normal(seed 0) weights, batches of 12
// reshuffled every epoch, 20 epochs (tests/reference/iris_reference.py trains the same in
// numpy). 29 of the 30 held-out flowers come out right. Compiling it costs, over a
// baseline of the same headers and data (bench/compile_time/iris_baseline.cpp; CPU
// seconds, median of 3, on a 2-core AMD EPYC VM under a load average of ~10,
// 2026-12-03, with the folded kernels of dense.hpp): g++ 12 2.7 s (118 MB peak), clang++
// 14 2.8 s, clang++ 19 2.8 s, clang++ 19's new constant interpreter 2.1 s.
//
// The build checks the held-out accuracy: `test_accuracy`, `test_correct`,
// `test_predictions` and `test_confusion` are constants, computed by the compiler from
// the network it trained.
#include <array>
#include <cstddef>

#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/metrics/accuracy.hpp>
#include <ctnn/metrics/classify.hpp>
#include <ctnn/metrics/confusion_matrix.hpp>
#include <ctnn/models/data/iris.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::iris {

// The flowers: data::train, data::test (scaled), data::test_labels, data::classes, data::scaling, ...
namespace data = ctnn::models::data::iris;

using network_type = network<dense<data::inputs, 8, relu>, dense<8, data::outputs, softmax>>;

inline constexpr ctnn::recipe recipe{categorical_cross_entropy{}, adam{.learning_rate = 0.03}, epochs<20>,
                                     log_every<1>, batch_size<12>, shuffle_each_epoch{.seed = 0}};

inline constexpr network_type initial = initialize<network_type>(he_normal{.seed = 0});

// 200 updates (20 epochs of 10 batches) in 4 parts of 50, for GCC's memory.
CTNN_TRAIN_IN_PARTS(trained, 4, initial, data::train, recipe);
static_assert(trained.epochs == recipe.epochs);

// The trained network on the held-out flowers: its softmax outputs, its classes (argmax),
// how many are right, and the confusion matrix (row: true species, column: predicted).
inline constexpr matrix<data::test_samples, data::outputs> test_outputs = trained.network.predict(data::test.x);
inline constexpr std::array<std::size_t, data::test_samples> test_predictions = classify(test_outputs);
inline constexpr std::size_t test_correct = correct_count(test_predictions, data::test_labels);
inline constexpr double test_accuracy = accuracy(test_predictions, data::test_labels);
inline constexpr confusion_matrix_t<data::outputs> test_confusion =
    confusion_matrix<data::outputs>(data::test_labels, test_predictions);

static_assert(test_accuracy >= 0.93, "ctnn::models::iris: the held-out accuracy is below 93 %");

}  // namespace ctnn::models::iris
