// Compile-time benchmark, the floor: CTNN_FLOOR_FLOPS floating-point operations (half of
// them multiplications, half additions) in one constant evaluation, in the cheapest
// spelling found for the constant evaluators (docs/compile_time.md): a loop calling a
// function whose body is a fold of 64 multiply-adds at constant indices,
//   s = (s + ... + (a[K] * b[K])),   K = 0 ... 63,
// over two local arrays (CTNN_FLOOR_SPELLING=1) or over the data members of two
// aggregates, as ctnn's matrices are read (=2; GCC evaluates this one ~11 % faster,
// Clang 14-27 % slower). No evaluator was found to do a multiply-add for less.
// bench/compile_time.sh takes, per compiler, the cheaper of the two, minus this TU
// with CTNN_FLOOR_FLOPS=0, as the cost of one flop.
#include <cstddef>
#include <utility>

#ifndef CTNN_FLOOR_FLOPS
#define CTNN_FLOOR_FLOPS 8000000
#endif
#ifndef CTNN_FLOOR_SPELLING
#define CTNN_FLOOR_SPELLING 1
#endif

namespace floor_bench {

inline constexpr std::size_t terms = 64;
inline constexpr std::size_t calls = CTNN_FLOOR_FLOPS / (2 * terms);

struct vec {
    double data[terms];
};

template <class>
struct fold;
template <std::size_t... K>
struct fold<std::index_sequence<K...>> {
    static constexpr double dot(double s, const double (&a)[terms], const double (&b)[terms]) noexcept {
        return (s + ... + (a[K] * b[K]));
    }
    static constexpr double dot(double s, const vec& a, const vec& b) noexcept {
        return (s + ... + (a.data[K] * b.data[K]));
    }
};

// The operands are like a training's weights and activations: full-width significands
// (45 to 53 bits; (3k + 1) / 192 and (7k + 1) / 896 have no finite binary expansion) and
// both signs. The cost of a flop depends on them: GCC's software arithmetic skips the
// zero half-words of a significand, and operands of 7 to 10 bits, all positive (0.5 +
// k/1024 times 0.25 - k/512), made its floor 10-12 % cheaper than these; Clang's, 2-3 %.
// These cost what 64 numpy randn() draws cost, within 0.3 % (callgrind, 2026-12-06).
constexpr double operand_a(std::size_t k) noexcept { return 0.5 + static_cast<double>(3 * k + 1) / 192.0; }
constexpr double operand_b(std::size_t k) noexcept { return 0.25 - static_cast<double>(7 * k + 1) / 896.0; }

constexpr double run() {
#if CTNN_FLOOR_SPELLING == 1
    double a[terms]{}, b[terms]{};
    for (std::size_t k = 0; k < terms; ++k) {
        a[k] = operand_a(k);
        b[k] = operand_b(k);
    }
#else
    vec a{}, b{};
    for (std::size_t k = 0; k < terms; ++k) {
        a.data[k] = operand_a(k);
        b.data[k] = operand_b(k);
    }
#endif
    double s = 0.0;
    for (std::size_t c = 0; c < calls; ++c) s = fold<std::make_index_sequence<terms>>::dot(s, a, b);
    return s;
}

inline constexpr double result = run();

}  // namespace floor_bench

// The sum is finite and was computed (it is 0 only when there is nothing to compute).
static_assert((floor_bench::result != 0.0) == (floor_bench::calls != 0) && floor_bench::result < 1e300);
