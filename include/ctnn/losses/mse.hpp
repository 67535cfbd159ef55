#pragma once
// Squared error, two conventions.
//
// mse_seed: the seed's conventions: the reported loss is the mean of
// (y - y_hat)^2 over every element, but the gradient fed back is y_hat - y, summed
// (not averaged) over the batch -- the constant factor 2/N is absorbed into the
// learning rate exactly as the numpy script does.
#include <cstddef>
#include <utility>

#include <ctnn/activations/activation.hpp>
#include <ctnn/activations/identity.hpp>
#include <ctnn/tensor/detail/unrolled.hpp>
#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

struct mse_seed {
    template <std::size_t B, std::size_t O>
    static constexpr double value(const matrix<B, O>& y_hat, const matrix<B, O>& y) noexcept {
        double sum = 0.0;
        for (std::size_t i = 0; i < B * O; ++i) {
            const double d = y.data[i] - y_hat.data[i];
            sum += d * d;
        }
        return sum / static_cast<double>(B * O);
    }

    template <std::size_t B, std::size_t O>
    static constexpr void gradient(const matrix<B, O>& y_hat, const matrix<B, O>& y,
                                   matrix<B, O>& dL_dy_hat) noexcept {
        output_delta<identity>(y_hat, y, dL_dy_hat);
    }

    // (y_hat - y) times Act's derivative at y_hat, element by element (loss.hpp). Unrolled
    // where small: the training loop calls this every batch.
    template <elementwise_activation Act, std::size_t B, std::size_t O>
    static constexpr void output_delta(const matrix<B, O>& y_hat, const matrix<B, O>& y, matrix<B, O>& delta) noexcept {
        if constexpr (detail::unrollable<B * O>)
            output_delta_unrolled<Act>(y_hat, y, delta, std::make_index_sequence<B * O>{});
        else
            for (std::size_t i = 0; i < B * O; ++i)
                delta.data[i] = (y_hat.data[i] - y.data[i]) * Act::derivative_from_output(y_hat.data[i]);
    }

private:
    template <class Act, std::size_t B, std::size_t O, std::size_t... I>
    static constexpr void output_delta_unrolled(const matrix<B, O>& y_hat, const matrix<B, O>& y, matrix<B, O>& d,
                                                std::index_sequence<I...>) noexcept {
        if constexpr (detail::assign_whole)
            d = matrix<B, O>{{((y_hat.data[I] - y.data[I]) * Act::derivative_from_output(y_hat.data[I]))...}};
        else
            ((d.data[I] = (y_hat.data[I] - y.data[I]) * Act::derivative_from_output(y_hat.data[I])), ...);
    }
};

// mse: the textbook mean squared error, whose gradient is the true derivative of the
// reported loss, 2 (y_hat - y) / (number of elements).
struct mse {
    template <std::size_t B, std::size_t O>
    static constexpr double value(const matrix<B, O>& y_hat, const matrix<B, O>& y) noexcept {
        return mse_seed::value(y_hat, y);
    }

    template <std::size_t B, std::size_t O>
    static constexpr void gradient(const matrix<B, O>& y_hat, const matrix<B, O>& y,
                                   matrix<B, O>& dL_dy_hat) noexcept {
        output_delta<identity>(y_hat, y, dL_dy_hat);
    }

    // The gradient times Act's derivative at y_hat, element by element (loss.hpp).
    template <elementwise_activation Act, std::size_t B, std::size_t O>
    static constexpr void output_delta(const matrix<B, O>& y_hat, const matrix<B, O>& y, matrix<B, O>& delta) noexcept {
        constexpr double scale = 2.0 / static_cast<double>(B * O);
        for (std::size_t i = 0; i < B * O; ++i)
            delta.data[i] = scale * (y_hat.data[i] - y.data[i]) * Act::derivative_from_output(y_hat.data[i]);
    }
};

}  // namespace ctnn
