#pragma once
// Errors of a regression, as sklearn.metrics computes them with its default
// multioutput='uniform_average': each output column's error over the samples, then the
// mean of the columns (for one output, just that column's). Sums run over the samples in
// order, so a value can differ from sklearn's (pairwise sums) in the last bits.
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

namespace detail {
constexpr double absolute(double v) noexcept { return v < 0.0 ? -v : v; }

template <class PerColumn, std::size_t B, std::size_t C>
constexpr double column_average(const matrix<B, C>& predicted, const matrix<B, C>& truth, PerColumn per_column) {
    double sum = 0.0;
    for (std::size_t c = 0; c < C; ++c) sum += per_column(predicted, truth, c);
    return sum / static_cast<double>(C);
}
}  // namespace detail

// sklearn.metrics.mean_squared_error(truth, predicted).
template <std::size_t B, std::size_t C>
constexpr double mean_squared_error(const matrix<B, C>& predicted, const matrix<B, C>& truth) noexcept {
    return detail::column_average(predicted, truth, [](const auto& p, const auto& t, std::size_t c) {
        double sum = 0.0;
        for (std::size_t n = 0; n < B; ++n) {
            const double d = t.data[n * C + c] - p.data[n * C + c];
            sum += d * d;
        }
        return sum / static_cast<double>(B);
    });
}

// sklearn.metrics.mean_absolute_error(truth, predicted).
template <std::size_t B, std::size_t C>
constexpr double mean_absolute_error(const matrix<B, C>& predicted, const matrix<B, C>& truth) noexcept {
    return detail::column_average(predicted, truth, [](const auto& p, const auto& t, std::size_t c) {
        double sum = 0.0;
        for (std::size_t n = 0; n < B; ++n) sum += detail::absolute(t.data[n * C + c] - p.data[n * C + c]);
        return sum / static_cast<double>(B);
    });
}

// The largest |truth - predicted| over every element (sklearn.metrics.max_error for one
// output; the largest of the columns' for several).
template <std::size_t B, std::size_t C>
constexpr double max_absolute_error(const matrix<B, C>& predicted, const matrix<B, C>& truth) noexcept {
    double worst = 0.0;
    for (std::size_t i = 0; i < B * C; ++i) {
        const double e = detail::absolute(truth.data[i] - predicted.data[i]);
        if (e > worst || e != e) worst = e;
        if (worst != worst) break;
    }
    return worst;
}

// sklearn.metrics.r2_score(truth, predicted): per column 1 - SS_res / SS_tot, about the
// column's mean; a constant column scores 1 if predicted exactly and 0 otherwise (sklearn's
// force_finite).
template <std::size_t B, std::size_t C>
constexpr double r2_score(const matrix<B, C>& predicted, const matrix<B, C>& truth) noexcept {
    return detail::column_average(predicted, truth, [](const auto& p, const auto& t, std::size_t c) {
        double mean = 0.0;
        for (std::size_t n = 0; n < B; ++n) mean += t.data[n * C + c];
        mean /= static_cast<double>(B);
        double residual = 0.0;
        double total = 0.0;
        for (std::size_t n = 0; n < B; ++n) {
            const double r = t.data[n * C + c] - p.data[n * C + c];
            const double d = t.data[n * C + c] - mean;
            residual += r * r;
            total += d * d;
        }
        if (total == 0.0) return residual == 0.0 ? 1.0 : 0.0;
        return 1.0 - residual / total;
    });
}

}  // namespace ctnn
