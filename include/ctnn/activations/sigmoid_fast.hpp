#pragma once
// The logistic function for fast training at run time: 1 / (1 + e^-z) with an exp that an
// optimising compiler vectorises.
//
// It has ctnn::sigmoid's interface, so it can stand in for it in any layer, but:
//   - it is for run time only: it is not constexpr (it takes doubles apart with
//     std::bit_cast, which Clang 19's new constant interpreter rejects), so a network with
//     it cannot be trained by the compiler;
//   - its exp is not ctnn::math::exp: the sigmoid is within 1e-15 relative (a few ulp) of
//     1 / (1 + e^-z) with the C library's exp, but not the same bits, so a network trained
//     with it drifts from the compile-time one by rounding (for the seed's XOR, by ~3e-14
//     in the final weights: bench/train_bench.cpp prints it; tests/runtime/
//     sigmoid_fast_test.cpp checks both);
//   - from |z| = 708 on it returns exactly 0 or 1 (e^-z would leave the normal range; the
//     sigmoid is within 3.4e-308 of 0 or 1 there).
// It vectorises where the target has 64-bit integer compares (x86-64 from SSE4.2 on, e.g.
// -march=native), because it has no table (ctnn::math::exp reads 2^(j/512) from one, and
// gathering table entries is what SIMD does badly), no branch and no call. The range is
// reduced by whole powers of two only, e^t = 2^k e^r with |r| <= ln 2 / 2, which needs a
// longer polynomial (degree 12 rather than ctnn::math::exp's 4), still cheaper than the
// gathers; the layers' vectorized kernels then apply it to a whole batch at once.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace ctnn {

struct sigmoid_fast {
    static double apply(double z) noexcept {
        const double t = -z;
        // k = round(t / ln 2): adding 1.5 * 2^52 leaves k in the low bits of the sum.
        const double shifted = mul_add(t, 0x1.71547652b82fep+0, 0x1.8p52);
        const double k = shifted - 0x1.8p52;
        // r = t - k ln 2, with ln 2 = hi + lo and hi short enough for k * hi to be exact.
        const double r = mul_add(-k, -0x1.718432a1b0e26p-35, mul_add(-k, 0x1.62e42ff000000p-1, t));
        // e^r by its Taylor series to r^12 / 12!: |r|^13 / 13! < 1.7e-16 for |r| <= ln 2 / 2.
        // Evaluated in Estrin's scheme, pairs of terms combined by powers r^2, r^4, r^8,
        // rather than Horner's: a training epoch is a chain of dependent sigmoids, so
        // latency counts, and this takes 4 multiply-adds in sequence where Horner takes 12.
        const double r2 = r * r;
        const double r4 = r2 * r2;
        const double r8 = r4 * r4;
        const double terms_0_3 = mul_add(mul_add(0x1.5555555555555p-3, r, 0x1p-1), r2, 1.0 + r);
        const double terms_4_7 = mul_add(mul_add(0x1.a01a01a01a01ap-13, r, 0x1.6c16c16c16c17p-10), r2,
                                         mul_add(0x1.1111111111111p-7, r, 0x1.5555555555555p-5));
        const double terms_8_12 =
            mul_add(0x1.1eed8eff8d898p-29, r4,
                    mul_add(mul_add(0x1.ae64567f544e4p-26, r, 0x1.27e4fb7789f5cp-22), r2,
                            mul_add(0x1.71de3a556c734p-19, r, 0x1.a01a01a01a01ap-16)));
        const double p = mul_add(terms_8_12, r8, mul_add(terms_4_7, r4, terms_0_3));
        // 2^k from its bits: the biased exponent k + 1023 shifted into place; the sum's
        // higher bits fall off the top. Right for |t| < 708, where k + 1023 is in [2, 2044].
        const double two_k = std::bit_cast<double>((std::bit_cast<std::uint64_t>(shifted) + 1023) << 52);
        return beyond_708(t, 1.0 / mul_add(two_k, p, 1.0));
    }
    // The same derivative as ctnn::sigmoid's, from the activation a = sigmoid(z).
    static double derivative_from_output(double a) noexcept { return a * (1.0 - a); }

private:
    // a * b + c, fused (one rounding, and one instruction's latency instead of two) where
    // the target has a fused multiply-add instruction. Elsewhere std::fma is a slow library
    // call, and this is the two operations, which -ffp-contract=off keeps apart. glibc's
    // <cmath> defines FP_FAST_FMA from the compiler's __FP_FAST_FMA, which GCC sets and
    // Clang does not; Clang's sign of FMA on x86 is __FMA__.
    static double mul_add(double a, double b, double c) noexcept {
#if defined(FP_FAST_FMA) || defined(__FMA__)
        return std::fma(a, b, c);
#else
        return a * b + c;
#endif
    }
    // s, or for |t| >= 708 (where s is garbage) 0 or 1; a NaN t keeps s, which is NaN.
    // Chosen on the bits, as integers, without a condition: a branch, or a condition in a
    // short loop the optimiser unrolls, stops it vectorising, and a floating-point clamp of
    // t at the start (t > 708 ? 708 : t) gets folded into constant results on branches of
    // their own. Done at the end, this also stays off the chain of dependent operations
    // from z to s. For doubles of one sign the order of their magnitudes is that of their
    // bit patterns, and >> 63 spreads a sign over a mask.
    static double beyond_708(double t, double s) noexcept {
        using bits_t = std::int64_t;
        // const, not constexpr: Clang 19's new constant interpreter refuses a bit_cast of a
        // double, and the optimiser folds these all the same.
        const auto limit = std::bit_cast<bits_t>(708.0);
        const auto infinity = std::bit_cast<bits_t>(std::numeric_limits<double>::infinity());
        const auto one = std::bit_cast<bits_t>(1.0);
        const auto bits = std::bit_cast<bits_t>(t);
        const bits_t magnitude = bits & std::numeric_limits<bits_t>::max();
        const bits_t beyond = ~((magnitude - limit) >> 63) & ((magnitude - infinity - 1) >> 63);
        const bits_t edge = one & (bits >> 63);  // t < 0 is z > 0: 1; else 0
        return std::bit_cast<double>((std::bit_cast<bits_t>(s) & ~beyond) | (edge & beyond));
    }
};

}  // namespace ctnn
