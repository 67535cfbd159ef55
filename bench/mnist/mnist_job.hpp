#pragma once
// constexpr-nn's MNIST job, done by ctnn: a 484-100-100-10 ReLU/ReLU/softmax network,
// categorical cross-entropy, Adam, batches of 100, one epoch over the first 4000 training
// images (central 22 x 22 crops, pixels / 255), then the accuracy on the first 4000 test
// images -- here on Fashion-MNIST (Debian's dataset-fashion-mnist). See docs/mnist_job.md.
//
// The job is written for any number of images and any batch size, so that the test suite
// runs the same code on a few images (tests/static/mnist_job_static.cpp,
// tests/runtime/mnist_job_test.cpp) and bench/mnist/mnist_job.cpp runs it at full size.
//
// Every update is a constant of its own, and so is the accuracy on every batch of test
// images, each followed by a function definition: GCC keeps everything one constant
// evaluation allocates until it ends, ~100 bytes per operation, and one update of this
// network is ~26 M operations; between declarations it collects garbage. (A training
// constant trains the 100 images of one batch as one epoch of a one-batch dataset: that
// is the same update, bit for bit, as the batch's place in one epoch over all images in
// order -- ctnn::train of a trained network continues its Adam state exactly.)
#include <cstddef>
#include <stdexcept>

#include <boost/preprocessor/arithmetic/dec.hpp>
#include <boost/preprocessor/arithmetic/inc.hpp>
#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>
#include <boost/preprocessor/tuple/elem.hpp>

#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>

namespace ctnn_bench::mnist {

inline constexpr std::size_t pixels = 22 * 22;
inline constexpr std::size_t classes = 10;

using network_type = ctnn::network<ctnn::dense<pixels, 100, ctnn::relu>, ctnn::dense<100, 100, ctnn::relu>,
                                   ctnn::dense<100, classes, ctnn::softmax>>;

// Adam at 0.003: the best of 0.001-0.02 for this recipe in numpy (one epoch is only 40
// updates; the default 0.001 is too slow for that), see tests/reference/mnist_job_reference.py.
inline constexpr double learning_rate = 0.003;
inline constexpr ctnn::he_normal initializer{.seed = 1};

// One update: the recipe trains a dataset of one batch for one epoch.
inline constexpr ctnn::recipe recipe{ctnn::categorical_cross_entropy{}, ctnn::adam{.learning_rate = learning_rate},
                                     ctnn::epochs<1>};

// Where the job starts: he_normal's draw, made in the compiler. (A member of a template, so
// that only a job that starts there pays for the 59400 normals: GCC evaluates a constexpr
// function without parameters where it is defined, unless it belongs to a template.)
template <class Network = network_type>
struct drawn_weights {
    static constexpr Network network() { return ctnn::initialize<Network>(initializer); }
};

// Images [first, first + N) as samples: pixel / 255.0 (rounded once, as numpy's x / 255.0),
// one-hot labels. The bytes are those of bench/mnist/make_data.cpp's header: 484 per image.
template <std::size_t N>
constexpr ctnn::dataset<N, pixels, classes> samples(const char* images, const char* labels, std::size_t first) {
    ctnn::dataset<N, pixels, classes> d{};
    for (std::size_t i = 0; i < N * pixels; ++i)
        d.x.data[i] = static_cast<double>(static_cast<unsigned char>(images[first * pixels + i])) / 255.0;
    for (std::size_t n = 0; n < N; ++n) {
        const auto label = static_cast<unsigned char>(labels[first + n]);
        if (label >= classes) throw std::out_of_range("ctnn_bench::mnist: a label is not a class 0-9");
        d.y.data[n * classes + label] = 1.0;
    }
    return d;
}

// The first max of a row, as numpy.argmax.
constexpr std::size_t argmax(const double* row) noexcept {
    std::size_t best = 0;
    for (std::size_t c = 1; c < classes; ++c)
        if (row[c] > row[best]) best = c;
    return best;
}

// The job on `Source`'s images (a type with train_images, train_labels, test_images,
// test_labels: bytes as above): Train training images in batches of Batch, from the weights
// Start::network() gives, then Test test images, classified Batch at a time.
template <class Source, std::size_t Train, std::size_t Test, std::size_t Batch, class Start = drawn_weights<>>
struct job {
    static_assert(Train % Batch == 0 && Test % Batch == 0, "the job's image counts must be multiples of its batch");
    static constexpr std::size_t updates = Train / Batch;
    static constexpr std::size_t test_parts = Test / Batch;

