#pragma once
// Counts of (true class, predicted class) pairs, as
// sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(Classes)): row = the true
// class, column = the predicted one. A label outside [0, Classes) is an error (at compile
// time, a build error).
#include <array>
#include <cstddef>
#include <stdexcept>

#include <ctnn/metrics/classify.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t Classes>
struct confusion_matrix_t {
    static_assert(Classes > 0, "ctnn::confusion_matrix: there must be at least one class");
    static constexpr std::size_t classes = Classes;
    std::array<std::size_t, Classes * Classes> counts{};

    // Samples of class `truth` predicted as `predicted`.
    constexpr std::size_t operator()(std::size_t truth, std::size_t predicted) const noexcept {
        return counts[truth * Classes + predicted];
    }
    [[nodiscard]] constexpr std::size_t total() const noexcept {
        std::size_t sum = 0;
        for (std::size_t v : counts) sum += v;
        return sum;
    }
    // The diagonal: samples classified right.
    [[nodiscard]] constexpr std::size_t correct() const noexcept {
        std::size_t sum = 0;
        for (std::size_t c = 0; c < Classes; ++c) sum += counts[c * Classes + c];
        return sum;
    }
    friend constexpr bool operator==(const confusion_matrix_t&, const confusion_matrix_t&) = default;
};

template <std::size_t Classes, std::size_t B>
constexpr confusion_matrix_t<Classes> confusion_matrix(const std::array<std::size_t, B>& truth,
                                                       const std::array<std::size_t, B>& predicted) {
    confusion_matrix_t<Classes> m{};
    for (std::size_t n = 0; n < B; ++n) {
        if (truth[n] >= Classes || predicted[n] >= Classes)
            throw std::out_of_range("ctnn::confusion_matrix: a label is not less than the number of classes");
        ++m.counts[truth[n] * Classes + predicted[n]];
    }
    return m;
}

// From a network's outputs and one-hot targets: Classes is their width.
template <std::size_t B, std::size_t C>
constexpr confusion_matrix_t<C> confusion_matrix(const matrix<B, C>& scores, const matrix<B, C>& one_hot) {
    return confusion_matrix<C>(classify(one_hot), classify(scores));
}

}  // namespace ctnn
