#pragma once
// What ctnn asks of an optimizer: a `state` shared by all parameters (e.g. Adam's step
// count), a `slot` of state per parameter (e.g. a velocity), `begin_step` once per
// update of the network, and `step`, which updates one parameter from its gradient.
#include <concepts>
#include <limits>
#include <stdexcept>

namespace ctnn {

template <class O>
concept optimizer = requires {
                        typename O::state;
                        typename O::slot;
                    } && std::default_initializable<typename O::state> && std::default_initializable<typename O::slot> &&
                    requires(const O& o, typename O::state& st, typename O::slot& sl, double& p) {
                        o.validate();
                        o.begin_step(st);
                        o.step(p, 1.0, sl, st);
                    };

// An optimizer whose step is exactly `p -= learning_rate * g`, with no state at all, may
// say so with `static constexpr bool plain_step = true;`. Layers then write that step out
// in place instead of calling step() for every parameter, and training never calls its
// begin_step: the same arithmetic, and cheaper for the constant evaluators, for which a
// call costs more than the step itself.
template <class O>
concept plain_step_optimizer = optimizer<O> && requires(const O& o) {
                                                   { o.learning_rate } -> std::convertible_to<double>;
                                                   requires O::plain_step;
                                               };

namespace detail {
// Called before training. A throw cannot be constant-evaluated, so at compile time a bad
// value stops the build with this line, message included, in the compiler's notes; at
// run time it throws.
constexpr void require_positive_learning_rate(double learning_rate) {
    if (!(learning_rate > 0.0 && learning_rate < std::numeric_limits<double>::infinity()))
        throw std::invalid_argument("ctnn: the learning rate must be positive and finite");
}
constexpr void require_unit_interval(double beta) {
    if (!(beta >= 0.0 && beta < 1.0))
        throw std::invalid_argument("ctnn: momentum and Adam's beta1, beta2 must lie in [0, 1)");
}
}  // namespace detail

}  // namespace ctnn
