#pragma once
// The seed's initialisation: every weight matrix drawn from numpy's legacy
// np.random.seed(seed); np.random.randn(inputs, outputs), layer after layer, and every
// bias zero -- so a network built here starts where the numpy script starts.
#include <cstdint>

#include <boost/hana/for_each.hpp>

#include <ctnn/random/numpy_random_state.hpp>

namespace ctnn {

struct randn {
    std::uint32_t seed;
};

template <class Network>
constexpr Network initialize(const randn& how) noexcept {
    Network net{};
    random::numpy_random_state rs{how.seed};
    boost::hana::for_each(net.layers, [&](auto& layer) {
        for (double& w : layer.W.data) w = rs.randn();
        for (double& b : layer.b.data) b = 0.0;
    });
    return net;
}

}  // namespace ctnn
