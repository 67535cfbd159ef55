#pragma once
// How the run-time tests hold a network against a reference (numpy's, or the compiler's):
// parameter by parameter, bit for bit or by the largest deviation. Needs Catch2.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "support/run_time.hpp"

namespace ctnn_test {

// Calls f(name, got, want) for each parameter array (W, then b) of every layer.
template <class Network, class F>
void for_each_parameter(const Network& got, const Network& want, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((f("layer " + std::to_string(I) + " W", got.template layer<I>().W.data, want.template layer<I>().W.data),
          f("layer " + std::to_string(I) + " b", got.template layer<I>().b.data, want.template layer<I>().b.data)),
         ...);
    }(std::make_index_sequence<Network::depth>{});
}

// Every element equal, bit for bit.
template <class Got, class Want>
void require_identical(const std::string& what, const Got& got, const Want& want) {
    REQUIRE(std::size(got) == std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        INFO(what << "[" << i << "]: ctnn " << hex(got[i]) << ", reference " << hex(want[i]));
        REQUIRE(got[i] == want[i]);
    }
}

// The largest |got - want| / max(1, |want|) over some arrays, and where it is.
struct deviation {
    double worst = 0.0;
    std::string where = "-";

    template <class Got, class Want>
    void add(const std::string& what, const Got& got, const Want& want) {
        REQUIRE(std::size(got) == std::size(want));
        for (std::size_t i = 0; i < std::size(want); ++i) {
            const double d = std::fabs(got[i] - want[i]) / std::max(1.0, std::fabs(want[i]));
            if (!(d <= worst)) {  // also catches NaN
                worst = d;
                where = what + "[" + std::to_string(i) + "]: ctnn " + hex(got[i]) + ", reference " + hex(want[i]);
            }
        }
    }
};

}  // namespace ctnn_test
