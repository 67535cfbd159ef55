// ctnn's metrics at run time, on the data tests/static/metrics_static.cpp checks at
// compile time (tests/reference/metrics_reference.py: numpy's and sklearn's values),
// with the inputs read through a volatile so that nothing is folded by the compiler.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <ctnn/metrics.hpp>

#include "data/metrics_reference.hpp"
#include "support/run_time.hpp"

namespace {

namespace ref = ctnn_test::metrics_reference;

template <std::size_t R, std::size_t C>
ctnn::matrix<R, C> opaque(const ctnn::matrix<R, C>& m) {
    ctnn::matrix<R, C> out{};
    for (std::size_t i = 0; i < R * C; ++i) out.data[i] = ctnn_test::opaque(m.data[i]);
    return out;
}

void require_close(double got, double want) {
    INFO("ctnn " << ctnn_test::hex(got) << ", sklearn " << ctnn_test::hex(want));
    REQUIRE(std::fabs(got - want) <= 1e-14 * std::max(1.0, std::fabs(want)));
}

}  // namespace

TEMPLATE_TEST_CASE("classification metrics at run time equal numpy's and sklearn's", "[metrics]",
                   ref::three_classes, ref::ten_classes, ref::with_nan) {
    using C = TestType;
    const auto scores = opaque(C::scores);
    const auto one_hot = opaque(C::one_hot);
    REQUIRE(ctnn::classify(scores) == C::argmax);
    REQUIRE(ctnn::classify(one_hot) == C::truth);
    REQUIRE(ctnn::accuracy(scores, one_hot) == C::accuracy);
    REQUIRE(ctnn::accuracy(scores, C::truth) == C::accuracy);
    REQUIRE(ctnn::correct_count(ctnn::classify(scores), C::truth) == C::correct);
    const auto m = ctnn::confusion_matrix(scores, one_hot);
    REQUIRE(m.counts == C::confusion);
    REQUIRE(m.total() == C::samples);
}

TEST_CASE("a label beyond the classes is an error", "[metrics]") {
    std::array<std::size_t, 3> truth{0, 1, 2};
    const std::array<std::size_t, 3> predicted{0, 1, 1};
    truth[2] = static_cast<std::size_t>(ctnn_test::opaque(3.0));
    REQUIRE_THROWS_AS(ctnn::confusion_matrix<3>(truth, predicted), std::out_of_range);
}

TEMPLATE_TEST_CASE("regression errors at run time equal sklearn's", "[metrics]", ref::one_output,
                   ref::three_outputs, ref::constant_column) {
    using C = TestType;
    const auto predicted = opaque(C::predicted);
    const auto truth = opaque(C::truth);
    require_close(ctnn::mean_squared_error(predicted, truth), C::mse);
    require_close(ctnn::mean_absolute_error(predicted, truth), C::mae);
    REQUIRE(ctnn::max_absolute_error(predicted, truth) == C::max_abs);
    require_close(ctnn::r2_score(predicted, truth), C::r2);
}
