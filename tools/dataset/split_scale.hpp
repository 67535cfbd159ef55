#pragma once
// The train/test split and the scaling statistics.
//
// Split: perm = numpy.random.RandomState(seed).permutation(n) (ctnn's constexpr copy of the
// legacy generator, include/ctnn/random/numpy_random_state.hpp); the test part is perm[:k],
// the training part perm[k:], each in that order. This is what sklearn's
// train_test_split(..., test_size=k, random_state=seed) does (ShuffleSplit), and k for a
// fraction f is ceil(f * n), as there.
//
// Statistics, per input, over the training part in its order:
//   mean = (x_0 + x_1 + ... + x_{m-1}) / m          (summed left to right)
//   std  = sqrt(((x_0 - mean)^2 + ... ) / m)        (population, numpy's default ddof=0)
//   min, max, range = max - min
// numpy's X_train.mean(axis=0) and X_train.std(axis=0) add the rows in this same order when
// X has two or more columns, so the results are equal bit for bit (tests/static/dataset_static.cpp
// checks them against numpy). With a single input column numpy sums pairwise instead, and its
// mean and std may differ from these in the last bits (by 1 to 8 ulp on normal samples of 100
// to 5000 values, numpy 1.24); ctnn-dataset keeps the one documented order for every shape.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

#include <ctnn/data/scaling.hpp>
#include <ctnn/random/numpy_random_state.hpp>

namespace ctnn_dataset {

inline std::vector<std::size_t> numpy_permutation(std::size_t n, std::uint32_t seed) {
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});
    ctnn::random::numpy_random_state rs{seed};
    rs.shuffle(perm);
    return perm;
}

struct scaling_spec {
    ctnn::scaling_method method = ctnn::scaling_method::none;
    double divisor = 1;  // for divide
};

struct scaling_values {
    ctnn::scaling_method method;
    std::vector<double> offset, divisor;
    // The statistics behind them, for the header's comments.
    std::vector<double> mean, std, min, max;
};

// x: rows x inputs, the training part only.
inline scaling_values compute_scaling(const std::vector<double>& x, std::size_t inputs, scaling_spec spec) {
    const std::size_t m = x.size() / inputs;
    scaling_values out{spec.method, std::vector<double>(inputs, 0.0), std::vector<double>(inputs, 1.0), {}, {}, {}, {}};
    using ctnn::scaling_method;
    if (spec.method == scaling_method::divide) {
        out.divisor.assign(inputs, spec.divisor);
    } else if (spec.method == scaling_method::standardize) {
        out.mean.assign(inputs, 0.0);
        out.std.assign(inputs, 0.0);
        for (std::size_t r = 0; r < m; ++r)
            for (std::size_t i = 0; i < inputs; ++i) out.mean[i] += x[r * inputs + i];
        for (std::size_t i = 0; i < inputs; ++i) out.mean[i] /= static_cast<double>(m);
        for (std::size_t r = 0; r < m; ++r) {
            for (std::size_t i = 0; i < inputs; ++i) {
                const double d = x[r * inputs + i] - out.mean[i];
                const double square = d * d;
                out.std[i] += square;
            }
        }
        for (std::size_t i = 0; i < inputs; ++i) {
            out.std[i] = std::sqrt(out.std[i] / static_cast<double>(m));
            out.offset[i] = out.mean[i];
            out.divisor[i] = out.std[i] == 0.0 ? 1.0 : out.std[i];
        }
    } else if (spec.method == scaling_method::min_max) {
        out.min.assign(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(inputs));
        out.max = out.min;
        for (std::size_t r = 1; r < m; ++r) {
            for (std::size_t i = 0; i < inputs; ++i) {
                out.min[i] = std::min(out.min[i], x[r * inputs + i]);
                out.max[i] = std::max(out.max[i], x[r * inputs + i]);
            }
        }
        for (std::size_t i = 0; i < inputs; ++i) {
            const double range = out.max[i] - out.min[i];
            out.offset[i] = out.min[i];
            out.divisor[i] = range == 0.0 ? 1.0 : range;
        }
    }
    return out;
}

// The expression of ctnn::scaling::apply, so that both give the same bits.
inline double scale(const scaling_values& s, std::size_t i, double x) { return (x - s.offset[i]) / s.divisor[i]; }

}  // namespace ctnn_dataset
