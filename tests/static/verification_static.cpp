// Compile-time tests of ctnn's verification (include/ctnn/verification/): the bounds, the
// proofs and the radii computed by the compiler, on networks small enough to check by
// hand, and the XOR model's certified properties (models/xor_verified.hpp).
#include <ctnn/models/xor_verified.hpp>
#include <ctnn/verification.hpp>

namespace {

namespace v = ctnn::verification;
using ctnn::matrix;

// --- the steps between doubles ---
namespace ulp = ctnn::verification::detail;
static_assert(ulp::next_up(1.0) == 1.0 + 0x1p-52 && ulp::next_down(1.0) == 1.0 - 0x1p-53);
static_assert(ulp::next_up(-1.0) == -1.0 + 0x1p-53 && ulp::next_down(-1.0) == -1.0 - 0x1p-52);
static_assert(ulp::next_up(0.0) == 0x1p-1074 && ulp::next_down(0.0) == -0x1p-1074);
static_assert(ulp::next_down(0x1p-1074) == 0.0 && ulp::next_up(0x1p-1074) == 0x1p-1073);
static_assert(ulp::next_down(0x1p-1022) == 0x1p-1022 - 0x1p-1074);  // into the subnormals
static_assert(ulp::next_up(0x1p-1022 - 0x1p-1074) == 0x1p-1022);
static_assert(ulp::next_up(0x1.fffffffffffffp+1023) == ulp::infinity);
static_assert(ulp::next_down(ulp::infinity) == 0x1.fffffffffffffp+1023);
static_assert(ulp::next_up(0.1) == 0x1.999999999999bp-4 && ulp::next_down(0.1) == 0x1.9999999999999p-4);
// Directed sums: 1 + 2^-60 is not a double; rounded down it is 1, up the next double.
static_assert(ulp::add_down(1.0, 0x1p-60) == 1.0 && ulp::add_up(1.0, 0x1p-60) == 1.0 + 0x1p-52);
static_assert(ulp::add_down(1.0, -0x1p-60) == 1.0 - 0x1p-53 && ulp::add_up(1.0, -0x1p-60) == 1.0);
static_assert(ulp::add_down(0.5, 0.25) == 0.75 && ulp::add_up(0.5, 0.25) == 0.75);  // exact: unchanged

// --- dense layers: the bounds are the outputs at the vertices the weights' signs pick ---
// z = 1 x0 - 2 x1 + 0.5 over [0, 1]^2: smallest at (0, 1), -1.5; largest at (1, 0), 1.5.
using linear = ctnn::network<ctnn::dense<2, 1, ctnn::identity>>;
constexpr linear line{{ctnn::dense<2, 1, ctnn::identity>{{{1.0, -2.0}}, {{0.5}}}}};
constexpr auto line_bounds = v::output_bounds(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}});
static_assert(line_bounds[0] == v::interval{-1.5, 1.5});
static_assert(line_bounds[0].lo == line.predict(matrix<1, 2>{{0.0, 1.0}})(0, 0));
static_assert(line_bounds[0].hi == line.predict(matrix<1, 2>{{1.0, 0.0}})(0, 0));

// ReLU and leaky ReLU after it: [-1.5, 1.5] -> [0, 1.5] and [-0.15, 1.5].
using rectified = ctnn::network<ctnn::dense<2, 2, ctnn::identity>, ctnn::dense<2, 2, ctnn::relu>,
                                ctnn::dense<2, 1, ctnn::leaky_relu<1, 10>>>;
constexpr rectified stack{{ctnn::dense<2, 2, ctnn::identity>{{{1.0, 0.0, -2.0, 0.0}}, {{0.5, 0.0}}},
                           ctnn::dense<2, 2, ctnn::relu>{{{1.0, 0.0, 0.0, 0.0}}, {{0.0, 0.0}}},
                           ctnn::dense<2, 1, ctnn::leaky_relu<1, 10>>{{{1.0, 0.0}}, {{-0.5}}}}};
constexpr auto stack_bounds = v::output_bounds(stack, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}});
static_assert(stack_bounds[0].lo == 0.1 * -0.5 && stack_bounds[0].hi == 1.0);

// A degenerate box: the bounds of a sigmoid hold the network's output there, and are
// within a few parts in 10^15 of it (only exp's error is allowed for).
constexpr auto point_bounds =
    v::output_bounds(ctnn::models::xor_gate::trained.network, v::box<2>{{{0.25, 0.25}, {0.75, 0.75}}});
constexpr double point_output = ctnn::models::xor_gate::trained.network.predict(matrix<1, 2>{{0.25, 0.75}})(0, 0);
static_assert(point_bounds[0].contains(point_output));
static_assert(point_bounds[0].width() < 1e-14 && point_bounds[0].width() > 0);

