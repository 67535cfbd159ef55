#pragma once
// Class labels from a network's outputs: the index of the largest output of each row
// (numpy.argmax along axis 1: the first one on ties, the first NaN if there is one), or,
// for a single sigmoid output, whether it exceeds a threshold.
#include <array>
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t B, std::size_t C>
constexpr std::array<std::size_t, B> classify(const matrix<B, C>& scores) noexcept {
    static_assert(C > 1,
                  "ctnn::classify: one output per sample has no argmax: for a yes/no output use "
                  "ctnn::classify_threshold(scores, 0.5)");
    std::array<std::size_t, B> labels{};
    for (std::size_t n = 0; n < B; ++n) {
        const double* row = &scores.data[n * C];
        std::size_t best = 0;
        if (row[0] == row[0]) {  // else the first NaN is row[0]: numpy's answer
            for (std::size_t c = 1; c < C; ++c) {
                if (row[c] != row[c]) {
                    best = c;
                    break;
                }
                if (row[c] > row[best]) best = c;
            }
        }
        labels[n] = best;
    }
    return labels;
}

// 1 where the single output is above `threshold`, 0 elsewhere (NaN included).
template <std::size_t B>
constexpr std::array<std::size_t, B> classify_threshold(const matrix<B, 1>& scores, double threshold) noexcept {
    std::array<std::size_t, B> labels{};
    for (std::size_t n = 0; n < B; ++n) labels[n] = scores.data[n] > threshold ? 1 : 0;
    return labels;
}

}  // namespace ctnn
