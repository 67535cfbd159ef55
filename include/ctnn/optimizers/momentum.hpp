#pragma once
// Gradient descent with (heavy-ball) momentum: v = momentum v - learning_rate g; p += v.
#include <ctnn/optimizers/optimizer.hpp>

namespace ctnn {

struct momentum {
    double learning_rate;
    double momentum = 0.9;

    struct state {};
    struct slot {
        double velocity = 0.0;
    };

    constexpr void validate() const {
        detail::require_positive_learning_rate(learning_rate);
        detail::require_unit_interval(momentum);
    }
    constexpr void begin_step(state&) const noexcept {}
    constexpr void step(double& p, double g, slot& s, const state&) const noexcept {
        s.velocity = momentum * s.velocity - learning_rate * g;
        p += s.velocity;
    }
};

}  // namespace ctnn
