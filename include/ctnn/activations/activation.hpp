#pragma once
// What ctnn asks of an activation. Either element-wise -- the function and its
// derivative written in terms of the function's output (backpropagation keeps only the
// outputs) -- or row-wise, like softmax, where each output depends on the whole row.
#include <concepts>
#include <cstddef>

namespace ctnn {

template <class A>
concept elementwise_activation = requires(double v) {
    { A::apply(v) } -> std::same_as<double>;
    { A::derivative_from_output(v) } -> std::same_as<double>;
};

template <class A>
concept rowwise_activation = requires(double* row, const double* a, std::size_t n) {
    A::apply_row(row, n);
    A::backprop_row(a, a, row, n);
};

template <class A>
concept activation = elementwise_activation<A> || rowwise_activation<A>;

}  // namespace ctnn
