// ctnn::sigmoid_fast, the run-time sigmoid whose exp vectorises: how far it is from
// 1 / (1 + e^-z) computed with the C library's exp, what it does at the edges, and that
// the seed's network trained with it still lands on numpy's weights.
#include <cmath>
#include <cstddef>
#include <limits>

#include <catch2/catch.hpp>
#include <ctnn/activations/sigmoid_fast.hpp>
#include <ctnn/models/xor.hpp>

#include "data/xor_reference.hpp"
#include "support/run_time.hpp"

namespace {

using ctnn_test::hex;
using ctnn_test::opaque;

double reference(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

TEST_CASE("sigmoid_fast is within 1e-15 relative of the libm sigmoid on (-708, 708)", "[sigmoid_fast]") {
    // 1.9 million points, irregularly spaced so that no pattern of k or r is favoured.
    double worst = 0.0;
    for (double z = -707.9995; z < 708.0; z += 0.000731) {
        const double got = ctnn::sigmoid_fast::apply(opaque(z));
        const double want = reference(z);
        const double relative = std::fabs(got - want) / want;
        if (relative > worst) worst = relative;
        if (!(relative <= 1e-15)) {
            INFO("z = " << hex(z) << ": sigmoid_fast " << hex(got) << ", libm " << hex(want));
            REQUIRE(relative <= 1e-15);
        }
    }
    INFO("worst relative difference: " << worst);
    CHECK(worst > 0.0);  // it is not libm's exp in disguise
}

TEST_CASE("sigmoid_fast at the edges", "[sigmoid_fast]") {
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(ctnn::sigmoid_fast::apply(opaque(0.0)) == 0.5);
    CHECK(ctnn::sigmoid_fast::apply(opaque(-0.0)) == 0.5);
    // From |z| = 708 on, exactly 0 or 1; just inside, the sigmoid itself.
    for (double z : {708.0, 709.0, 800.0, 1e308, inf}) CHECK(ctnn::sigmoid_fast::apply(opaque(z)) == 1.0);
    for (double z : {-708.0, -709.0, -800.0, -1e308, -inf}) CHECK(ctnn::sigmoid_fast::apply(opaque(z)) == 0.0);
    const double inside = std::nextafter(-708.0, 0.0);
    CHECK(ctnn::sigmoid_fast::apply(opaque(inside)) == Approx(reference(inside)).epsilon(1e-15));
    CHECK(std::isnan(ctnn::sigmoid_fast::apply(opaque(std::numeric_limits<double>::quiet_NaN()))));
}

TEST_CASE("the seed's network trained with sigmoid_fast matches numpy within 1e-12", "[sigmoid_fast]") {
    namespace xg = ctnn::models::xor_gate;
    namespace np = ctnn_test::numpy_xor;
    using fast_network = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid_fast>, ctnn::dense<4, 1, ctnn::sigmoid_fast>>;
    fast_network initial{};
    for (std::size_t i = 0; i < 8; ++i) initial.layer<0>().W.data[i] = np::init_W1[i];
    for (std::size_t i = 0; i < 4; ++i) initial.layer<1>().W.data[i] = np::init_W2[i];
    const ctnn::recipe recipe{xg::recipe.loss, ctnn::gradient_descent{.learning_rate = opaque(0.1)},
                              ctnn::epochs<10000>, ctnn::log_every<1000>};
    const auto t = ctnn::train(initial, xg::data, recipe);
    for (std::size_t i = 0; i < np::losses.size(); ++i) CHECK(t.loss_history[i] == Approx(np::losses[i]).margin(1e-12));
    for (std::size_t i = 0; i < 8; ++i) CHECK(t.network.layer<0>().W.data[i] == Approx(np::W1[i]).margin(1e-12));
    for (std::size_t i = 0; i < 4; ++i) CHECK(t.network.layer<0>().b.data[i] == Approx(np::b1[i]).margin(1e-12));
    for (std::size_t i = 0; i < 4; ++i) CHECK(t.network.layer<1>().W.data[i] == Approx(np::W2[i]).margin(1e-12));
    CHECK(t.network.layer<1>().b.data[0] == Approx(np::b2[0]).margin(1e-12));
}
