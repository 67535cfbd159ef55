#pragma once
// Plain full-batch gradient descent, the seed's optimizer: p -= learning_rate * g.
namespace ctnn {

struct gradient_descent {
    double learning_rate;

    struct slot {};  // per-parameter state: none

    constexpr void step(double& p, double g, slot&) const noexcept { p -= learning_rate * g; }
};

}  // namespace ctnn
