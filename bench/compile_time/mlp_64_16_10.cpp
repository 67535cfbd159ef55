// Compile-time benchmark, a real-sized network (mlp_64_16_10.hpp): trains it, or with
// -DCTNN_BENCH_BASELINE only defines it, so that the difference is the training's cost.
#include "mlp_64_16_10.hpp"

#ifndef CTNN_BENCH_BASELINE
// The loss of the epoch, over its 45 batches: below ln 10, what guessing scores.
static_assert(ctnn_bench::mlp::trained.loss_history[0] > 0.0 && ctnn_bench::mlp::trained.loss_history[0] < 2.302585);
#endif
static_assert(ctnn_bench::mlp::data.samples == 1440);
