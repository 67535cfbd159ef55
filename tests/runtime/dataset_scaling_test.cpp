// The generated headers' constants at run time: scaling.apply on raw held-out samples (read
// through opaque(), so the scaling really runs) gives the stored scaled samples bit for bit,
// as it does in constant evaluation (tests/static/dataset_static.cpp); class names look up.
#include <cstddef>

#include <catch2/catch.hpp>

#include <flowers.hpp>
#include <idx_types.hpp>
#include <images_separate.hpp>

#include "data/dataset_reference.hpp"
#include "support/run_time.hpp"

namespace {

namespace ref = ctnn_test::dataset_reference;

template <class Scaling, class Part, std::size_t N>
void check_apply(const Scaling& scaling, const Part& stored, const std::array<double, N>& raw) {
    constexpr std::size_t inputs = Scaling::inputs;
    REQUIRE(N == Part::samples * inputs);
    for (std::size_t s = 0; s < Part::samples; ++s) {
        std::array<double, inputs> sample{};
        for (std::size_t i = 0; i < inputs; ++i) sample[i] = ctnn_test::opaque(raw[s * inputs + i]);
        const std::array<double, inputs> scaled = scaling.apply(sample);
        for (std::size_t i = 0; i < inputs; ++i) {
            INFO("sample " << s << ", input " << i);
            CHECK(ctnn_test::hex(scaled[i]) == ctnn_test::hex(stored.x.data[s * inputs + i]));
        }
    }
}

}  // namespace

TEST_CASE("scaling.apply at run time scales raw samples exactly as ctnn-dataset did", "[data]") {
    check_apply(good::flowers::scaling, good::flowers::test, ref::flowers::raw_test_x);
    check_apply(good::images_separate::scaling, good::images_separate::test, ref::images_separate::raw_test_x);
    check_apply(good::idx_types::scaling, good::idx_types::test, ref::idx_types::raw_test_x);
}

TEST_CASE("class_names at run time", "[data]") {
    const auto& classes = good::flowers::classes;
    for (std::size_t k = 0; k < classes.size; ++k) CHECK(classes.index_of(classes[k]) == k);
    CHECK(classes.index_of("tulip") == classes.size);
    CHECK(good::idx_types::classes[2] == "100");
}
