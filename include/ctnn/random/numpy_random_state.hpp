#pragma once
// numpy's legacy normal generator, constexpr: after `numpy_random_state rs{s};` the values
// of rs.randn() are, bit for bit, those of `np.random.seed(s); np.random.randn(...)`.
// That lets a network initialised at compile time start from exactly the weights the numpy
// reference script starts from.
//
// The legacy RandomState stream (kept frozen by numpy for reproducibility) is:
//   * an MT19937 seeded with init_genrand(s) for an integer seed 0 <= s < 2**32;
//   * 53-bit doubles in [0, 1) built from two 32-bit draws;
//   * normals from the polar Box-Muller method with rejection, which yields two values per
//     accepted pair: the second is cached and returned by the next call;
//   * shuffles and permutations by Fisher-Yates from the back with masked rejection
//     sampling of each index (random_interval), drawing 32-bit words.
// Every floating-point operation below is written in the same order as numpy's so that each
// intermediate rounds the same way; log and sqrt come from ctnn::math, which (unlike
// <cmath>) is usable in constant expressions. numpy's log is the C library's, which is not
// always correctly rounded (glibc's differs from the correctly rounded result for about one
// input in a thousand): where ctnn::math::log rounds the other way, that pair of normals
// differs from numpy's in the last bit. tests/data/randn_reference.hpp lists such cases.

#include <array>
#include <cstddef>
#include <cstdint>
#include <ranges>

#include <ctnn/math/log.hpp>
#include <ctnn/math/sqrt.hpp>
#include <ctnn/random/mt19937.hpp>

namespace ctnn::random {

class numpy_random_state {
public:
    constexpr explicit numpy_random_state(std::uint32_t seed) noexcept : mt_(seed) {}

    // np.random.random_sample(): uniform on [0, 1) with 53 random bits (27 + 26 of them).
    constexpr double random_sample() noexcept {
        const std::uint32_t a = mt_() >> 5;
        const std::uint32_t b = mt_() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    // One value of np.random.randn() / standard_normal().
    constexpr double randn() noexcept {
        if (has_gauss_) {
            has_gauss_ = false;
            return gauss_;
        }
        double x1 = 0.0;
        double x2 = 0.0;
        double r2 = 0.0;
        // Rejection keeps (x1, x2) uniform in the unit disc; r2 == 0 would divide by zero.
        do {
            x1 = 2.0 * random_sample() - 1.0;
            x2 = 2.0 * random_sample() - 1.0;
            // Two statements, so that no compiler contracting within an expression (Clang's
            // default) fuses them into an fma, which rounds once instead of twice as numpy
            // does. GCC contracts across statements too unless given -ffp-contract=off.
            const double x1_squared = x1 * x1;
            const double x2_squared = x2 * x2;
            r2 = x1_squared + x2_squared;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = ctnn::math::sqrt(-2.0 * ctnn::math::log(r2) / r2);
        gauss_ = f * x1;
        has_gauss_ = true;
        return f * x2;
    }

    // Fills any range of doubles (std::array, C array, std::span...) in iteration order; for
    // a row-major rows x cols buffer that is np.random.randn(rows, cols), drawn in C order.
    template <class Range>
    constexpr void fill_randn(Range&& out) noexcept {
        for (double& x : out) {
            x = randn();
        }
    }

    // np.random.randn(Rows, Cols) as a row-major std::array (Cols = 1 for randn(Rows)).
    template <std::size_t Rows, std::size_t Cols = 1>
    constexpr std::array<double, Rows * Cols> randn_array() noexcept {
        std::array<double, Rows * Cols> out{};
        fill_randn(out);
        return out;
    }

    // numpy's legacy random_interval(max): uniform on [0, max], by drawing 32-bit words masked
    // to the smallest all-ones mask >= max until one is <= max. (numpy switches to 64-bit
    // draws above 2^32 - 1; a std::uint32_t max never gets there.)
    constexpr std::uint32_t random_interval(std::uint32_t max) noexcept {
        if (max == 0) return 0;
        std::uint32_t mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        std::uint32_t value = mt_() & mask;
        while (value > max) value = mt_() & mask;
        return value;
    }

    // RandomState.shuffle of a one-dimensional array (Fisher-Yates from the back: for
    // i = n-1 down to 1, swap x[i] with x[random_interval(i)]). Any random-access range.
    // random_interval is written out: its mask only shrinks as i falls, by one bit where i
    // falls below a power of two, and computing it anew for every i (five shifts and ors)
    // and calling cost constant evaluators 13 % of a permutation (clang++ 14, callgrind).
    template <class Range>
    constexpr void shuffle(Range&& x) noexcept {
        const auto first = std::ranges::begin(x);
        const auto n = static_cast<std::size_t>(std::ranges::size(x));
        std::uint32_t mask = 0xffffffffu;
        for (std::size_t i = n; i-- > 1;) {
            while ((mask >> 1) >= i) mask >>= 1;
            std::uint32_t j = mt_() & mask;
            while (j > i) j = mt_() & mask;
            auto t = first[static_cast<std::ptrdiff_t>(i)];
            first[static_cast<std::ptrdiff_t>(i)] = first[static_cast<std::ptrdiff_t>(j)];
            first[static_cast<std::ptrdiff_t>(j)] = t;
        }
    }

    // RandomState.permutation(N): 0, 1, ..., N-1 shuffled as above.
    template <std::size_t N>
    constexpr std::array<std::size_t, N> permutation() noexcept {
        static_assert(N <= 0xffffffffu, "ctnn::random: permutations are limited to 2^32 elements");
        std::array<std::size_t, N> out{};
        for (std::size_t i = 0; i < N; ++i) out[i] = i;
        shuffle(out);
        return out;
    }

private:
    mt19937 mt_;
    double gauss_ = 0.0;
    bool has_gauss_ = false;
};

}  // namespace ctnn::random
