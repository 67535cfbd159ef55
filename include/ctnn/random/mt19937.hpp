#pragma once
// A constexpr 32-bit Mersenne Twister (Matsumoto & Nishimura, 1998), written so that its
// output stream is the one of std::mt19937 and of numpy's legacy RandomState for the same
// 32-bit seed. std::mt19937 itself cannot be used: it is not constexpr.

#include <cstddef>
#include <cstdint>

namespace ctnn::random {

class mt19937 {
public:
    using result_type = std::uint32_t;

    static constexpr std::size_t state_size = 624;
    static constexpr std::uint32_t default_seed = 5489u;

    static constexpr result_type min() noexcept { return 0u; }
    static constexpr result_type max() noexcept { return 0xffffffffu; }

    constexpr mt19937() noexcept : mt19937(default_seed) {}

    // The seeding (init_genrand, which both std::mt19937(seed) and numpy's np.random.seed(int)
    // use) waits for the first draw: a generator that is never drawn from, such as the
    // shuffle generator every training run carries whether it shuffles or not, then costs a
    // constant evaluator nothing, where a seeding costs it 624 steps (~15 M instructions on
    // clang++ 14). The stream is the same.
    constexpr explicit mt19937(std::uint32_t seed) noexcept : seed_{seed} {}

    constexpr result_type operator()() noexcept {
        if (index_ >= 624) {
            if (index_ != 624) seed_state();
            twist();
        }
        std::uint32_t y = state_[index_++];
        // Tempering: improves the equidistribution of the high bits of each word.
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    constexpr void discard(unsigned long long n) noexcept {
        for (; n != 0; --n) {
            (void)(*this)();
        }
    }

private:
    static constexpr std::size_t shift_ = 397;  // the "middle word" offset m
    static constexpr std::uint32_t matrix_a_ = 0x9908b0dfu;
    static constexpr std::uint32_t upper_mask_ = 0x80000000u;
    static constexpr std::uint32_t lower_mask_ = 0x7fffffffu;
    static_assert(state_size == 624 && state_size - shift_ == 227 && shift_ - 1 == 396 && matrix_a_ == 0x9908b0dfu &&
                      upper_mask_ == 0x80000000u && lower_mask_ == 0x7fffffffu,
                  "the literals in the seeding and in twist() are these constants");

    // Here and in twist(), the sizes and constants are literals (static_asserted equal to the
    // named ones above) and each word is carried in a local rather than read back: Clang 14
    // reads a static data member for ~3 k instructions, a literal for next to nothing.
    // Spelled so, a seeding and the first twist cost clang++ 14 ~44 M instructions instead
    // of ~66 M, clang++ 19's new interpreter ~19 M instead of ~28 M, g++ ~33 M instead of
    // ~42 M (callgrind, 2026-12-07).
    constexpr void seed_state() noexcept {
        std::uint32_t word = seed_;
        state_[0] = word;
        for (std::uint32_t i = 1; i < 624; ++i) {
            word = 1812433253u * (word ^ (word >> 30)) + i;
            state_[i] = word;
        }
    }

    // Regenerates all 624 words in place, once per 624 draws: word i becomes word i + 397
    // (wrapping around) xor the twisted upper bit of word i and lower bits of word i + 1.
    // The loop is split at the wrap-around instead of using `% 624`, and the function
    // written out: both cost a constant evaluator more than the arithmetic. The in-place
    // order matters: the second loop reads words the first one updated.
    constexpr void twist() noexcept {
        std::uint32_t upper = state_[0];
        std::size_t i = 0;
        for (; i < 227; ++i) {  // 624 - 397
            const std::uint32_t lower = state_[i + 1];
            const std::uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
            state_[i] = state_[i + 397] ^ (y >> 1) ^ (0x9908b0dfu * (y & 1u));
            upper = lower;
        }
        for (; i < 623; ++i) {
            const std::uint32_t lower = state_[i + 1];
            const std::uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
            state_[i] = state_[i - 227] ^ (y >> 1) ^ (0x9908b0dfu * (y & 1u));
            upper = lower;
        }
        const std::uint32_t y = (upper & 0x80000000u) | (state_[0] & 0x7fffffffu);
        state_[623] = state_[396] ^ (y >> 1) ^ (0x9908b0dfu * (y & 1u));
        index_ = 0;
    }

    // A built-in array rather than std::array: every std::array::operator[] is a function
    // call in constant evaluation, which made a twist about three times as expensive.
    std::uint32_t state_[state_size]{};
    std::size_t index_ = state_size + 1;  // past the end: not seeded yet (state_size: seeded, exhausted)
    std::uint32_t seed_;
};

}  // namespace ctnn::random
