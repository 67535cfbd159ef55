#pragma once
// Adam (Kingma & Ba, 2015), with the paper's bias correction:
//   m = b1 m + (1 - b1) g,  v = b2 v + (1 - b2) g^2,
//   p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + epsilon).
// b1^t and b2^t are kept as running products rather than computed with pow.
#include <ctnn/math/sqrt.hpp>
#include <ctnn/optimizers/optimizer.hpp>

namespace ctnn {

struct adam {
    double learning_rate = 0.001;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;

    struct state {
        double beta1_t = 1.0;  // beta1^t after begin_step of step t
        double beta2_t = 1.0;
    };
    struct slot {
        double m = 0.0;
        double v = 0.0;
    };

    constexpr void validate() const {
        detail::require_positive_learning_rate(learning_rate);
        detail::require_unit_interval(beta1);
        detail::require_unit_interval(beta2);
        if (!(epsilon > 0.0)) throw std::invalid_argument("ctnn::adam: epsilon must be positive");
    }
    constexpr void begin_step(state& s) const noexcept {
        s.beta1_t *= beta1;
        s.beta2_t *= beta2;
    }
    constexpr void step(double& p, double g, slot& s, const state& st) const noexcept {
        // One statement: m and v are updated inside it, and m_hat = m / (1 - b1^t) and v_hat =
        // v / (1 - b2^t) are not locals. A constant evaluator pays for every statement and
        // local about as much as for a multiplication, and Adam takes a step per parameter.
        p -= learning_rate * ((s.m = beta1 * s.m + (1.0 - beta1) * g) / (1.0 - st.beta1_t)) /
             (math::sqrt((s.v = beta2 * s.v + (1.0 - beta2) * (g * g)) / (1.0 - st.beta2_t)) + epsilon);
    }
};

}  // namespace ctnn
