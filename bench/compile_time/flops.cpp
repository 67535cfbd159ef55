// Prints the flops (flops.hpp) of every model of include/ctnn/models/ it knows, one line
// each: "<model header name> <flops>". bench/compile_time.sh builds and runs it once; a
// model it does not list shows no flops there. (Including a model trains it: this program
// costs one compile of all of them.)
#include <cstdio>

#include "flops.hpp"

#include <ctnn/models/logic_gates.hpp>
#include <ctnn/models/parity3.hpp>
#include <ctnn/models/sine.hpp>
#include <ctnn/models/three_classes.hpp>
#include <ctnn/models/xor.hpp>
#if __has_include(<ctnn/models/iris.hpp>)
#include <ctnn/models/iris.hpp>
#endif
#if __has_include(<ctnn/models/digits.hpp>)
#include <ctnn/models/digits.hpp>
#endif
#include "mlp_64_16_10.hpp"

namespace {

void print(const char* name, double flops) { std::printf("%s %.0f\n", name, flops); }

}  // namespace

int main() {
    namespace m = ctnn::models;
    {
        using n = m::xor_gate::network_type;
        print("xor", ctnn_bench::training_flops<n>(m::xor_gate::data, m::xor_gate::recipe) +
                         ctnn_bench::prediction_flops<n>(4));
    }
    {
        using n = m::logic_gates::network_type;  // three gates, each checked on its 4 inputs
        print("logic_gates",
              3 * (ctnn_bench::training_flops<n>(m::logic_gates::and_data, m::logic_gates::recipe) +
                   ctnn_bench::prediction_flops<n>(4)));
    }
    {
        using n = m::parity3::network_type;
        print("parity3", ctnn_bench::training_flops<n>(m::parity3::data, m::parity3::recipe) +
                             ctnn_bench::prediction_flops<n>(8));
    }
    {
        using n = m::sine::network_type;
        print("sine", ctnn_bench::training_flops<n>(m::sine::data, m::sine::recipe) + ctnn_bench::prediction_flops<n>(12));
    }
    {
        using n = m::three_classes::network_type;
        print("three_classes", ctnn_bench::training_flops<n>(m::three_classes::data, m::three_classes::recipe) +
                                   ctnn_bench::prediction_flops<n>(12));
    }
#if __has_include(<ctnn/models/iris.hpp>)
    {
        using n = m::iris::network_type;
        print("iris", ctnn_bench::training_flops<n>(m::iris::data::train, m::iris::recipe) +
                          ctnn_bench::prediction_flops<n>(m::iris::data::test_samples));
    }
#endif
#if __has_include(<ctnn/models/digits.hpp>)
    {
        using n = m::digits::network_type;
        print("digits", ctnn_bench::training_flops<n>(m::digits::data::train, m::digits::recipe) +
                            ctnn_bench::prediction_flops<n>(m::digits::data::test_samples));
    }
#endif
    {
        using n = ctnn_bench::mlp::network_type;
        print("mlp_64_16_10", ctnn_bench::training_flops<n>(ctnn_bench::mlp::data, ctnn_bench::mlp::recipe));
    }
}
