#pragma once
// What ctnn asks of an activation: an element-wise function and its derivative written
// in terms of the function's output (backpropagation keeps only the outputs).
#include <concepts>

namespace ctnn {

template <class A>
concept activation = requires(double v) {
    { A::apply(v) } -> std::same_as<double>;
    { A::derivative_from_output(v) } -> std::same_as<double>;
};

}  // namespace ctnn
