#pragma once
// The floating-point operations a training run does, counted from its shapes: what
// bench/compile_time.sh divides a model's compile-time cost by.
//
// A flop is one +, -, * or / on doubles (a negation counts, a comparison does not), so a
// multiply-add is two, as in the floor TU (floor.cpp). ctnn::math's functions count the
// operations on their common path, read off their source: exp 18 (argument reduction 7,
// table scale 1, polynomial and reconstruction 10), sqrt 15 (2 Newton steps of 3, the
// first guess 6 (a cubic), the scalings into and out of [1, 4) 3; not the exponent
// search's, which depend on the argument), log 64 (the table index's estimate 10, the
// quotient and its exact remainder 22, the exact sums 15, the series and the low parts 17;
// not the exponent search's). Integer work, table reads, compares and copies are not
// flops: they are part of the overhead the ratio to the floor measures.
#include <cstddef>
#include <type_traits>

#include <ctnn/ctnn.hpp>

namespace ctnn_bench {

inline constexpr double exp_flops = 18;
inline constexpr double sqrt_flops = 15;
inline constexpr double log_flops = 64;

template <class T>
inline constexpr bool unknown = false;
template <class T>
inline constexpr bool is_leaky_relu = false;
template <int Num, int Den>
inline constexpr bool is_leaky_relu<ctnn::leaky_relu<Num, Den>> = true;

// Activation of one row of n outputs, and its backward pass (dL/da -> dL/dz).
template <class Act>
constexpr double activation_flops(double n) {
    if constexpr (std::is_same_v<Act, ctnn::sigmoid>)
        return n * (3 + exp_flops);  // 1 / (1 + exp(-z))
    else if constexpr (std::is_same_v<Act, ctnn::tanh>)
        return n * (4 + exp_flops);  // exp(-2 |z|), (1 - t) / (1 + t)
    else if constexpr (std::is_same_v<Act, ctnn::softmax>)
        return n * (3 + exp_flops);  // exp(z - max), the sum, the division
    else if constexpr (std::is_same_v<Act, ctnn::relu> || std::is_same_v<Act, ctnn::identity>)
        return 0;
    else if constexpr (is_leaky_relu<Act>)
        return n;  // alpha z, where z < 0 (counted for every output: an upper bound)
    else
        static_assert(unknown<Act>, "flops.hpp: unknown activation");
}
template <class Act>
constexpr double activation_backward_flops(double n) {
    if constexpr (std::is_same_v<Act, ctnn::sigmoid> || std::is_same_v<Act, ctnn::tanh>)
        return n * 3;  // a (1 - a) or 1 - a a, times dL/da
    else if constexpr (std::is_same_v<Act, ctnn::softmax>)
        return n * 4;  // the dot product a . dL/da, then a_i (dL/da_i - dot)
    else
        return n;  // the derivative read off the output, times dL/da
}

// One optimizer step of one parameter, and once per update.
template <class Opt>
constexpr double step_flops() {
    if constexpr (std::is_same_v<Opt, ctnn::gradient_descent>)
        return 2;
    else if constexpr (std::is_same_v<Opt, ctnn::momentum>)
        return 4;
    else if constexpr (std::is_same_v<Opt, ctnn::adam>)
        return 17 + sqrt_flops;
    else
        static_assert(unknown<Opt>, "flops.hpp: unknown optimizer");
}

// The loss's gradient for one element, and its value for a batch of B rows of O.
template <class Loss>
constexpr double loss_gradient_flops() {
    if constexpr (std::is_same_v<Loss, ctnn::mse_seed>)
        return 1;
    else if constexpr (std::is_same_v<Loss, ctnn::mse>)
        return 2;
    else if constexpr (std::is_same_v<Loss, ctnn::categorical_cross_entropy>)
        return 3;
    else if constexpr (std::is_same_v<Loss, ctnn::binary_cross_entropy>)
        return 5;
    else
        static_assert(unknown<Loss>, "flops.hpp: unknown loss");
}
template <class Loss>
constexpr double loss_value_flops(double B, double O) {
    if constexpr (std::is_same_v<Loss, ctnn::mse_seed> || std::is_same_v<Loss, ctnn::mse>)
        return 3 * B * O + 1;
    else if constexpr (std::is_same_v<Loss, ctnn::categorical_cross_entropy>)
        return B * (log_flops + 2) + 2;  // one-hot targets: one log per row
    else
        return B * O * (2 * log_flops + 6) + 2;
}

template <class Layer>
constexpr double forward_flops(double B) {
    return 2 * B * Layer::inputs * Layer::outputs + B * activation_flops<typename Layer::activation_type>(Layer::outputs);
}

// One update (one batch of B) of layer L: forward, delta, gradient for the layer below
// (not for the first layer), the parameter gradients summed over the batch, the steps.
template <class Layer, class Opt>
constexpr double update_flops(double B, bool first) {
    const double in = Layer::inputs, out = Layer::outputs;
    return forward_flops<Layer>(B) + B * activation_backward_flops<typename Layer::activation_type>(out) +
           (first ? 0 : B * in * (2 * out - 1)) + in * out * (2 * B - 1) + out * (B - 1) +
           (in * out + out) * step_flops<Opt>();
}

template <class Network>
struct layers_of;
template <class... Layers>
struct layers_of<ctnn::network<Layers...>> {
    template <class Opt>
    static constexpr double update(double B) {
        double sum = 0;
        bool first = true;
        ((sum += update_flops<Layers, Opt>(B, first), first = false), ...);
        return sum;
    }
    static constexpr double predict(double N) { return (forward_flops<Layers>(N) + ...); }
};

// The whole run `how` of a Network on `Data`.
template <class Network, class Data, class Recipe>
constexpr double training_flops(const Data&, const Recipe& how) {
    using loss_t = std::remove_cvref_t<decltype(how.loss)>;
    using opt_t = std::remove_cvref_t<decltype(how.optimizer)>;
    constexpr double batch = Recipe::batch_size == ctnn::full_batch ? Data::samples : Recipe::batch_size;
    constexpr double batches = Data::samples / batch;
    constexpr double updates = Recipe::epochs * batches;
    constexpr double logged_updates = ((Recipe::epochs + Recipe::log_every - 1) / Recipe::log_every) * batches;
    const double per_update = layers_of<Network>::template update<opt_t>(batch) +
                              batch * Network::outputs * loss_gradient_flops<loss_t>() +
                              (std::is_same_v<opt_t, ctnn::adam> ? 2 : 0);
    return updates * per_update + logged_updates * loss_value_flops<loss_t>(batch, Network::outputs);
}

template <class Network>
constexpr double prediction_flops(double samples) {
    return layers_of<Network>::predict(samples);
}

}  // namespace ctnn_bench
