// Every model trained at compile time, trained again at run time by the same code:
// the parameters and losses must be identical, bit for bit -- across sigmoid, ReLU,
// leaky ReLU, identity and softmax layers, every loss, Adam and gradient descent.
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include <catch2/catch.hpp>
#include <ctnn/models/logic_gates.hpp>
#include <ctnn/models/parity3.hpp>
#include <ctnn/models/sine.hpp>
#include <ctnn/models/three_classes.hpp>

#include "support/run_time.hpp"

namespace {

using ctnn_test::hex;
using ctnn_test::laundered;

template <class Trained>
void require_identical(const Trained& run_time, const Trained& compile_time) {
    for (std::size_t i = 0; i < compile_time.loss_history.size(); ++i) {
        INFO("loss " << i << ": " << hex(run_time.loss_history[i]) << " vs " << hex(compile_time.loss_history[i]));
        REQUIRE(run_time.loss_history[i] == compile_time.loss_history[i]);
    }
    std::size_t layer = 0;
    auto check = [&](const auto& got, const auto& want) {
        for (std::size_t i = 0; i < std::size(want.W.data); ++i) {
            INFO("layer " << layer << " W[" << i << "]: " << hex(got.W.data[i]) << " vs " << hex(want.W.data[i]));
            REQUIRE(got.W.data[i] == want.W.data[i]);
        }
        for (std::size_t i = 0; i < std::size(want.b.data); ++i) {
            INFO("layer " << layer << " b[" << i << "]: " << hex(got.b.data[i]) << " vs " << hex(want.b.data[i]));
            REQUIRE(got.b.data[i] == want.b.data[i]);
        }
        ++layer;
    };
    constexpr std::size_t depth = std::remove_cvref_t<decltype(compile_time.network)>::depth;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (check(run_time.network.template layer<I>(), compile_time.network.template layer<I>()), ...);
    }(std::make_index_sequence<depth>{});
}

}  // namespace

TEST_CASE("logic gates: run time equals compile time", "[models][bit-identity]") {
    namespace lg = ctnn::models::logic_gates;
    require_identical(ctnn::train(lg::initial, lg::and_data, laundered(lg::recipe)), lg::and_gate);
    require_identical(ctnn::train(lg::initial, lg::or_data, laundered(lg::recipe)), lg::or_gate);
    require_identical(ctnn::train(lg::initial, lg::nand_data, laundered(lg::recipe)), lg::nand_gate);
}

TEST_CASE("3-bit parity: run time equals compile time", "[models][bit-identity]") {
    namespace m = ctnn::models::parity3;
    require_identical(ctnn::train(m::initial, m::data, laundered(m::recipe)), m::trained);
}

TEST_CASE("sine regression: run time equals compile time, and fits std::sin", "[models][bit-identity]") {
    namespace m = ctnn::models::sine;
    require_identical(ctnn::train(m::initial, m::data, laundered(m::recipe)), m::trained);
    for (std::size_t i = 0; i < 12; ++i) {
        INFO("x = " << m::data.x.data[i]);
        // The dataset's Taylor-series targets are sin x to the last bit or so.
        REQUIRE(std::fabs(m::data.y.data[i] - std::sin(m::data.x.data[i])) < 1e-15);
        REQUIRE(std::fabs(m::predictions.data[i] - std::sin(m::data.x.data[i])) < 0.1);
    }
}

TEST_CASE("three classes: run time equals compile time", "[models][bit-identity]") {
    namespace m = ctnn::models::three_classes;
    require_identical(ctnn::train(m::initial, m::data, laundered(m::recipe)), m::trained);
}
