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

    // init_genrand: the seeding both std::mt19937(seed) and numpy's np.random.seed(int) use.
    constexpr explicit mt19937(std::uint32_t seed) noexcept {
        state_[0] = seed;
        for (std::size_t i = 1; i < state_size; ++i) {
            const std::uint32_t prev = state_[i - 1];
            state_[i] = 1812433253u * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
        }
        // Start exhausted so the first draw twists, as the reference implementations do.
        index_ = state_size;
    }

    constexpr result_type operator()() noexcept {
        if (index_ >= state_size) {
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

    static constexpr std::uint32_t mix(std::uint32_t upper, std::uint32_t lower,
                                       std::uint32_t far) noexcept {
        const std::uint32_t y = (upper & upper_mask_) | (lower & lower_mask_);
        return far ^ (y >> 1) ^ ((y & 1u) != 0u ? matrix_a_ : 0u);
    }

    // Regenerates all 624 words in place, once per 624 draws. The loop is split at the
    // wrap-around points instead of using `% state_size`, which keeps constant evaluation
    // cheap; the in-place order matters, since later words read already-updated ones.
    constexpr void twist() noexcept {
        std::size_t i = 0;
        for (; i < state_size - shift_; ++i) {
            state_[i] = mix(state_[i], state_[i + 1], state_[i + shift_]);
        }
        for (; i < state_size - 1; ++i) {
            state_[i] = mix(state_[i], state_[i + 1], state_[i + shift_ - state_size]);
        }
        state_[i] = mix(state_[i], state_[0], state_[shift_ - 1]);
        index_ = 0;
    }

    // A built-in array rather than std::array: every std::array::operator[] is a function
    // call in constant evaluation, which made a twist about three times as expensive.
    std::uint32_t state_[state_size]{};
    std::size_t index_ = state_size;
};

}  // namespace ctnn::random
