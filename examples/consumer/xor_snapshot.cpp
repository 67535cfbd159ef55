// The XOR network from a snapshot: the same constants as xor_trained.cpp, but this TU
// only reads them, so it compiles in a fraction of the time (no training here).
#include <cstddef>
#include <cstdio>

#include <consumer_xor_snapshot.hpp>  // generated at build time by write_snapshot.cpp

namespace snap = consumer::xor_weights;

constexpr double w = snap::network.layer<0>().W(0, 3);
static_assert(w > 6.0115187 && w < 6.0115188);

constexpr auto xor_table = snap::network.predict(ctnn::matrix<4, 2>{{0, 0, 0, 1, 1, 0, 1, 1}});
static_assert(xor_table(0, 0) < 0.1 && xor_table(1, 0) > 0.9 && xor_table(2, 0) > 0.9 && xor_table(3, 0) < 0.1);

int main() {
    std::printf("XOR network from a snapshot, W1[0][3] = %.8f\n", w);
    int failures = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const double x1 = static_cast<double>(i / 2), x2 = static_cast<double>(i % 2);
        const double p = snap::network.predict(ctnn::matrix<1, 2>{{x1, x2}})(0, 0);
        std::printf("XOR(%g, %g) = %.8f\n", x1, x2, p);
        failures += (p > 0.5) != ((i == 1) || (i == 2)) || p != xor_table(i, 0);
    }
    return failures == 0 ? 0 : 1;
}
