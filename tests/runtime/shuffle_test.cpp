// Shuffled mini-batches against numpy (tests/reference/shuffle_reference.py trains the
// same recipes, shuffling with np.random.RandomState(seed).permutation every epoch), and
// training in parts at run time: the same run as one call, and as the compiler's parts.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include <catch2/catch.hpp>
#include <ctnn/activations/sigmoid_libm.hpp>
#include <ctnn/ctnn.hpp>
#include <ctnn/training/train_in_parts.hpp>

#include "data/shuffle_reference.hpp"

#include "support/compare.hpp"
#include "support/run_time.hpp"

namespace {

using ctnn_test::for_each_parameter;
using ctnn_test::hex;
using ctnn_test::opaque;

// The recipe with its learning rate and shuffle seed read at run time.
template <class Recipe>
Recipe run_time(const Recipe& r) {
    Recipe copy = ctnn_test::laundered(r);
    copy.order.seed = static_cast<std::uint32_t>(opaque(static_cast<double>(r.order.seed)));
    return copy;
}

// Bit for bit when `exact`, else |got - want| <= 1e-12 max(1, |want|) (see parity_test.cpp).
template <class Got, class Want>
void require_close(bool exact, const std::string& what, const Got& got, const Want& want) {
    REQUIRE(std::size(got) == std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        INFO(what << "[" << i << "]: ctnn " << hex(got[i]) << ", numpy " << hex(want[i]));
        if (exact)
            REQUIRE(got[i] == want[i]);
        else
            REQUIRE(std::fabs(got[i] - want[i]) <= 1e-12 * std::max(1.0, std::fabs(want[i])));
    }
}

template <class C, class Trained>
void require_numpys(const Trained& t) {
    require_close(C::exact, "loss", t.loss_history, C::losses);
    for_each_parameter(t.network, C::trained, [](const std::string& what, const auto& got, const auto& want) {
        require_close(C::exact, what, got, want);
    });
    require_close(C::exact, "prediction", t.network.predict(C::data.x).data, C::predictions);
}

// Parts K, K+1, ..., Parts - 1 of the run, at run time.
template <std::size_t K, std::size_t Parts, class From, class C>
auto train_rest(const From& from, const C&) {
    const auto part = ctnn::train_part<K, Parts>(from, C::data, run_time(C::recipe));
    if constexpr (K + 1 == Parts)
        return part;
    else
        return train_rest<K + 1, Parts>(part, C{});
}

using configs = decltype(std::tuple_cat(std::declval<ctnn_test::shuffle::all_configs>(),
                                        std::declval<ctnn_test::shuffle_libm::all_configs>()));

}  // namespace

TEMPLATE_LIST_TEST_CASE("each epoch's order is numpy's RandomState(seed).permutation(n)", "[shuffle]", configs) {
    using C = TestType;
    INFO(C::name);
    ctnn::random::numpy_random_state rng{static_cast<std::uint32_t>(opaque(C::recipe.order.seed))};
    for (const auto& want : C::first_orders) {
        std::array<std::size_t, C::data.samples> order{};
        ctnn::detail::permute(rng, order);
        REQUIRE(order == want);
    }
}

TEMPLATE_LIST_TEST_CASE("shuffled mini-batches: ctnn matches numpy (bit for bit without exp, or with glibc's)",
                        "[shuffle]", configs) {
    using C = TestType;
    INFO(C::name);
    require_numpys<C>(ctnn::train(C::initial, C::data, run_time(C::recipe)));
}

TEMPLATE_LIST_TEST_CASE("shuffled mini-batches in parts smaller than an epoch: the same run, bit for bit",
                        "[shuffle][parts]", configs) {
    using C = TestType;
    INFO(C::name);
    const auto whole = ctnn::train(C::initial, C::data, run_time(C::recipe));
    // 7 and 13 parts: neither divides the updates (epochs x batches, all multiples of 4)
    // evenly, and the parts stop at every position inside an epoch.
    const auto in_7 = train_rest<1, 7>(ctnn::train_part<0, 7>(C::initial, C::data, run_time(C::recipe)), C{});
    const auto in_13 = train_rest<1, 13>(ctnn::train_part<0, 13>(C::initial, C::data, run_time(C::recipe)), C{});
    for (const auto* t : {&in_7, &in_13}) {
        REQUIRE(t->epochs == whole.epochs);
        REQUIRE(t->progress.batch == 0);
        require_close(true, "loss", t->loss_history, whole.loss_history);
        for_each_parameter(t->network, whole.network, [](const std::string& what, const auto& got, const auto& want) {
            require_close(true, what, got, want);
        });
    }
}

namespace {
using grid = ctnn_test::shuffle::grid_relu_identity_adam_shuffle4;
// The compiler's run of the same recipe, in 9 parts.
CTNN_TRAIN_IN_PARTS(grid_at_compile_time, 9, grid::initial, grid::data, grid::recipe);
}  // namespace

TEST_CASE("shuffled training in parts: run time equals compile time, and numpy", "[shuffle][parts]") {
    const auto t = ctnn::train(grid::initial, grid::data, run_time(grid::recipe));
    require_close(true, "loss", t.loss_history, grid_at_compile_time.loss_history);
    for_each_parameter(t.network, grid_at_compile_time.network,
                       [](const std::string& what, const auto& got, const auto& want) {
                           require_close(true, what, got, want);
                       });
    require_numpys<grid>(grid_at_compile_time);
}
