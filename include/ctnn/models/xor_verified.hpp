#pragma once
// What the compiler proves about the seed's XOR network (models/xor.hpp), over whole
// regions of inputs rather than at the four training points: every static_assert below
// is a theorem about ctnn::models::xor_gate::trained.network as ctnn computes it in
// floating point, proved while this header compiles (docs/verification.md).
//
// The four certified radii are the largest L-infinity radii, in steps of 1/1024, around
// each corner of the truth table within which the output is proved to stay on the
// corner's side of 0.5.
#include <ctnn/models/xor.hpp>
#include <ctnn/verification.hpp>

namespace ctnn::models::xor_gate::verified {

namespace v = ctnn::verification;

// XOR(x) = 1 means an output above 0.5, XOR(x) = 0 one below.
inline constexpr v::output_above gives_1{0, 0.5};
inline constexpr v::output_below gives_0{0, 0.5};

inline constexpr v::box<2> unit_square{{{0.0, 1.0}, {0.0, 1.0}}};

// Every input within 0.1 of (0, 1) or (1, 0) gives > 0.5, within 0.1 of (0, 0) or (1, 1) < 0.5.
static_assert(v::prove(trained.network, v::linf_ball(matrix<1, 2>{{0, 1}}, 0.1), gives_1).proved());
static_assert(v::prove(trained.network, v::linf_ball(matrix<1, 2>{{1, 0}}, 0.1), gives_1).proved());
static_assert(v::prove(trained.network, v::linf_ball(matrix<1, 2>{{0, 0}}, 0.1), gives_0).proved());
static_assert(v::prove(trained.network, v::linf_ball(matrix<1, 2>{{1, 1}}, 0.1), gives_0).proved());

// ... and not all of [0, 1]^2 gives > 0.5: the proof search finds an input that gives less.
inline constexpr auto not_everywhere_1 = v::prove(trained.network, unit_square, gives_1);
static_assert(not_everywhere_1.disproved());
static_assert(trained.network.predict(not_everywhere_1.counterexample)(0, 0) < 0.5);

// The certified radii around the corners, each a constant of its own with a function
// definition after it, where GCC collects the garbage of the evaluation before (see
// models/xor.hpp). (The largest squares of [0, 1]^2 at the corners, the same search with
// the balls cut down to the square, cost about three times as much to prove: they are
// computed at run time by examples/xor_verified_picture.cpp and reported in
// docs/verification.md.)
inline constexpr auto radius_00 = v::certified_radius(trained.network, matrix<1, 2>{{0, 0}}, gives_0);
inline void collect_garbage_1() {}
inline constexpr auto radius_01 = v::certified_radius(trained.network, matrix<1, 2>{{0, 1}}, gives_1);
inline void collect_garbage_2() {}
inline constexpr auto radius_10 = v::certified_radius(trained.network, matrix<1, 2>{{1, 0}}, gives_1);
inline void collect_garbage_3() {}
inline constexpr auto radius_11 = v::certified_radius(trained.network, matrix<1, 2>{{1, 1}}, gives_0);

static_assert(radius_00.certified && radius_01.certified && radius_10.certified && radius_11.certified);
static_assert(radius_00.radius >= 0.25 && radius_01.radius >= 0.25 && radius_10.radius >= 0.25 &&
              radius_11.radius >= 0.25);
// One step of 1/1024 further, three of the four are disproved: the network itself gives
// the other side there (the counterexample is checked), so those radii are the network's
// exact robust radii, to 1/1024; (0, 1)'s next step is undecided within the limits.
static_assert(radius_00.beyond == v::verdict::disproved && radius_10.beyond == v::verdict::disproved &&
              radius_11.beyond == v::verdict::disproved);
static_assert(trained.network.predict(radius_00.counterexample)(0, 0) >= 0.5);
static_assert(trained.network.predict(radius_10.counterexample)(0, 0) <= 0.5);
static_assert(trained.network.predict(radius_11.counterexample)(0, 0) >= 0.5);

}  // namespace ctnn::models::xor_gate::verified
