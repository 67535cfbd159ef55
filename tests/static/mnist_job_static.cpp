// The MNIST-scale job (bench/mnist/), scaled down to what the test suite can afford: the
// same network, recipe and code, trained by the compiler on the first 2 Fashion-MNIST
// training images one at a time (two updates: the second continues the first's Adam
// state), then tested on the first 2 test images. What it learned is numpy's
// (tests/reference/mnist_job_reference.py): the same losses, weights and outputs.
//
// Even so this is one of the suite's dearest TUs: each update steps Adam on all 59610
// parameters (ctnn::math::sqrt each), whatever the batch. On Clang 19's new constant
// interpreter it is also the test that a run on layers this size returns (see
// detail::forget_inputs in detail/workspace_stack.hpp).
#include <array>
#include <cstddef>

#include "../../bench/mnist/mnist_job.hpp"
#include "data/mnist_job_images.hpp"
#include "data/mnist_job_initial.hpp"
#include "data/mnist_job_reference.hpp"

// A named namespace: CTNN_MNIST_JOB's functions exist to be defined, not called, which Clang
// would warn about in an unnamed one.
namespace ctnn_test::mnist_job_static {

namespace ref = ctnn_test::mnist_job;

struct images {
    static constexpr const char* train_images = ref::images::train_images;
    static constexpr const char* train_labels = ref::images::train_labels;
    static constexpr const char* test_images = ref::images::test_images;
    static constexpr const char* test_labels = ref::images::test_labels;
};

// The initial weights are numpy's draw (tests/runtime/mnist_job_test.cpp checks that they
// are ctnn::initialize's, bit for bit): 59400 normals would cost the compiler more than the
// training does.
template <class Network>
struct numpy_weights {
    static constexpr Network network() { return ref::initial_weights<Network>; }
};

using tiny_job = ctnn_bench::mnist::job<images, ref::tiny::train_images, ref::tiny::test_images, ref::tiny::batch,
                                        numpy_weights<ctnn_bench::mnist::network_type>>;

namespace tiny {
CTNN_MNIST_JOB(tiny_job, 2, 2)
}  // namespace tiny

static_assert(ctnn_bench::mnist::learning_rate == ref::learning_rate);
static_assert(ctnn_bench::mnist::initializer.seed == ref::seed);

// Within 1e-12 (relative for values beyond 1): ctnn::math::exp and glibc's exp, which the
// reference uses, differ by an ulp for ~0.1% of arguments.
constexpr bool near(double a, double b) noexcept {
    const double d = a > b ? a - b : b - a;
    const double m = b < 0 ? -b : b;
    return d <= 1e-12 * (m > 1.0 ? m : 1.0);
}

constexpr std::array<double, 3> fingerprint(const auto& layer) noexcept {
    double plain = 0.0, weighted = 0.0, biases = 0.0;
    for (std::size_t i = 0; i < sizeof(layer.W.data) / sizeof(double); ++i) {
        plain += layer.W.data[i];
        weighted += layer.W.data[i] * static_cast<double>(i % 97 + 1);
    }
    for (double b : layer.b.data) biases += b;
    return {plain, weighted, biases};
}

template <std::size_t L>
constexpr bool layer_matches() noexcept {
    const auto f = fingerprint(tiny::trained.network.layer<L>());
    return near(f[0], ref::tiny::fingerprints[L][0]) && near(f[1], ref::tiny::fingerprints[L][1]) &&
           near(f[2], ref::tiny::fingerprints[L][2]);
}

constexpr bool losses_match() noexcept {
    for (std::size_t i = 0; i < ref::tiny::losses.size(); ++i)
        if (!near(tiny::trained.loss_history[i], ref::tiny::losses[i])) return false;
    return true;
}

constexpr bool predictions_match() noexcept {
    for (std::size_t k = 0; k < tiny_job::test_parts; ++k) {
        const auto p = tiny::trained.network.predict(tiny_job::test_batch(k).x);
        for (std::size_t i = 0; i < p.size; ++i)
            if (!near(p.data[i], ref::tiny::predictions[k * p.size + i])) return false;
    }
    return true;
}

static_assert(tiny::trained.loss_history.size() == tiny_job::updates);
static_assert(losses_match());
static_assert(layer_matches<0>());
static_assert(layer_matches<1>());
static_assert(layer_matches<2>());
static_assert(predictions_match());
static_assert(tiny::correct == ref::tiny::correct);

}  // namespace ctnn_test::mnist_job_static
