#pragma once
// What ctnn asks of a loss: its value for a batch of predictions and targets, and its
// gradient with respect to the predictions (written into a matrix of the same shape).
#include <concepts>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <class L>
concept loss = requires(const matrix<2, 3>& y_hat, const matrix<2, 3>& y, matrix<2, 3>& grad) {
    { L::value(y_hat, y) } -> std::same_as<double>;
    L::gradient(y_hat, y, grad);
};

}  // namespace ctnn
