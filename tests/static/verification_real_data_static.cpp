// Certified robustness of the models trained on real data (models/iris.hpp,
// models/digits.hpp), proved by the compiler: for a few held-out samples, the largest
// L-infinity radius (in the models' standardised input units) within which the predicted
// class is proved unchanged, and a check of each at random points of its ball.
#include <cstddef>

#include <ctnn/models/digits.hpp>
#include <ctnn/models/iris.hpp>
#include <ctnn/random/mt19937.hpp>
#include <ctnn/verification.hpp>

// (A named namespace: the function definitions between the constants, where GCC
// collects garbage, would be unused functions in an anonymous one.)
namespace ctnn_test::verification_real_data {

namespace v = ctnn::verification;
namespace ir = ctnn::models::iris;
namespace dg = ctnn::models::digits;

template <std::size_t N, class Data>
constexpr ctnn::matrix<1, N> held_out(const Data& test, std::size_t s) {
    ctnn::matrix<1, N> x{};
    for (std::size_t i = 0; i < N; ++i) x.data[i] = test.x(s, i);
    return x;
}

// The class stays `label` at `points` random inputs within r of x (uniform in the ball).
template <class Net, std::size_t N>
constexpr bool keeps_class(const Net& net, const ctnn::matrix<1, N>& x, double r, std::size_t label,
                           std::size_t points) {
    ctnn::random::mt19937 bits(2026);
    for (std::size_t p = 0; p < points; ++p) {
        ctnn::matrix<1, N> y{};
        for (std::size_t i = 0; i < N; ++i)
            y.data[i] = x.data[i] + r * (2.0 * static_cast<double>(bits()) / 4294967295.0 - 1.0);
        if (!v::classified_as{label}.holds_for(net.predict(y))) return false;
    }
    return true;
}

// Iris (4 inputs): radii to 1/256 by bisection on the radius, each candidate proved by
// splitting the ball (up to 2000 boxes), and with one interval pass per candidate.
constexpr v::radius_search split{.resolution = 0x1p-8, .max_radius = 2.0, .limits = {.max_depth = 24, .max_boxes = 2000}};
constexpr v::radius_search one_pass{.resolution = 0x1p-8, .max_radius = 2.0, .limits = {.max_depth = 0, .max_boxes = 1}};

template <std::size_t S>
constexpr auto iris_radius(const v::radius_search& how) {
    return v::certified_radius(ir::trained.network, held_out<4>(ir::data::test, S),
                               v::classified_as{ir::test_predictions[S]}, how);
}
inline constexpr auto iris_0 = iris_radius<0>(split);
inline void collect_garbage_1() {}
inline constexpr auto iris_2 = iris_radius<2>(split);
inline void collect_garbage_2() {}
inline constexpr auto iris_4 = iris_radius<4>(split);
inline void collect_garbage_3() {}
static_assert(iris_0.radius >= 0.25 && iris_2.radius >= 0.25 && iris_4.radius >= 0.25);
// Splitting proves larger radii than one interval pass.
static_assert(iris_0.radius > iris_radius<0>(one_pass).radius);
static_assert(iris_2.radius > iris_radius<2>(one_pass).radius);
static_assert(iris_4.radius > iris_radius<4>(one_pass).radius);
static_assert(keeps_class(ir::trained.network, held_out<4>(ir::data::test, 0), iris_0.radius, ir::test_predictions[0], 500));
static_assert(keeps_class(ir::trained.network, held_out<4>(ir::data::test, 2), iris_2.radius, ir::test_predictions[2], 500));
static_assert(keeps_class(ir::trained.network, held_out<4>(ir::data::test, 4), iris_4.radius, ir::test_predictions[4], 500));

// Digits (64 pixels, one softmax layer): splitting 64 dimensions gains little (a few
// per cent, for ~1000 times the work), so each candidate radius gets one interval pass.
constexpr v::radius_search digits_search{.resolution = 0x1p-10, .max_radius = 1.0, .limits = {.max_depth = 0, .max_boxes = 1}};
template <std::size_t S>
constexpr auto digits_radius() {
    return v::certified_radius(dg::trained.network, held_out<64>(dg::data::test, S),
                               v::classified_as{dg::test_predictions[S]}, digits_search);
}
inline constexpr auto digits_0 = digits_radius<0>();
inline constexpr auto digits_1 = digits_radius<1>();
inline constexpr auto digits_2 = digits_radius<2>();
static_assert(digits_0.radius >= 0.05 && digits_1.radius >= 0.05 && digits_2.radius >= 0.05);
static_assert(keeps_class(dg::trained.network, held_out<64>(dg::data::test, 0), digits_0.radius, dg::test_predictions[0], 200));
static_assert(keeps_class(dg::trained.network, held_out<64>(dg::data::test, 1), digits_1.radius, dg::test_predictions[1], 200));
static_assert(keeps_class(dg::trained.network, held_out<64>(dg::data::test, 2), digits_2.radius, dg::test_predictions[2], 200));

}  // namespace ctnn_test::verification_real_data
