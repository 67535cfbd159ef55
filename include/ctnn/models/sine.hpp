#pragma once
// A small regression learned at compile time: y = sin x on 12 evenly spaced points of
// [-3, 3], by a 1-10-1 network (ReLU hidden units, linear output), mean squared error,
// Adam. The network is a piecewise-linear fit; the build checks its largest error.
#include <cstddef>

#include <ctnn/activations/identity.hpp>
#include <ctnn/activations/relu.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/mse.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace ctnn::models::sine {

namespace detail {
// sin x by its Taylor series, for |x| <= 3: the terms fall below 2^-60 by x^29/29!.
constexpr double sin_series(double x) noexcept {
    double term = x;
    double sum = x;
    for (int n = 1; n <= 14; ++n) {
        term *= -x * x / static_cast<double>((2 * n) * (2 * n + 1));
        sum += term;
    }
    return sum;
}

constexpr dataset<12, 1, 1> make_data() noexcept {
    dataset<12, 1, 1> d{};
    for (std::size_t i = 0; i < 12; ++i) {
        d.x.data[i] = -3.0 + 6.0 * static_cast<double>(i) / 11.0;
        d.y.data[i] = sin_series(d.x.data[i]);
    }
    return d;
}
}  // namespace detail

using network_type = network<dense<1, 10, relu>, dense<10, 1, identity>>;

inline constexpr dataset<12, 1, 1> data = detail::make_data();
inline constexpr ctnn::recipe recipe{mse{}, adam{.learning_rate = 0.02}, epochs<1000>, log_every<100>};
inline constexpr network_type initial = initialize<network_type>(he_normal{.seed = 1});
// In five parts, where GCC collects garbage (train_in_parts.hpp): g++ 12 peaks at
// ~140 MB for this header instead of ~225 MB in two parts; the same network bit for bit.
CTNN_TRAIN_IN_PARTS(trained, 5, initial, data, recipe);
static_assert(trained.epochs == recipe.epochs);
inline constexpr matrix<12, 1> predictions = trained.network.predict(data.x);

// The largest |prediction - sin x| over the training points.
inline constexpr double max_error = [] {
    double worst = 0.0;
    for (std::size_t i = 0; i < 12; ++i) {
        const double e = predictions.data[i] - data.y.data[i];
        worst = e > worst ? e : (-e > worst ? -e : worst);
    }
    return worst;
}();
static_assert(max_error < 0.1, "ctnn::models::sine: the fit of sin x is off by 0.1 or more");

}  // namespace ctnn::models::sine
