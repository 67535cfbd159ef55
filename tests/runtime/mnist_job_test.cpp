// The MNIST-scale job (bench/mnist/) at run time, scaled down: the same network, recipe and
// code on the first 200 Fashion-MNIST training images (two updates of 100) and the first
// 200 test images, and on the 2 + 2 images of the compile-time test
// (tests/static/mnist_job_static.cpp), against numpy (tests/reference/mnist_job_reference.py):
//
// 1. ctnn::initialize's he_normal draw is numpy's (with a correctly rounded log), bit for bit.
// 2. Every update's loss, each layer's weight and bias sums and every test output is within
//    1e-12 of numpy's (|ctnn - numpy| <= 1e-12 * max(1, |numpy|), as in parity_test.cpp:
//    ctnn::math::exp and the C library's exp, which the reference calls, differ in the last
//    bit for ~0.1% of arguments), and as many test images are classified right.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>

#include <pthread.h>

#include <catch2/catch.hpp>

#include "../../bench/mnist/mnist_job.hpp"
#include "data/mnist_job_images.hpp"
#include "data/mnist_job_initial.hpp"
#include "data/mnist_job_reference.hpp"

#include "support/run_time.hpp"

namespace {

namespace ref = ctnn_test::mnist_job;
namespace m = ctnn_bench::mnist;

struct images {
    static constexpr const char* train_images = ref::images::train_images;
    static constexpr const char* train_labels = ref::images::train_labels;
    static constexpr const char* test_images = ref::images::test_images;
    static constexpr const char* test_labels = ref::images::test_labels;
};

// The jobs start from the reference's weights, which the first test checks are ctnn's draw:
// GCC would otherwise draw them while compiling this file (it folds calls to constexpr
// functions whose arguments are all constants).
struct numpy_weights {
    static m::network_type network() { return ref::initial_weights<m::network_type>; }
};

bool near(double a, double b) {
    const double d = a > b ? a - b : b - a;
    const double mag = b < 0 ? -b : b;
    return d <= 1e-12 * (mag > 1.0 ? mag : 1.0);
}

template <class Layer>
std::array<double, 3> fingerprint(const Layer& layer) {
    double plain = 0.0, weighted = 0.0, biases = 0.0;
    for (std::size_t i = 0; i < sizeof(layer.W.data) / sizeof(double); ++i) {
        plain += layer.W.data[i];
        weighted += layer.W.data[i] * static_cast<double>(i % 97 + 1);
    }
    for (double b : layer.b.data) biases += b;
    return {plain, weighted, biases};
}

// A run's network and optimizer state is ~2 MB and train() holds a few copies of it on the
// stack: the jobs run on a thread with a stack of their own, sized for that.
template <class F>
void with_large_stack(F f) {
    pthread_attr_t attr;
    REQUIRE(pthread_attr_init(&attr) == 0);
    REQUIRE(pthread_attr_setstacksize(&attr, std::size_t{256} << 20) == 0);
    pthread_t thread;
    auto body = [](void* p) -> void* {
        (*static_cast<F*>(p))();
        return nullptr;
    };
    REQUIRE(pthread_create(&thread, &attr, body, &f) == 0);
    REQUIRE(pthread_join(thread, nullptr) == 0);
    pthread_attr_destroy(&attr);
}

struct outcome {
    std::array<double, 8> losses{};
    std::array<std::array<double, 3>, 3> fingerprints{};
    std::array<double, 2000> predictions{};
    std::size_t correct = 0;
};

// The job, as CTNN_MNIST_JOB spells it, with each update's network kept on the heap.
template <class Job>
void run(outcome& out) {
    const auto how = ctnn_test::laundered(m::recipe);
    auto trained = std::make_unique<decltype(Job::first(how))>(Job::first(how));
    static_assert(Job::updates == 2, "two updates: the first, and one continuing it");
    auto next = std::make_unique<decltype(Job::next(*trained, 1, how))>(Job::next(*trained, 1, how));
    for (std::size_t i = 0; i < Job::updates; ++i) out.losses[i] = next->loss_history[i];
    const auto& net = next->network;
    out.fingerprints = {fingerprint(net.template layer<0>()), fingerprint(net.template layer<1>()),
                        fingerprint(net.template layer<2>())};
    for (std::size_t k = 0; k < Job::test_parts; ++k) {
        out.correct += Job::correct(net, k);
        const auto p = net.predict(Job::test_batch(k).x);
        for (std::size_t i = 0; i < p.size; ++i) out.predictions[k * p.size + i] = p.data[i];
    }
}

template <class Ref>
void check(const outcome& got) {
    for (std::size_t i = 0; i < Ref::losses.size(); ++i) {
        INFO("update " << i << ": " << got.losses[i] << " vs numpy " << Ref::losses[i]);
        CHECK(near(got.losses[i], Ref::losses[i]));
    }
    for (std::size_t l = 0; l < 3; ++l)
        for (std::size_t j = 0; j < 3; ++j) {
            INFO("layer " << l << " sum " << j << ": " << got.fingerprints[l][j] << " vs numpy "
                          << Ref::fingerprints[l][j]);
            CHECK(near(got.fingerprints[l][j], Ref::fingerprints[l][j]));
        }
    std::size_t off = 0;
    for (std::size_t i = 0; i < Ref::predictions.size(); ++i) off += near(got.predictions[i], Ref::predictions[i]) ? 0 : 1;
    CHECK(off == 0);
    CHECK(got.correct == Ref::correct);
}

}  // namespace

TEST_CASE("mnist job: ctnn's he_normal draw is the reference's initial weights, bit for bit") {
    auto drawn = std::make_unique<m::network_type>();
    auto given = std::make_unique<m::network_type>(ref::initial_weights<m::network_type>);
    const ctnn::he_normal init{.seed = static_cast<std::uint32_t>(ctnn_test::opaque(m::initializer.seed))};
    with_large_stack([&] { *drawn = ctnn::initialize<m::network_type>(init); });
    CHECK(*drawn == *given);
}

TEST_CASE("mnist job at run time: 200 training and 200 test images, as numpy") {
    using job = m::job<images, ref::small::train_images, ref::small::test_images, ref::small::batch, numpy_weights>;
    auto got = std::make_unique<outcome>();
    with_large_stack([&] { run<job>(*got); });
    check<ref::small>(*got);
}

TEST_CASE("mnist job at run time: the compile-time test's 2 + 2 images, as numpy") {
    using job = m::job<images, ref::tiny::train_images, ref::tiny::test_images, ref::tiny::batch, numpy_weights>;
    auto got = std::make_unique<outcome>();
    with_large_stack([&] { run<job>(*got); });
    check<ref::tiny>(*got);
}
