#pragma once
// Plain gradient descent, the seed's optimizer: p -= learning_rate * g.
#include <ctnn/optimizers/optimizer.hpp>

namespace ctnn {

struct gradient_descent {
    double learning_rate;

    struct state {};  // nothing shared between parameters
    struct slot {};   // nothing per parameter
    static constexpr bool plain_step = true;  // step() is p -= learning_rate * g (optimizer.hpp)

    constexpr void validate() const { detail::require_positive_learning_rate(learning_rate); }
    constexpr void begin_step(state&) const noexcept {}
    constexpr void step(double& p, double g, slot&, const state&) const noexcept { p -= learning_rate * g; }
};

}  // namespace ctnn