    static constexpr auto training_batch(std::size_t k) {
        return samples<Batch>(Source::train_images, Source::train_labels, k * Batch);
    }
    static constexpr auto test_batch(std::size_t k) {
        return samples<Batch>(Source::test_images, Source::test_labels, k * Batch);
    }

    // The first update, from the initial weights. (The recipe is a parameter so that a run-
    // time caller can hand it over opaquely: GCC tries to fold a call to a constexpr function
    // whose arguments are all constants, which here means training in the compiler.)
    template <class Recipe = decltype(recipe)>
    static constexpr auto first(const Recipe& how = recipe) {
        return ctnn::train(Start::network(), training_batch(0), how);
    }
    // Update k (from 1), continuing `from`.
    template <class Trained, class Recipe = decltype(recipe)>
    static constexpr auto next(const Trained& from, std::size_t k, const Recipe& how = recipe) {
        return ctnn::train(from, training_batch(k), how);
    }

    // How many of test batch k the network classifies right. (In the compiler, predict reads
    // the network from a local copy: read straight from a namespace-scope constant, every
    // weight cost GCC a check of the whole constant's type, and a test batch 1.3x the time;
    // docs/mnist_job.md, "Where g++'s hour goes".)
    static constexpr std::size_t correct(const network_type& net, std::size_t k) {
        const auto d = test_batch(k);
        const auto p = net.predict(d.x);
        std::size_t right = 0;
        for (std::size_t n = 0; n < Batch; ++n)
            right += argmax(&p.data[n * classes]) == argmax(&d.y.data[n * classes]) ? 1 : 0;
        return right;
    }
};

}  // namespace ctnn_bench::mnist

// The job as namespace-scope constants, one per update and one per test batch, each
// followed by a function definition (where GCC collects its garbage):
//
//   CTNN_MNIST_JOB(job_type, UPDATES, TEST_PARTS)
//
// with UPDATES and TEST_PARTS plain numbers (job_type::updates, ::test_parts), defines
// `trained` (the ctnn::trained after the last update: .network, .loss_history with every
// update's loss, ...) and `correct` (test images classified right).
#define CTNN_MNIST_JOB_UPDATE(z, k, job_type)                                                                       \
    inline constexpr auto BOOST_PP_CAT(trained_, BOOST_PP_INC(k)) =                                                 \
        job_type::next(BOOST_PP_CAT(trained_, k), BOOST_PP_INC(k));                                                 \
    inline void BOOST_PP_CAT(collect_garbage_after_update_, BOOST_PP_INC(k))() {}

#define CTNN_MNIST_JOB_TEST(z, k, job_type)                                                                         \
    inline constexpr std::size_t BOOST_PP_CAT(correct_, BOOST_PP_INC(k)) =                                          \
        BOOST_PP_CAT(correct_, k) + job_type::correct(trained.network, k);                                          \
    inline void BOOST_PP_CAT(collect_garbage_after_test_, BOOST_PP_INC(k))() {}

#define CTNN_MNIST_JOB(job_type, UPDATES, TEST_PARTS)                                                               \
    static_assert(job_type::updates == UPDATES && job_type::test_parts == TEST_PARTS,                               \
                  "CTNN_MNIST_JOB: the counts must be the job's");                                                  \
    inline constexpr auto trained_0 = job_type::first();                                                            \
    inline void collect_garbage_after_update_0() {}                                                                 \
    BOOST_PP_REPEAT(BOOST_PP_DEC(UPDATES), CTNN_MNIST_JOB_UPDATE, job_type)                                         \
    inline constexpr const auto& trained = BOOST_PP_CAT(trained_, BOOST_PP_DEC(UPDATES));                           \
    inline constexpr std::size_t correct_0 = 0;                                                                     \
    BOOST_PP_REPEAT(TEST_PARTS, CTNN_MNIST_JOB_TEST, job_type)                                                      \
    inline constexpr std::size_t correct = BOOST_PP_CAT(correct_, TEST_PARTS);
