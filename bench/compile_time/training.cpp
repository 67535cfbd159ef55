// Compile-time benchmark, training: the seed's XOR model, trained while this TU compiles
// (2-4-1 sigmoid network, MSE, gradient descent at 0.1, 10000 epochs). See baseline.cpp.
#include <ctnn/models/xor.hpp>

static_assert(ctnn::models::xor_gate::trained.loss_history[0] > 0.0);
static_assert(ctnn::models::xor_gate::predictions.data[0] < 0.5);
