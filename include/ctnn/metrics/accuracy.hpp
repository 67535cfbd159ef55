#pragma once
// The fraction of samples classified right, as sklearn.metrics.accuracy_score: the count
// of matches divided by the number of samples. The truth is labels, or one-hot rows
// (whose labels are their argmax, see classify.hpp); predictions are labels or a
// network's outputs, classified by argmax.
#include <array>
#include <cstddef>

#include <ctnn/metrics/classify.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t B>
constexpr std::size_t correct_count(const std::array<std::size_t, B>& predicted,
                                    const std::array<std::size_t, B>& truth) noexcept {
    std::size_t correct = 0;
    for (std::size_t n = 0; n < B; ++n) correct += predicted[n] == truth[n] ? 1 : 0;
    return correct;
}

template <std::size_t B>
constexpr double accuracy(const std::array<std::size_t, B>& predicted,
                          const std::array<std::size_t, B>& truth) noexcept {
    return static_cast<double>(correct_count(predicted, truth)) / static_cast<double>(B);
}

template <std::size_t B, std::size_t C>
constexpr double accuracy(const matrix<B, C>& scores, const std::array<std::size_t, B>& truth) noexcept {
    return accuracy(classify(scores), truth);
}

template <std::size_t B, std::size_t C>
constexpr double accuracy(const matrix<B, C>& scores, const matrix<B, C>& one_hot) noexcept {
    return accuracy(classify(scores), classify(one_hot));
}

}  // namespace ctnn
