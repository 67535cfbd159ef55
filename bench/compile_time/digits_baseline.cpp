// Compile-time benchmark, baseline for models/digits.hpp: every header it includes, its data
// (models/data/digits.hpp), and its network type, recipe and initial weights as it defines
// them -- but no training and no predictions: the initial weights are drawn here as there,
// so that model.cpp with -include ctnn/models/digits.hpp minus this TU is the training and
// the scoring on the held-out part alone. The compile costs quoted in models/digits.hpp are
// that difference (bench/compile_time.sh --models subtracts model_baseline.cpp, which
// draws no weights, instead).
#include <array>
#include <cstddef>

#include <ctnn/activations/softmax.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/metrics/accuracy.hpp>
#include <ctnn/metrics/classify.hpp>
#include <ctnn/metrics/confusion_matrix.hpp>
#include <ctnn/models/data/digits.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace baseline {

namespace data = ctnn::models::data::digits;

using network_type = ctnn::network<ctnn::dense<data::inputs, data::outputs, ctnn::softmax>>;

inline constexpr ctnn::recipe recipe{ctnn::categorical_cross_entropy{},
                                     ctnn::adam{.learning_rate = 0.03},
                                     ctnn::epochs<2>,
                                     ctnn::log_every<1>,
                                     ctnn::batch_size<32>,
                                     ctnn::shuffle_each_epoch{.seed = 0}};

inline constexpr network_type initial = ctnn::initialize<network_type>(ctnn::he_normal{.seed = 0});

}  // namespace baseline

static_assert(baseline::initial.layer<0>().W.data[0] != 0.0);
static_assert(baseline::data::train.x.data[0] == baseline::data::train.x.data[0]);
