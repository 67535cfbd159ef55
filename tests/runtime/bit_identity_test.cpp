// Training at run time runs the very code the compiler ran for ctnn::models::xor_gate,
// so every double must come out identical -- also in ctnn_tests_native, which is built
// with -O2 -march=native where FMA contraction would otherwise change results.
#include <cstddef>
#include <string>

#include <catch2/catch.hpp>
#include <ctnn/models/xor.hpp>

#include "support/run_time.hpp"

namespace {

using ctnn_test::hex;
using ctnn_test::opaque;

namespace xg = ctnn::models::xor_gate;

template <class Got, class Want>
void require_identical(const char* what, const Got& got, const Want& want) {
    REQUIRE(std::size(got) == std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        INFO(what << "[" << i << "]: run time " << hex(got[i]) << ", compile time " << hex(want[i]));
        REQUIRE(got[i] == want[i]);
    }
}

}  // namespace

TEST_CASE("run-time initialisation equals the compile-time one", "[bit-identity]") {
    const auto net = ctnn::initialize<xg::network_type>(ctnn::randn{.seed = static_cast<unsigned>(opaque(42.0))});
    require_identical("W1", net.layer<0>().W.data, xg::initial.layer<0>().W.data);
    require_identical("W2", net.layer<1>().W.data, xg::initial.layer<1>().W.data);
}

TEST_CASE("run-time training equals the compile-time training bit for bit", "[bit-identity]") {
    const ctnn::recipe recipe{ctnn::mse_seed{}, ctnn::gradient_descent{.learning_rate = opaque(0.1)},
                              ctnn::epochs<10000>, ctnn::log_every<1000>};
    REQUIRE(recipe.optimizer.learning_rate == xg::recipe.optimizer.learning_rate);

    const auto run_time = ctnn::train(xg::initial, xg::data, recipe);
    constexpr const auto& compile_time = xg::trained;

    require_identical("loss history", run_time.loss_history, compile_time.loss_history);
    require_identical("W1", run_time.network.layer<0>().W.data, compile_time.network.layer<0>().W.data);
    require_identical("b1", run_time.network.layer<0>().b.data, compile_time.network.layer<0>().b.data);
    require_identical("W2", run_time.network.layer<1>().W.data, compile_time.network.layer<1>().W.data);
    require_identical("b2", run_time.network.layer<1>().b.data, compile_time.network.layer<1>().b.data);
    require_identical("predictions", run_time.network.predict(xg::data.x).data, xg::predictions.data);
}
