// Compiled only: if this translation unit builds, the generators work in constant
// evaluation and reproduce std::mt19937 and numpy bit for bit.

#include <ctnn/random.hpp>

#include "data/permutation_reference.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace {

using ctnn::random::mt19937;
using ctnn::random::numpy_random_state;
namespace numpy_perm = ctnn_test::numpy_permutation;

static_assert(std::uniform_random_bit_generator<mt19937>);
static_assert(mt19937::min() == 0u && mt19937::max() == 0xffffffffu);

constexpr std::uint32_t nth_output(std::uint32_t seed, unsigned long long n) {
    mt19937 g{seed};
    g.discard(n - 1);
    return g();
}

// The C++ standard's check on std::mt19937 ([rand.predef]): the 10000th output of a
// default-constructed engine is 4123659995.
static_assert([] {
    mt19937 g;
    g.discard(9999);
    return g();
}() == 4123659995u);
static_assert(nth_output(mt19937::default_seed, 1) == 3499211612u);
// First outputs of std::mt19937(seed) (and of numpy's RandomState(seed)); 625 crosses the
// second twist, so the wrap-around in the state update is exercised too.
static_assert(nth_output(0u, 1) == 2357136044u);
static_assert(nth_output(42u, 1) == 1608637542u);
static_assert(nth_output(4294967295u, 1) == 419326371u);
static_assert(nth_output(42u, 625) == 108880612u);

// A copy continues the same stream independently (copy construction; copy assignment of
// a class holding an array is something Clang 19's new constant interpreter rejects).
static_assert([] {
    mt19937 a{7u};
    a.discard(700);
    mt19937 b{a};
    const auto a1 = a();
    const auto a2 = a();
    return b() == a1 && b() == a2;
}());
// The seeding waits for the first draw; a copy made before it draws the same stream.
static_assert([] {
    mt19937 a{42u};
    mt19937 b{a};
    return a() == 1608637542u && b() == 1608637542u;
}());

// numpy: np.random.seed(42); np.random.randn(12). The literals come from numpy itself.
constexpr std::array<double, 12> numpy_seed42{
    0.4967141530112327,   -0.13826430117118466, 0.6476885381006925,  1.5230298564080254,
    -0.23415337472333597, -0.23413695694918055, 1.5792128155073915,  0.7674347291529088,
    -0.4694743859349521,  0.5425600435859647,   -0.46341769281246226, -0.46572975357025687};

constexpr bool equal(const std::array<double, 12>& a, const std::array<double, 12>& b) {
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i])) {
            return false;
        }
    }
    return true;
}

// One value at a time.
constexpr std::array<double, 12> one_by_one = [] {
    numpy_random_state rs{42};
    std::array<double, 12> out{};
    for (double& x : out) {
        x = rs.randn();
    }
    return out;
}();
static_assert(one_by_one[0] == 0.4967141530112327);
static_assert(one_by_one[1] == -0.13826430117118466);
static_assert(one_by_one[2] == 0.6476885381006925);
static_assert(one_by_one[3] == 1.5230298564080254);
static_assert(one_by_one[4] == -0.23415337472333597);
static_assert(one_by_one[5] == -0.23413695694918055);
static_assert(one_by_one[6] == 1.5792128155073915);
static_assert(one_by_one[7] == 0.7674347291529088);
static_assert(one_by_one[8] == -0.4694743859349521);
static_assert(one_by_one[9] == 0.5425600435859647);
static_assert(one_by_one[10] == -0.46341769281246226);
static_assert(one_by_one[11] == -0.46572975357025687);

// As the seed's XOR network draws them: W1 = randn(2, 4), then W2 = randn(4, 1), the
// cached second normal carrying over between the two calls.
static_assert([] {
    numpy_random_state rs{42};
    const auto w1 = rs.randn_array<2, 4>();
    const auto w2 = rs.randn_array<4>();
    std::array<double, 12> all{};
    for (std::size_t i = 0; i < 8; ++i) {
        all[i] = w1[i];
    }
    for (std::size_t i = 0; i < 4; ++i) {
        all[8 + i] = w2[i];
    }
    return equal(all, numpy_seed42);
}());

// fill_randn on a plain C array, an odd count first so the cache is mid-pair.
static_assert([] {
    numpy_random_state rs{42};
    double a[3]{};
    double b[9]{};
    rs.fill_randn(a);
    rs.fill_randn(b);
    std::array<double, 12> all{};
    for (std::size_t i = 0; i < 3; ++i) {
        all[i] = a[i];
    }
    for (std::size_t i = 0; i < 9; ++i) {
        all[3 + i] = b[i];
    }
    return equal(all, numpy_seed42);
}());

// numpy: np.random.seed(42); np.random.random_sample(2).
static_assert([] {
    numpy_random_state rs{42};
    return rs.random_sample() == 0.3745401188473625 && rs.random_sample() == 0.9507143064099162;
}());

// Shuffles, against numpy's generated values (tests/reference/permutation_reference.py).
template <std::size_t N>
constexpr bool permutations_match(const std::size_t (&expected)[4][N]) {
    for (std::size_t s = 0; s < 4; ++s) {
        numpy_random_state rs{numpy_perm::seeds[s]};
        const auto p = rs.permutation<N>();
        for (std::size_t i = 0; i < N; ++i) {
            if (p[i] != expected[s][i]) {
                return false;
            }
        }
    }
    return true;
}
static_assert(permutations_match(numpy_perm::perm_1));
static_assert(permutations_match(numpy_perm::perm_10));
static_assert(permutations_match(numpy_perm::perm_150));

// A training run's epochs: successive permutations continue one stream. (Indices, not a
// range-for over the 2-D array: Clang 19's new interpreter misreads the latter.)
static_assert([] {
    numpy_random_state rs{7};
    for (std::size_t e = 0; e < 3; ++e) {
        const auto p = rs.permutation<10>();
        for (std::size_t i = 0; i < 10; ++i) {
            if (p[i] != numpy_perm::epochs[e][i]) {
                return false;
            }
        }
    }
    return true;
}());

}  // namespace
