#pragma once
// What ctnn asks of a loss: its value for a batch of predictions and targets, and its
// gradient with respect to the predictions (written into a matrix of the same shape).
#include <concepts>

#include <ctnn/activations/activation.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <class L>
concept loss = requires(const matrix<2, 3>& y_hat, const matrix<2, 3>& y, matrix<2, 3>& grad) {
    { L::value(y_hat, y) } -> std::same_as<double>;
    L::gradient(y_hat, y, grad);
};

// A loss may also give the delta of an output layer whose activation Act is element-wise:
// dL/dz = dL/dy_hat times Act's derivative at y_hat, element by element, rounded as
// gradient() and dense::output_delta() round it. Training then computes the output
// layer's delta in one pass instead of two and never stores dL/dy_hat, which in a small
// network is a few per cent of an epoch (docs/compile_time.md).
template <class L, class Act>
concept gives_output_delta = elementwise_activation<Act> &&
    requires(const matrix<2, 3>& y_hat, const matrix<2, 3>& y, matrix<2, 3>& delta) {
    L::template output_delta<Act>(y_hat, y, delta);
};

}  // namespace ctnn
