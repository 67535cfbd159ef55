// logic_gates' AND network (2-1, sigmoid, binary cross-entropy, gradient descent at 2.0, 500
// full-batch epochs), trained by ctnn, equals the same arithmetic written out by hand, bit
// for bit: every sum in the same order, the same clipping, the same exp.
//
// The hand-written epoch is also a yardstick in docs/compile_time.md: no calls but exp's and
// the clipping's, no array written, so it is about the least an epoch of this network can
// cost a constant evaluator. Counted alone, with -DCTNN_BY_HAND_EPOCHS=N (the model is then not
// trained), at two values of N; the difference over the epochs is the cost of one.
#include <ctnn/math/exp.hpp>

#ifndef CTNN_BY_HAND_EPOCHS
#include <ctnn/models/logic_gates.hpp>
#endif

namespace {

struct gate {
    double w0, w1, b;
};

// p clipped to [1e-15, 1 - 1e-15], as the loss does.
constexpr double clip(double p) noexcept {
    return p < 1e-15 ? 1e-15 : (p > 0x1.ffffffffffff7p-1 ? 0x1.ffffffffffff7p-1 : p);
}
static_assert(0x1.ffffffffffff7p-1 == 1.0 - 1e-15);

constexpr double output(double x0, double x1, const gate& g) noexcept {
    return 1.0 / (1.0 + ctnn::math::exp(-((x0 * g.w0 + x1 * g.w1) + g.b)));
}

// The truth table's inputs are (0, 0), (0, 1), (1, 0), (1, 1); y its four answers.
// (The parameters are locals: a constant evaluator reads a member of a struct for more.)
constexpr gate train_by_hand(const gate& start, const double (&y)[4], int epochs) noexcept {
    const double x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
    double w0 = start.w0, w1 = start.w1, b = start.b;
    for (int e = 0; e < epochs; ++e) {
        const double a0 = 1.0 / (1.0 + ctnn::math::exp(-((x[0] * w0 + x[1] * w1) + b)));
        const double a1 = 1.0 / (1.0 + ctnn::math::exp(-((x[2] * w0 + x[3] * w1) + b)));
        const double a2 = 1.0 / (1.0 + ctnn::math::exp(-((x[4] * w0 + x[5] * w1) + b)));
        const double a3 = 1.0 / (1.0 + ctnn::math::exp(-((x[6] * w0 + x[7] * w1) + b)));
        // dL/da = (p - y) / (p (1 - p)) / 4, p = a clipped; the delta is dL/da * (a (1 - a)).
        // (Times 0.25 is dividing by 4, bit for bit, and costs less.)
        const double p0 = clip(a0), p1 = clip(a1), p2 = clip(a2), p3 = clip(a3);
        const double d0 = (p0 - y[0]) / (p0 * (1.0 - p0)) * 0.25 * (a0 * (1.0 - a0));
        const double d1 = (p1 - y[1]) / (p1 * (1.0 - p1)) * 0.25 * (a1 * (1.0 - a1));
        const double d2 = (p2 - y[2]) / (p2 * (1.0 - p2)) * 0.25 * (a2 * (1.0 - a2));
        const double d3 = (p3 - y[3]) / (p3 * (1.0 - p3)) * 0.25 * (a3 * (1.0 - a3));
        // Gradients summed over the samples in order, then one gradient-descent step each.
        const double g0 = ((x[0] * d0 + x[2] * d1) + x[4] * d2) + x[6] * d3;
        const double g1 = ((x[1] * d0 + x[3] * d1) + x[5] * d2) + x[7] * d3;
        const double gb = ((d0 + d1) + d2) + d3;
        w0 -= 2.0 * g0;
        w1 -= 2.0 * g1;
        b -= 2.0 * gb;
    }
    return {w0, w1, b};
}

constexpr double and_answers[4] = {0, 0, 0, 1};

#ifdef CTNN_BY_HAND_EPOCHS
// A start like logic_gates' (randn, seed 1); what an epoch costs hardly depends on it.
constexpr gate by_hand =
    train_by_hand({1.6243453636632417, -0.6117564136500754, 0.0}, and_answers, CTNN_BY_HAND_EPOCHS);
#else
namespace lg = ctnn::models::logic_gates;
constexpr const auto& start = lg::initial.layer<0>();
constexpr const auto& trained = lg::and_gate.network.layer<0>();
constexpr gate by_hand = train_by_hand({start.W.data[0], start.W.data[1], start.b.data[0]}, and_answers, 500);
static_assert(lg::and_gate.epochs == 500 && lg::recipe.optimizer.learning_rate == 2.0);
static_assert(by_hand.w0 == trained.W.data[0] && by_hand.w1 == trained.W.data[1] && by_hand.b == trained.b.data[0],
              "logic_gates' AND: ctnn's training and the same arithmetic by hand disagree");
// The answers the by-hand network gives are the model's too.
static_assert(output(0, 0, by_hand) < 0.5 && output(0, 1, by_hand) < 0.5 && output(1, 0, by_hand) < 0.5 &&
              output(1, 1, by_hand) > 0.5);
#endif

}  // namespace
