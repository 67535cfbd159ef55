// The seed's XOR training (2-4-1 sigmoid, 10000 epochs of full-batch gradient descent
// from numpy's randn(seed 42) weights, zero biases) in FANN 2.2, double precision, as
// close to the seed's recipe as FANN allows; prints one line of JSON for bench/peers.sh:
// the best of --repeat runs in seconds of process CPU time (std::clock: a machine busy with
// other work disturbs it less than wall time).
//
//   ctnn_peers_fann [--repeat 5] [--epochs 10000]
//
// The settings, and why:
//   FANN_TRAIN_BATCH           full batch (FANN's default is RPROP)
//   FANN_ERRORFUNC_LINEAR      the error is y - y_hat (the default, FANN_ERRORFUNC_TANH,
//                              stretches large errors)
//   FANN_SIGMOID, steepness 0.5    FANN's sigmoid is 1 / (1 + exp(-2 s z)): s = 0.5 is the
//                              logistic function (FANN's default steepness is also 0.5)
//   learning rate 0.4          FANN divides the summed batch gradient by the number of
//                              samples; 0.4 / 4 is the seed's 0.1 on the summed gradient
// What FANN still does differently (so its weights are not the seed's):
//   - it keeps the learning rate as a float (0.4f, 0.4 + 6e-9) and computes the step
//     0.4f / 4 in float;
//   - it clips the activation to [0.01, 0.99] before taking the sigmoid's derivative
//     a (1 - a), so saturated units keep learning at a floor rate;
//   - it adds a neuron's weighted inputs in its own order (up to three terms, the last
//     first, then groups of four; for the hidden units that is b + x1 w1 + x0 w0), where
//     numpy adds x0 w0 + x1 w1 + ... + b.
// The initial weights come from tests/data/xor_reference.hpp (written by numpy), and so
// do the final weights and predictions the result is compared with.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <doublefann.h>

#include "data/xor_reference.hpp"

namespace {

namespace np = ctnn_test::numpy_xor;

constexpr unsigned inputs = 2, hidden = 4, outputs = 1;

// Which layer a FANN neuron number belongs to, and its index there (== the layer's
// size for its bias neuron).
struct position {
    unsigned layer;
    unsigned index;
};

struct topology {
    std::vector<unsigned> sizes, bias;
    position locate(unsigned neuron) const {
        unsigned first = 0;
        for (unsigned l = 0; l < sizes.size(); ++l) {
            const unsigned count = sizes[l] + bias[l];
            if (neuron < first + count) return {l, neuron - first};
            first += count;
        }
        std::fprintf(stderr, "ctnn_peers_fann: neuron %u is in no layer\n", neuron);
        std::exit(1);
    }
};

topology topology_of(fann* ann) {
    const unsigned layers = fann_get_num_layers(ann);
    topology t{std::vector<unsigned>(layers), std::vector<unsigned>(layers)};
    fann_get_layer_array(ann, t.sizes.data());
    fann_get_bias_array(ann, t.bias.data());
    return t;
}

// The seed's network in FANN: numpy's initial weights (the input index is the row of
// W), zero biases, and the recipe's settings.
fann* seed_network() {
    fann* ann = fann_create_standard(3, inputs, hidden, outputs);
    if (ann == nullptr) {
        std::fprintf(stderr, "ctnn_peers_fann: fann_create_standard failed\n");
        std::exit(1);
    }
    fann_set_training_algorithm(ann, FANN_TRAIN_BATCH);
    fann_set_train_error_function(ann, FANN_ERRORFUNC_LINEAR);
    fann_set_activation_function_hidden(ann, FANN_SIGMOID);
    fann_set_activation_function_output(ann, FANN_SIGMOID);
    fann_set_activation_steepness_hidden(ann, 0.5);
    fann_set_activation_steepness_output(ann, 0.5);
    fann_set_learning_rate(ann, 0.4f);

    const topology t = topology_of(ann);
    std::vector<fann_connection> c(fann_get_total_connections(ann));
    fann_get_connection_array(ann, c.data());
    for (auto& k : c) {
        const position from = t.locate(k.from_neuron), to = t.locate(k.to_neuron);
        const bool bias = from.index == t.sizes[from.layer];
        if (bias)
            k.weight = 0.0;
        else if (to.layer == 1)
            k.weight = np::init_W1[from.index * hidden + to.index];
        else
            k.weight = np::init_W2[from.index * outputs + to.index];
    }
    fann_set_weight_array(ann, c.data(), static_cast<unsigned>(c.size()));
    return ann;
}

fann_train_data* xor_data() {
    fann_train_data* d = fann_create_train(4, inputs, outputs);
    const double x[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    const double y[4] = {0, 1, 1, 0};
    for (unsigned i = 0; i < 4; ++i) {
        d->input[i][0] = x[i][0];
        d->input[i][1] = x[i][1];
        d->output[i][0] = y[i];
    }
    return d;
}

// max |FANN's parameter - numpy's final parameter| over every weight and bias.
double max_parameter_difference(fann* ann) {
    const topology t = topology_of(ann);
    std::vector<fann_connection> c(fann_get_total_connections(ann));
    fann_get_connection_array(ann, c.data());
    double m = 0.0;
    for (const auto& k : c) {
        const position from = t.locate(k.from_neuron), to = t.locate(k.to_neuron);
        const bool bias = from.index == t.sizes[from.layer];
        double expected;
        if (to.layer == 1)
            expected = bias ? np::b1[to.index] : np::W1[from.index * hidden + to.index];
        else
            expected = bias ? np::b2[to.index] : np::W2[from.index * outputs + to.index];
        m = std::max(m, std::fabs(k.weight - expected));
    }
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 5;
    unsigned epochs = 10000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc)
            epochs = static_cast<unsigned>(std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: %s [--repeat N] [--epochs N]\n", argv[0]);
            return 2;
        }
    }
    if (repeat < 1 || epochs < 1) {
        std::fprintf(stderr, "ctnn_peers_fann: --repeat and --epochs must be at least 1\n");
        return 2;
    }

    fann_train_data* data = xor_data();
    std::vector<double> times;
    double parameter_diff = 0.0, prediction_diff = 0.0;
    for (int r = 0; r < repeat; ++r) {
        fann* ann = seed_network();
        const std::clock_t start = std::clock();
        for (unsigned e = 0; e < epochs; ++e) fann_train_epoch(ann, data);
        const std::clock_t stop = std::clock();
        times.push_back(static_cast<double>(stop - start) / CLOCKS_PER_SEC);
        if (r == 0) {
            parameter_diff = max_parameter_difference(ann);
            for (unsigned i = 0; i < 4; ++i)
                prediction_diff =
                    std::max(prediction_diff, std::fabs(fann_run(ann, data->input[i])[0] - np::predictions[i]));
        }
        fann_destroy(ann);
    }
    fann_destroy_train(data);

    std::string all;
    for (double t : times) all += (all.empty() ? "" : ", ") + std::to_string(t);
    std::printf("{\"trainer\": \"FANN\", \"version\": \"2.2 (doublefann)\", \"epochs\": %u, \"repeat\": %d, "
                "\"best_s\": %.9g, \"times_s\": [%s], \"max_param_diff\": %.3g, \"max_prediction_diff\": %.3g}\n",
                epochs, repeat, *std::min_element(times.begin(), times.end()), all.c_str(), parameter_diff,
                prediction_diff);
}
