#pragma once
// A real-sized network for the compile-time benchmark: 64-16-10 (tanh, then softmax) on
// the 1440 training images of models/data/digits.hpp, categorical cross-entropy, plain
// gradient descent at 0.1, batches of 32 in order, one epoch (45 updates), trained in 9
// parts of 5 updates to keep GCC's memory in bounds. Plain gradient descent keeps the
// optimizer's share small, so the cost is that of the layers' kernels. With
// -DCTNN_BENCH_BASELINE it defines everything but the trained network: the baseline that
// bench/compile_time.sh subtracts.
#include <ctnn/ctnn.hpp>
#include <ctnn/models/data/digits.hpp>

namespace ctnn_bench::mlp {

namespace data_src = ctnn::models::data::digits;

using network_type = ctnn::network<ctnn::dense<64, 16, ctnn::tanh>, ctnn::dense<16, 10, ctnn::softmax>>;

inline constexpr const auto& data = data_src::train;

inline constexpr ctnn::recipe recipe{ctnn::categorical_cross_entropy{}, ctnn::gradient_descent{.learning_rate = 0.1},
                                     ctnn::epochs<1>, ctnn::log_every<1>, ctnn::batch_size<32>};

inline constexpr network_type initial = ctnn::initialize<network_type>(ctnn::he_normal{.seed = 0});

#ifndef CTNN_BENCH_BASELINE
CTNN_TRAIN_IN_PARTS(trained, 9, initial, data, recipe);
#endif

}  // namespace ctnn_bench::mlp
