#pragma once
// Plain gradient descent, the seed's optimizer: p -= learning_rate * g.
#include <limits>
#include <stdexcept>

namespace ctnn {

struct gradient_descent {
    double learning_rate;

    struct slot {};  // per-parameter state: none

    // Called once before training. A throw cannot be constant-evaluated, so at compile
    // time a bad rate stops the build with this line (message included) in the notes.
    constexpr void validate() const {
        if (!(learning_rate > 0.0 && learning_rate < std::numeric_limits<double>::infinity()))
            throw std::invalid_argument("ctnn::gradient_descent: the learning rate must be positive and finite");
    }

    constexpr void step(double& p, double g, slot&) const noexcept { p -= learning_rate * g; }
};

}  // namespace ctnn
