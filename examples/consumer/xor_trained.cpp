// A program outside ctnn's tree that reads the XOR network the compiler trains, in
// constant expressions, and checks it with static_assert before it ever runs.
#include <cstddef>
#include <cstdio>
#include <string_view>

#include <ctnn/models/xor.hpp>
#include <ctnn/version.hpp>

namespace xg = ctnn::models::xor_gate;

#ifdef CONSUMER_EXPECTED_CTNN_VERSION
static_assert(std::string_view(CTNN_VERSION_STRING) == CONSUMER_EXPECTED_CTNN_VERSION,
              "the installed headers are not the version find_package(ctnn) found");
#endif

// The weights are constants: the seed printed 6.01151874 for W1[0][3] and -1.53894177 for b2.
constexpr double w = xg::trained.network.layer<0>().W(0, 3);
static_assert(w > 6.0115187 && w < 6.0115188);
constexpr double b2 = xg::trained.network.layer<1>().b(0, 0);
static_assert(b2 > -1.5389418 && b2 < -1.5389417);
static_assert(xg::trained.loss_history.back() < 0.004, "the training converged");

// The network predicts inside constant expressions.
constexpr auto xor_table = xg::trained.network.predict(ctnn::matrix<4, 2>{{0, 0, 0, 1, 1, 0, 1, 1}});
static_assert(xor_table(0, 0) < 0.1 && xor_table(1, 0) > 0.9 && xor_table(2, 0) > 0.9 && xor_table(3, 0) < 0.1);

int main() {
    std::printf("ctnn %s: XOR network trained by the compiler, W1[0][3] = %.8f\n", CTNN_VERSION_STRING, w);
    int failures = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const double x1 = xg::data.x(i, 0), x2 = xg::data.x(i, 1);
        // Run time: the same prediction again, from the same constants.
        const double p = xg::trained.network.predict(ctnn::matrix<1, 2>{{x1, x2}})(0, 0);
        std::printf("XOR(%g, %g) = %.8f\n", x1, x2, p);
        failures += (p > 0.5) != (xg::data.y(i, 0) > 0.5) || p != xor_table(i, 0);
    }
    return failures == 0 ? 0 : 1;
}
