// The models trained on real data (models/iris.hpp, models/digits.hpp) against numpy's
// training of the same recipes (tests/reference/{iris,digits}_reference.py; numpy made
// to follow ctnn's order of operations, see parity_reference.py):
//
// 1. the data tool's standardisation is numpy's mean and std of the training part, bit
//    for bit, and ctnn's initial weights are numpy's (up to glibc's log, see
//    parity_test.cpp); each epoch's shuffle is numpy's permutation;
// 2. the network the compiler trained, its logged losses and its outputs on the held-out
//    part are within 1e-12 of numpy's, |ctnn - numpy| <= 1e-12 * max(1, |numpy|) (the
//    tolerance and its reasons are parity_test.cpp's: numpy's SIMD exp and
//    ctnn::math::exp differ in the last bit for some arguments); set
//    CTNN_PARITY_REPORT=1 to print the largest differences;
// 3. the same recipe trained at run time, in one run, gives the compiler's network (which
//    was trained in parts) bit for bit.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <utility>

#include <catch2/catch.hpp>
#include <ctnn/models/digits.hpp>
#include <ctnn/models/iris.hpp>
#include <ctnn/random/numpy_random_state.hpp>

#include "data/digits_reference.hpp"
#include "data/iris_reference.hpp"

#include "support/compare.hpp"
#include "support/run_time.hpp"

namespace {

using ctnn_test::deviation;
using ctnn_test::for_each_parameter;
using ctnn_test::hex;
using ctnn_test::require_identical;
using ctnn_test::laundered;

constexpr double tolerance = 1e-12;

// The data tool's scaling is numpy's: offset = mean, divisor = std (1 where it is 0).
template <class Scaling, class Values>
void check_scaling(const Scaling& s, const Values& mean, const Values& std_dev) {
    REQUIRE(s.method == ctnn::scaling_method::standardize);
    for (std::size_t i = 0; i < mean.size(); ++i) {
        INFO("input " << i << ": offset " << hex(s.offset[i]) << ", numpy's mean " << hex(mean[i]) << "; divisor "
                      << hex(s.divisor[i]) << ", numpy's std " << hex(std_dev[i]));
        REQUIRE(s.offset[i] == mean[i]);
        REQUIRE(s.divisor[i] == (std_dev[i] == 0.0 ? 1.0 : std_dev[i]));
    }
}

// ctnn's initial weights are numpy's, but where glibc's log is not correctly rounded.
template <class Network, class Differences>
void check_initial(const Network& got, Network expected, const Differences& log_rounding) {
    for (const auto& d : log_rounding)
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((d.layer == I ? (void)(expected.template layer<I>().W.data[d.index] = d.correctly_rounded) : (void)0),
             ...);
        }(std::make_index_sequence<Network::depth>{});
    for_each_parameter(got, expected, [](const std::string& what, const auto& g, const auto& w) {
        require_identical("initial " + what, g, w);
    });
}

// The first epoch's order is numpy's rs.permutation(n), rs = RandomState(0).
template <std::size_t N>
void check_first_order(const std::array<std::size_t, N>& numpy_order) {
    ctnn::random::numpy_random_state rs{static_cast<std::uint32_t>(ctnn_test::opaque(0.0))};
    const auto order = rs.permutation<N>();
    for (std::size_t i = 0; i < N; ++i) REQUIRE(order[i] == numpy_order[i]);
}

template <class Trained, class Outputs, class Losses, class Network, class RefOutputs>
void check_parity(const char* name, const Trained& t, const Outputs& test_outputs, const Losses& numpy_losses,
                  const Network& numpy_network, const RefOutputs& numpy_outputs) {
    deviation losses, parameters, outputs;
    losses.add("loss", t.loss_history, numpy_losses);
    for_each_parameter(t.network, numpy_network, [&](const std::string& what, const auto& got, const auto& want) {
        parameters.add(what, got, want);
    });
    outputs.add("held-out output", test_outputs.data, numpy_outputs);
    if (std::getenv("CTNN_PARITY_REPORT"))
        std::printf("%-8s max scaled difference to numpy: losses %.2e, parameters %.2e, held-out outputs %.2e\n",
                    name, losses.worst, parameters.worst, outputs.worst);
    INFO("worst loss " << losses.where);
    INFO("worst parameter " << parameters.where);
    INFO("worst output " << outputs.where);
    CHECK(losses.worst <= tolerance);
    CHECK(parameters.worst <= tolerance);
    CHECK(outputs.worst <= tolerance);
}

template <class Trained, class Network, class Data, class Recipe>
void check_run_time(const Trained& compile_time, const Network& initial, const Data& data, const Recipe& recipe) {
    const auto run_time = ctnn::train(initial, data, laundered(recipe));
    REQUIRE(run_time.epochs == compile_time.epochs);
    require_identical("loss", run_time.loss_history, compile_time.loss_history);
    for_each_parameter(run_time.network, compile_time.network,
                       [](const std::string& what, const auto& got, const auto& want) {
                           require_identical(what, got, want);
                       });
}

}  // namespace

TEST_CASE("iris: the data and the starting point are numpy's", "[models][parity][iris]") {
    namespace m = ctnn::models::iris;
    namespace r = ctnn_test::iris_reference;
    check_scaling(m::data::scaling, r::mean, r::std_dev);
    check_initial(m::initial, r::initial, r::initial_log_rounding);
    check_first_order(r::first_epoch_order);
}

TEST_CASE("iris: the compiler's network is numpy's to 1e-12", "[models][parity][iris]") {
    namespace m = ctnn::models::iris;
    namespace r = ctnn_test::iris_reference;
    check_parity("iris", m::trained, m::test_outputs, r::losses, r::trained, r::test_outputs);
}

TEST_CASE("iris: run time, in one run, equals compile time, in parts", "[models][bit-identity][iris]") {
    namespace m = ctnn::models::iris;
    check_run_time(m::trained, m::initial, m::data::train, m::recipe);
}

TEST_CASE("digits: the data and the starting point are numpy's", "[models][parity][digits]") {
    namespace m = ctnn::models::digits;
    namespace r = ctnn_test::digits_reference;
    check_scaling(m::data::scaling, r::mean, r::std_dev);
    check_initial(m::initial, r::initial, r::initial_log_rounding);
    check_first_order(r::first_epoch_order);
}

TEST_CASE("digits: the compiler's network is numpy's to 1e-12", "[models][parity][digits]") {
    namespace m = ctnn::models::digits;
    namespace r = ctnn_test::digits_reference;
    check_parity("digits", m::trained, m::test_outputs, r::losses, r::trained, r::test_outputs);
}

TEST_CASE("digits: run time, in one run, equals compile time, in parts", "[models][bit-identity][digits]") {
    namespace m = ctnn::models::digits;
    check_run_time(m::trained, m::initial, m::data::train, m::recipe);
}
