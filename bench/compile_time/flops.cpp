// Prints the flops (flops.hpp) of one model, "<name> <flops>", given -DCTNN_FLOPS_OF_<name>
// with <name> the model's header name (xor, digits, ...) or mlp_64_16_10. Including a model
// trains it, so bench/compile_time.sh builds this once per model, and a model this file
// does not know (or one that does not build) shows no flops.
#include <cstdio>

#include "flops.hpp"

namespace {
void print(const char* name, double flops) { std::printf("%s %.0f\n", name, flops); }
}  // namespace

#if defined(CTNN_FLOPS_OF_xor)
#include <ctnn/models/xor.hpp>
int main() {
    namespace m = ctnn::models::xor_gate;
    print("xor", ctnn_bench::training_flops<m::network_type>(m::data, m::recipe) +
                     ctnn_bench::prediction_flops<m::network_type>(4));
}
#elif defined(CTNN_FLOPS_OF_logic_gates)
#include <ctnn/models/logic_gates.hpp>
int main() {  // three gates, each checked on its 4 inputs
    namespace m = ctnn::models::logic_gates;
    print("logic_gates", 3 * (ctnn_bench::training_flops<m::network_type>(m::and_data, m::recipe) +
                              ctnn_bench::prediction_flops<m::network_type>(4)));
}
#elif defined(CTNN_FLOPS_OF_parity3)
#include <ctnn/models/parity3.hpp>
int main() {
    namespace m = ctnn::models::parity3;
    print("parity3", ctnn_bench::training_flops<m::network_type>(m::data, m::recipe) +
                         ctnn_bench::prediction_flops<m::network_type>(8));
}
#elif defined(CTNN_FLOPS_OF_sine)
#include <ctnn/models/sine.hpp>
int main() {
    namespace m = ctnn::models::sine;
    print("sine", ctnn_bench::training_flops<m::network_type>(m::data, m::recipe) +
                      ctnn_bench::prediction_flops<m::network_type>(12));
}
#elif defined(CTNN_FLOPS_OF_three_classes)
#include <ctnn/models/three_classes.hpp>
int main() {
    namespace m = ctnn::models::three_classes;
    print("three_classes", ctnn_bench::training_flops<m::network_type>(m::data, m::recipe) +
                               ctnn_bench::prediction_flops<m::network_type>(12));
}
#elif defined(CTNN_FLOPS_OF_iris)
#include <ctnn/models/iris.hpp>
int main() {
    namespace m = ctnn::models::iris;
    print("iris", ctnn_bench::training_flops<m::network_type>(m::data::train, m::recipe) +
                      ctnn_bench::prediction_flops<m::network_type>(m::data::test_samples));
}
#elif defined(CTNN_FLOPS_OF_digits)
#include <ctnn/models/digits.hpp>
int main() {
    namespace m = ctnn::models::digits;
    print("digits", ctnn_bench::training_flops<m::network_type>(m::data::train, m::recipe) +
                        ctnn_bench::prediction_flops<m::network_type>(m::data::test_samples));
}
#elif defined(CTNN_FLOPS_OF_mlp_64_16_10)
#include "mlp_64_16_10.hpp"
int main() {
    namespace m = ctnn_bench::mlp;
    print("mlp_64_16_10", ctnn_bench::training_flops<m::network_type>(m::data, m::recipe));
}
#elif defined(CTNN_FLOPS_OF_mnist_job)
// bench/mnist's job with CTNN_MNIST_UPDATES updates and CTNN_MNIST_TEST_PARTS test batches
// of 100: the training, the test images' forward pass, and every image's pixel / 255.
// (he_normal's draw of the initial weights is left out: integer work and ~60 k normals.)
#include "../mnist/mnist_job.hpp"
int main() {
    namespace m = ctnn_bench::mnist;
    constexpr double batch = 100, updates = CTNN_MNIST_UPDATES, tests = CTNN_MNIST_TEST_PARTS;
    static const ctnn::dataset<100, m::pixels, m::classes> one_batch{};  // (static: too large for the stack)
    print("mnist_job", updates * ctnn_bench::training_flops<m::network_type>(one_batch, m::recipe) +
                           ctnn_bench::prediction_flops<m::network_type>(tests * batch) +
                           (updates + tests) * batch * m::pixels);
}
#else
int main() {}  // a model this file does not know: no flops
#endif
