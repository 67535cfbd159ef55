// The seed's XOR network, trained while this file compiles, checked against the seed's
// printout (../shared/seed/xor_numpy_seed.txt, typed in below) and against numpy's
// full-precision results (tests/data/xor_reference.hpp, from tests/reference/xor_reference.py).
// Nothing here is computed by ctnn except the values under test.
#include <array>
#include <cstddef>
#include <iterator>

#include <ctnn/models/xor.hpp>

#include "data/xor_reference.hpp"

namespace {

namespace xg = ctnn::models::xor_gate;
namespace np = ctnn_test::numpy_xor;

constexpr double abs_diff(double a, double b) { return a > b ? a - b : b - a; }

// |got - want| <= tol for every element, and as many elements on both sides.
template <class Got, class Want>
constexpr bool all_within(const Got& got, const Want& want, double tol) {
    if (std::size(got) != std::size(want)) return false;
    for (std::size_t i = 0; i < std::size(want); ++i)
        if (!(abs_diff(got[i], want[i]) <= tol)) return false;
    return true;
}

// numpy prints `printed` with n decimals iff the value lies within half a unit of the
// last printed digit (none of these values is near a rounding boundary).
template <class Got, std::size_t N>
constexpr bool prints_as(const Got& got, const double (&printed)[N], double half_unit) {
    return all_within(got, printed, half_unit);
}

// --- initial weights: numpy's randn(2, 4) then randn(4, 1) for seed 42, bit for bit ---
static_assert(all_within(xg::initial.layer<0>().W.data, np::init_W1, 0.0));
static_assert(all_within(xg::initial.layer<1>().W.data, np::init_W2, 0.0));
static_assert(xg::initial.layer<0>().b == ctnn::matrix<1, 4>{});
static_assert(xg::initial.layer<1>().b == ctnn::matrix<1, 1>{});

// --- the loss every 1000 epochs: the seed's "Epoch N, Loss: x.xxxx" lines ---
static_assert(prints_as(xg::trained.loss_history,
                        {0.2832, 0.2452, 0.2124, 0.1503, 0.0572, 0.0209, 0.0107, 0.0067, 0.0047, 0.0035},
                        0.5e-4));
static_assert(all_within(xg::trained.loss_history, np::losses, 1e-12));

// --- final parameters: within 1e-12 of numpy, and what the seed printed (8 decimals) ---
constexpr const auto& hidden = xg::trained.network.layer<0>();
constexpr const auto& output = xg::trained.network.layer<1>();

static_assert(all_within(hidden.W.data, np::W1, 1e-12));
static_assert(all_within(hidden.b.data, np::b1, 1e-12));
static_assert(all_within(output.W.data, np::W2, 1e-12));
static_assert(all_within(output.b.data, np::b2, 1e-12));

static_assert(prints_as(hidden.W.data,
                        {5.22722431, 0.98707488, 0.68186502, 6.01151874,  //
                         -3.16613113, -3.99951104, 2.91152228, 5.80878724},
                        0.5e-8));
static_assert(prints_as(output.W.data, {-6.57254498, 4.63984181, -3.9456002, 8.04506769}, 0.5e-8));
static_assert(prints_as(hidden.b.data, {1.24785544, 0.50324162, -2.14896976, -2.053226}, 0.5e-8));
static_assert(prints_as(output.b.data, {-1.53894177}, 0.5e-8));

// --- predictions and the binary output 0 1 1 0 ---
static_assert(all_within(xg::predictions.data, np::predictions, 1e-12));
static_assert(prints_as(xg::predictions.data, {0.0372988, 0.94914558, 0.94481534, 0.06424562}, 0.5e-8));
static_assert(xg::predictions(0, 0) < 0.5 && xg::predictions(1, 0) > 0.5 &&  //
              xg::predictions(2, 0) > 0.5 && xg::predictions(3, 0) < 0.5);

// --- other code can predict at compile time from the trained constants ---
static_assert(xg::trained.network.predict(ctnn::matrix<1, 2>{{1, 0}})(0, 0) > 0.9);
static_assert(xg::trained.network.predict(ctnn::matrix<1, 2>{{1, 1}})(0, 0) < 0.1);

}  // namespace
