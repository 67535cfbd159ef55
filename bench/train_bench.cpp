// ctnn_train_bench: what training and inference cost at run time.
//
//   BM_train_bit_identical          the seed's XOR recipe (2-4-1, lr 0.1, 10000 epochs)
//                                   trained at run time by the very constexpr code the
//                                   compiler ran for ctnn::models::xor_gate::trained
//   BM_train_fast                   the same network and recipe with ctnn::sigmoid_fast,
//                                   whose exp vectorises: the fast run-time variant, not
//                                   bit-identical (max_abs_diff says how far it drifts)
//   BM_train_libm                   the same with ctnn::sigmoid_libm (the C library's exp)
//   BM_train_epochs<N>              the bit-identical training for N epochs: cost per epoch
//   BM_train_width/2-H-1/...        2-H-1 networks trained on XOR for 1000 epochs, with
//                                   each of the three sigmoids
//   BM_predict_*_weights            inference of the four XOR inputs with the compile-time
//                                   network (a constant) and with one trained at run time
//
// Every training reads its learning rate through a volatile, as examples/xor.cpp does:
// were every argument a constant, the optimiser could evaluate the training while
// compiling this file and the benchmark would time nothing.
//
// Counters: epochs/s and per_epoch (time per epoch) for the trainings; for the two
// full-recipe trainings, bit_identical (1 if the run-time network equals the compile-time
// one exactly) and max_abs_diff (largest |parameter difference| from the compile-time
// network, also printed once to stderr for the libm variant).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <utility>

#include <benchmark/benchmark.h>

#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/activations/sigmoid_fast.hpp>
#include <ctnn/activations/sigmoid_libm.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/models/xor.hpp>
#include <ctnn/network.hpp>