// Sigmoid and tanh far out: the bounds stay inside the functions' ranges.
using squash = ctnn::network<ctnn::dense<1, 2, ctnn::sigmoid>, ctnn::dense<2, 2, ctnn::tanh>>;
constexpr squash sq{{ctnn::dense<1, 2, ctnn::sigmoid>{{{1000.0, -1000.0}}, {{0.0, 0.0}}},
                     ctnn::dense<2, 2, ctnn::tanh>{{{30.0, 0.0, 0.0, -30.0}}, {{-15.0, 15.0}}}}};
constexpr auto far = v::output_bounds(sq, v::box<1>{{{-1.0, 1.0}}});
static_assert(far[0].lo >= -1.0 && far[0].hi <= 1.0 && far[0].lo < -0.999 && far[0].hi > 0.999);
static_assert(far[1].lo >= -1.0 && far[1].hi <= 1.0 && far[1].lo < -0.999 && far[1].hi > 0.999);

// Softmax: every bound in [0, 1], each output's interval holds its value at the centre.
using classes = ctnn::network<ctnn::dense<2, 3, ctnn::softmax>>;
constexpr classes cls{{ctnn::dense<2, 3, ctnn::softmax>{{{2.0, -1.0, 0.0, 0.0, 1.0, -1.0}}, {{0.0, 0.0, 0.5}}}}};
constexpr v::box<2> cls_box{{{0.0, 0.5}, {-0.25, 0.25}}};
constexpr auto cls_bounds = v::output_bounds(cls, cls_box);
constexpr auto cls_centre = cls.predict(cls_box.centre());
static_assert([] {
    for (std::size_t i = 0; i < 3; ++i)
        if (!(cls_bounds[i].lo >= 0 && cls_bounds[i].hi <= 1 && cls_bounds[i].contains(cls_centre(0, i)))) return false;
    return true;
}());

// --- proofs ---
// z = x0 - 2 x1 + 0.5 > -1.6 on [0, 1]^2 is proved by one interval pass; > -1.4 is false.
static_assert(v::prove(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}}, v::output_above{0, -1.6}).proved());
static_assert(v::prove(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}}, v::output_above{0, -1.6}).boxes == 1);
constexpr auto false_claim = v::prove(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}}, v::output_above{0, -1.4});
static_assert(false_claim.disproved());
static_assert(!(line.predict(false_claim.counterexample)(0, 0) > -1.4));
// With no room to split, the same question is undecided.
// (The box's centre gives 0 > -1.4: no counterexample without splitting.)
static_assert(v::prove(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}}, v::output_above{0, -1.4}, {.max_depth = 0})
                  .undecided());
static_assert(v::prove(line, v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}}, v::output_below{0, 1.6}).proved());
// Around (1, 0) the logits are near (2, -1, 0.5): class 0 by a wide margin, proved at once.
constexpr v::box<2> class_0_box{{{0.9, 1.1}, {-0.1, 0.1}}};
static_assert(v::prove(cls, class_0_box, v::classified_as{0}).proved());
static_assert(v::prove(cls, class_0_box, v::classified_as{0}).boxes == 1);
static_assert(v::prove(cls, class_0_box, v::classified_as{2}).disproved());

// --- robustness: a linear network's radius is known exactly ---
// z = x0 - 2 x1 + 0.5 > 0 around (0, 0), where z = 0.5: the worst input in the ball of
// radius r is (-r, r), z = 0.5 - 3r, so the certified radius is the largest multiple of
// 1/1024 below 1/6: 170/1024; at 171/1024 the network itself gives < 0.
constexpr auto line_radius = v::certified_radius(line, matrix<1, 2>{{0.0, 0.0}}, v::output_above{0, 0.0});
static_assert(line_radius.certified && line_radius.radius == 170.0 / 1024);
static_assert(line_radius.beyond == v::verdict::disproved);
static_assert(line.predict(line_radius.counterexample)(0, 0) <= 0.0);
// Within the domain [0, 1]^2 the worst input is (0, r): z = 0.5 - 2r, radius 255/1024 (at
// 256/1024 only the corner (0, 1/4) gives 0, which no piece's centre hits: undecided).
constexpr auto line_square = v::certified_radius(line, matrix<1, 2>{{0.0, 0.0}}, v::output_above{0, 0.0},
                                                 v::box<2>{{{0.0, 1.0}, {0.0, 1.0}}});
static_assert(line_square.radius == 255.0 / 1024 && line_square.beyond != v::verdict::proved);

// --- the XOR model's certified properties are in models/xor_verified.hpp; its radii: ---
namespace xv = ctnn::models::xor_gate::verified;
static_assert(xv::radius_00.radius > 0.1 && xv::radius_01.radius > 0.1 && xv::radius_10.radius > 0.1 &&
              xv::radius_11.radius > 0.1);

}  // namespace
