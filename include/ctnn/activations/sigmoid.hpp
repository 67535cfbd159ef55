#pragma once
// The logistic function, written exactly as the seed writes it: 1 / (1 + exp(-z)).
#include <ctnn/math/exp.hpp>

namespace ctnn {

struct sigmoid {
    static constexpr double apply(double z) noexcept { return 1.0 / (1.0 + math::exp(-z)); }
    // Backpropagation only ever has the activation a = sigmoid(z) at hand, as in the seed.
    static constexpr double derivative_from_output(double a) noexcept { return a * (1.0 - a); }
};

}  // namespace ctnn