namespace {

namespace xg = ctnn::models::xor_gate;

// The seed's learning rate, hidden from the optimiser.
double opaque_learning_rate() {
    volatile double lr = xg::recipe.optimizer.learning_rate;
    return lr;
}

// The seed's recipe with its learning rate read at run time, for Epochs epochs.
template <std::size_t Epochs>
auto run_time_recipe() {
    return ctnn::recipe{xg::recipe.loss, ctnn::gradient_descent{opaque_learning_rate()}, ctnn::epochs<Epochs>,
                        ctnn::log_every<xg::recipe.log_every>};
}

void epoch_counters(benchmark::State& state, std::size_t epochs) {
    const auto per_run = static_cast<double>(epochs);
    state.counters["epochs/s"] = benchmark::Counter(per_run, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["per_epoch"] =
        benchmark::Counter(per_run, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// A network of another type (other activations) holding the same parameters.
template <class To, class From, std::size_t... I>
To with_parameters_of(const From& from, std::index_sequence<I...>) {
    To to{};
    ((ctnn::assign(to.template layer<I>().W, from.template layer<I>().W),
      ctnn::assign(to.template layer<I>().b, from.template layer<I>().b)),
     ...);
    return to;
}
template <class To, class From>
To with_parameters_of(const From& from) {
    static_assert(To::depth == From::depth);
    return with_parameters_of<To>(from, std::make_index_sequence<From::depth>{});
}

// max |a - b| over every parameter of two networks of the same shape.
template <class A, class B, std::size_t... I>
double max_abs_diff(const A& a, const B& b, std::index_sequence<I...>) {
    double m = 0.0;
    const auto fold = [&m](const auto& x, const auto& y) {
        for (std::size_t i = 0; i < std::size(x.data); ++i) m = std::max(m, std::fabs(x.data[i] - y.data[i]));
    };
    ((fold(a.template layer<I>().W, b.template layer<I>().W), fold(a.template layer<I>().b, b.template layer<I>().b)),
     ...);
    return m;
}
template <class A, class B>
double max_abs_diff(const A& a, const B& b) {
    return max_abs_diff(a, b, std::make_index_sequence<A::depth>{});
}

// --- the seed's recipe, bit for bit the compile-time training --------------------------

void BM_train_bit_identical(benchmark::State& state) {
    for (auto _ : state) {
        auto t = ctnn::train(xg::initial, xg::data, run_time_recipe<xg::recipe.epochs>());
        benchmark::DoNotOptimize(t);
        benchmark::ClobberMemory();
    }
    epoch_counters(state, xg::recipe.epochs);
    // Once more, untimed, to say whether it is what the compiler computed.
    const auto t = ctnn::train(xg::initial, xg::data, run_time_recipe<xg::recipe.epochs>());
    state.counters["bit_identical"] = t.network == xg::trained.network ? 1 : 0;
    state.counters["max_abs_diff"] = max_abs_diff(t.network, xg::trained.network);
}
BENCHMARK(BM_train_bit_identical)->Unit(benchmark::kMicrosecond);

// --- the same with a faster sigmoid: the C library's exp, or sigmoid_fast's -------------

template <class Act>
using seed_network_with = ctnn::network<ctnn::dense<2, 4, Act>, ctnn::dense<4, 1, Act>>;

// The seed's recipe with the sigmoid Act; counters as above, the drift also on stderr.
template <class Act>
void train_with(benchmark::State& state, const char* name) {
    const auto initial = with_parameters_of<seed_network_with<Act>>(xg::initial);
    for (auto _ : state) {
        auto t = ctnn::train(initial, xg::data, run_time_recipe<xg::recipe.epochs>());
        benchmark::DoNotOptimize(t);
        benchmark::ClobberMemory();
    }
    epoch_counters(state, xg::recipe.epochs);
    static const double diff = [&] {
        const auto t = ctnn::train(initial, xg::data, run_time_recipe<xg::recipe.epochs>());
        const double d = max_abs_diff(t.network, xg::trained.network);
        std::fprintf(stderr, "%s: max |parameter difference| from the compile-time network: %.3g\n", name, d);
        return d;
    }();
    state.counters["max_abs_diff"] = diff;
    state.counters["bit_identical"] = diff == 0.0 ? 1 : 0;
}

void BM_train_libm(benchmark::State& state) { train_with<ctnn::sigmoid_libm>(state, "BM_train_libm"); }
BENCHMARK(BM_train_libm)->Unit(benchmark::kMicrosecond);

void BM_train_fast(benchmark::State& state) { train_with<ctnn::sigmoid_fast>(state, "BM_train_fast"); }
BENCHMARK(BM_train_fast)->Unit(benchmark::kMicrosecond);

// --- cost per epoch: the bit-identical training for 1, 100, 1000, 10000 epochs ----------

template <std::size_t Epochs>
void BM_train_epochs(benchmark::State& state) {
    for (auto _ : state) {
        auto t = ctnn::train(xg::initial, xg::data, run_time_recipe<Epochs>());
        benchmark::DoNotOptimize(t);
        benchmark::ClobberMemory();
    }
    epoch_counters(state, Epochs);
}
BENCHMARK_TEMPLATE(BM_train_epochs, 1)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_epochs, 100)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_epochs, 1000)->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_epochs, 10000)->Unit(benchmark::kMicrosecond);

// --- cost by width: 2-H-1 on XOR, 1000 epochs, constexpr exp and libm exp ---------------

template <std::size_t Hidden, class Act>
void BM_train_width(benchmark::State& state) {
    using net = ctnn::network<ctnn::dense<2, Hidden, Act>, ctnn::dense<Hidden, 1, Act>>;
    using seed_net = ctnn::network<ctnn::dense<2, Hidden, ctnn::sigmoid>, ctnn::dense<Hidden, 1, ctnn::sigmoid>>;
    // numpy's randn(seed 42) weights, drawn at compile time.
    static constexpr seed_net seed_initial = ctnn::initialize<seed_net>(ctnn::randn{.seed = 42});
    const net initial = with_parameters_of<net>(seed_initial);
    constexpr std::size_t epochs = 1000;
    for (auto _ : state) {
        auto t = ctnn::train(initial, xg::data, run_time_recipe<epochs>());
        benchmark::DoNotOptimize(t);
        benchmark::ClobberMemory();
    }
    epoch_counters(state, epochs);
}
BENCHMARK_TEMPLATE(BM_train_width, 4, ctnn::sigmoid)->Name("BM_train_width/2-4-1/bit_identical")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 16, ctnn::sigmoid)->Name("BM_train_width/2-16-1/bit_identical")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 64, ctnn::sigmoid)->Name("BM_train_width/2-64-1/bit_identical")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 4, ctnn::sigmoid_libm)->Name("BM_train_width/2-4-1/libm")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 16, ctnn::sigmoid_libm)->Name("BM_train_width/2-16-1/libm")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 64, ctnn::sigmoid_libm)->Name("BM_train_width/2-64-1/libm")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 4, ctnn::sigmoid_fast)->Name("BM_train_width/2-4-1/fast")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 16, ctnn::sigmoid_fast)->Name("BM_train_width/2-16-1/fast")->Unit(benchmark::kMicrosecond);
BENCHMARK_TEMPLATE(BM_train_width, 64, ctnn::sigmoid_fast)->Name("BM_train_width/2-64-1/fast")->Unit(benchmark::kMicrosecond);

// --- inference of the four XOR inputs ----------------------------------------------------

void predict_counters(benchmark::State& state) {
    state.counters["samples/s"] =
        benchmark::Counter(static_cast<double>(xg::data.samples), benchmark::Counter::kIsIterationInvariantRate);
}

// The weights are a constant the compiler knows; the inputs are hidden from it, so only
// the weights, not the whole prediction, can be folded into the code.
void BM_predict_compile_time_weights(benchmark::State& state) {
    for (auto _ : state) {
        auto x = xg::data.x;
        benchmark::DoNotOptimize(x);
        auto y = xg::trained.network.predict(x);
        benchmark::DoNotOptimize(y);
    }
    predict_counters(state);
}
BENCHMARK(BM_predict_compile_time_weights);

// The weights come from a training run at run time: the compiler knows nothing of them.
void BM_predict_run_time_weights(benchmark::State& state) {
    auto net = ctnn::train(xg::initial, xg::data, run_time_recipe<xg::recipe.epochs>()).network;
    benchmark::DoNotOptimize(net);
    for (auto _ : state) {
        auto x = xg::data.x;
        benchmark::DoNotOptimize(x);
        auto y = net.predict(x);
        benchmark::DoNotOptimize(y);
    }
    predict_counters(state);
}
BENCHMARK(BM_predict_run_time_weights);

}  // namespace
