#pragma once
// A network for snapshot round trips that the XOR model does not cover: every ctnn
// activation (leaky_relu with its template arguments, softmax's row-wise interface), five
// layers, and parameters that are hard to write down -- negative zero, the smallest
// subnormal, the largest double. No training: it is built from he_normal weights, so
// the writer and the test that compares against it compile in no time.
#include <ctnn/activations/identity.hpp>
#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/activations/tanh.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/network.hpp>

namespace ctnn_test::snapshot {

using mixed_network =
    ctnn::network<ctnn::dense<3, 5, ctnn::tanh>, ctnn::dense<5, 4, ctnn::leaky_relu<1, 10>>,
                  ctnn::dense<4, 4, ctnn::relu>, ctnn::dense<4, 2, ctnn::identity>, ctnn::dense<2, 3, ctnn::softmax>>;

constexpr mixed_network make_mixed() noexcept {
    // (Indexed each time: Clang 19's new constant interpreter crashes when a pointer into
    // `net` is live while `net` is returned.)
    auto net = ctnn::initialize<mixed_network>(ctnn::he_normal{.seed = 7});
    net.layer<0>().b.data[0] = -0.0;
    net.layer<0>().b.data[1] = 0x1p-1074;
    net.layer<0>().b.data[2] = -0x1.fffffffffffffp+1023;
    net.layer<0>().b.data[3] = 0.1;
    net.layer<0>().b.data[4] = 1e300;
    return net;
}

inline constexpr mixed_network mixed = make_mixed();

}  // namespace ctnn_test::snapshot
