// The README's example: other code reading the network the compiler trained.
#include <cstdio>

#include <ctnn/models/xor.hpp>

namespace xg = ctnn::models::xor_gate;

// The trained weights are ordinary constants...
constexpr double w = xg::trained.network.layer<0>().W(0, 3);  // hidden weight, input 0 -> unit 3
static_assert(w > 6.0 && w < 6.1);

// ...and the network predicts inside constant expressions.
constexpr double p = xg::trained.network.predict(ctnn::matrix<1, 2>{{0, 1}})(0, 0);
static_assert(p > 0.9, "XOR(0, 1) should be 1");

int main() { std::printf("W1[0][3] = %.8f, XOR(0, 1) = %.8f\n", w, p); }
