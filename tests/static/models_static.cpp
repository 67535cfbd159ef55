// The models beyond XOR, trained while this file compiles. Each header already
// static_asserts what its network learned; these checks add what the model's
// description promises and that the loss fell.
#include <cstddef>

#include <ctnn/models/logic_gates.hpp>
#include <ctnn/models/parity3.hpp>
#include <ctnn/models/sine.hpp>
#include <ctnn/models/three_classes.hpp>

namespace {

template <class Trained>
constexpr bool loss_fell(const Trained& t, double factor) {
    return t.loss_history.back() * factor < t.loss_history.front();
}

namespace lg = ctnn::models::logic_gates;
static_assert(loss_fell(lg::and_gate, 10) && loss_fell(lg::or_gate, 10) && loss_fell(lg::nand_gate, 10));
// The gates, asked one input at a time in constant expressions.
static_assert(lg::and_gate.network.predict(ctnn::matrix<1, 2>{{1, 1}})(0, 0) > 0.9);
static_assert(lg::or_gate.network.predict(ctnn::matrix<1, 2>{{0, 0}})(0, 0) < 0.1);
static_assert(lg::nand_gate.network.predict(ctnn::matrix<1, 2>{{1, 1}})(0, 0) < 0.1);

namespace p3 = ctnn::models::parity3;
static_assert(loss_fell(p3::trained, 100));
static_assert(p3::trained.epochs == 300 && p3::trained.loss_history.size() == 6);

namespace sn = ctnn::models::sine;
static_assert(loss_fell(sn::trained, 1000));
// sin(0) is 0; x = 0 lies between two training points, so this is interpolation.
static_assert(sn::trained.network.predict(ctnn::matrix<1, 1>{{0.0}})(0, 0) < 0.1 &&
              sn::trained.network.predict(ctnn::matrix<1, 1>{{0.0}})(0, 0) > -0.1);
// sin(pi/2) = 1.
static_assert(sn::trained.network.predict(ctnn::matrix<1, 1>{{1.5707963267948966}})(0, 0) > 0.85);

namespace tc = ctnn::models::three_classes;
static_assert(loss_fell(tc::trained, 20));
// Softmax outputs are probabilities.
static_assert([] {
    for (std::size_t i = 0; i < 12; ++i) {
        const double sum = tc::probabilities(i, 0) + tc::probabilities(i, 1) + tc::probabilities(i, 2);
        if (!(sum > 1.0 - 1e-12 && sum < 1.0 + 1e-12)) return false;
    }
    return true;
}());
// A new point near (1, 1) belongs to class 1.
static_assert([] {
    const auto p = tc::trained.network.predict(ctnn::matrix<1, 2>{{0.95, 1.05}});
    return p(0, 1) > p(0, 0) && p(0, 1) > p(0, 2);
}());

}  // namespace
