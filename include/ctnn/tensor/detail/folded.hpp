#pragma once
// Dot products and sums for a constant evaluator, for layers of any size: one call per
// result, its terms written out as a fold at constant offsets from a base index.
//
// What the evaluators charge for (callgrind on the compilers, docs/compile_time.md): a
// loop iteration -- its test, its increment, the index products -- costs clang 3-4 times
// a multiply-add, GCC about one; a term of a fold at a constant offset costs little more
// than the arithmetic. A loop over the results with a fold over each result's terms pays
// the loop once per result instead of once per term. The terms are added in ascending
// order, starting from the first product (not from 0.0, which would turn a -0.0 sum into
// +0.0), so the result is bit for bit that of the loop kernels. Folds longer than
// fold_chunk are cut into chunks, each continuing the sum of the one before: Clang counts
// a fold's elements towards its bracket depth limit (256 by default).
//
// The operands are matrices (anything with a `data` array). One of them starts at an index
// known only at run time (a sample's row, an input's column), i; the other, mostly, at one
// known when the fold is instantiated (a weight's column), which GCC takes into its
// offsets (folded_dot, below). The offsets are index_sequences of final values: an
// evaluator computes `K * Stride` anew for every term. How a term at i + offset is reached
// depends on the evaluator, the order of the additions does not:
//   GCC    `m.data[i + offset]`. Its evaluator turns every pointer offset into a byte
//          offset and back in wide-integer arithmetic: through a pointer, the 64-16-10
//          update cost it 1.3x as much (callgrind).
//   Clang  `p[offset]`, p = m.data + i: the indexed member costs both its evaluators
//          10-25 % more.
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>

#include <ctnn/tensor/detail/unrolled.hpp>

namespace ctnn::detail {

inline constexpr bool fold_by_index = gcc_evaluator;

inline constexpr std::size_t fold_chunk = 64;

// Terms in chunk j of a fold of Count terms.
constexpr std::size_t chunk_length(std::size_t count, std::size_t j) noexcept {
    return count - j * fold_chunk < fold_chunk ? count - j * fold_chunk : fold_chunk;
}
constexpr std::size_t chunk_count(std::size_t count) noexcept { return (count + fold_chunk - 1) / fold_chunk; }

template <class AOffsets, class BOffsets>
struct offset_dot;
// a.data[i + A0] b.data[B0] + a.data[i + A1] b.data[B1] + ..., or with b from b.data[j];
// `more` adds them to s.
// (b's start is either part of its offsets or j: GCC pays for a `j +` in every term.)
template <std::size_t... A, std::size_t... B>
struct offset_dot<std::index_sequence<A...>, std::index_sequence<B...>> {
    // a.data[A0] b.data[B0] + ...: both at constant indices (a a gathered row, below).
    template <class MA, class MB>
    static constexpr double dot(const MA& a, const MB& b) noexcept {
        return (... + (a.data[A] * b.data[B]));
    }
    template <class MA, class MB>
    static constexpr double more(double s, const MA& a, const MB& b) noexcept {
        return (s + ... + (a.data[A] * b.data[B]));
    }
    template <class MA, class MB>
    static constexpr double dot(const MA& a, std::size_t i, const MB& b) noexcept {
        if constexpr (fold_by_index) {
            return (... + (a.data[i + A] * b.data[B]));
        } else {
            const double* p = a.data + i;
            const double* q = b.data;
            return (... + (p[A] * q[B]));
        }
    }
    template <class MA, class MB>
    static constexpr double more(double s, const MA& a, std::size_t i, const MB& b) noexcept {
        if constexpr (fold_by_index) {
            return (s + ... + (a.data[i + A] * b.data[B]));
        } else {
            const double* p = a.data + i;
            const double* q = b.data;
            return (s + ... + (p[A] * q[B]));
        }
    }
    template <class MA, class MB>
    static constexpr double dot(const MA& a, std::size_t i, const MB& b, std::size_t j) noexcept {
        if constexpr (fold_by_index) {
            return (... + (a.data[i + A] * b.data[j + B]));
        } else {
            const double* p = a.data + i;
            const double* q = b.data + j;
            return (... + (p[A] * q[B]));
        }
    }
    template <class MA, class MB>
    static constexpr double more(double s, const MA& a, std::size_t i, const MB& b, std::size_t j) noexcept {
        if constexpr (fold_by_index) {
            return (s + ... + (a.data[i + A] * b.data[j + B]));
        } else {
            const double* p = a.data + i;
            const double* q = b.data + j;
            return (s + ... + (p[A] * q[B]));
        }
    }
};

template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart,
          class Tail = std::make_index_sequence<chunk_count(Count) - 1>>
struct chunked_dot;
template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart, std::size_t... T>
struct chunked_dot<AStride, BStride, Count, BStart, std::index_sequence<T...>> {
    template <std::size_t J>
    using chunk = offset_dot<strided<J * fold_chunk * AStride, AStride, chunk_length(Count, J)>,
                             strided<BStart + J * fold_chunk * BStride, BStride, chunk_length(Count, J)>>;

    template <class MA, class MB>
    static constexpr double dot(const MA& a, const MB& b) noexcept {
        double s = chunk<0>::dot(a, b);
        ((s = chunk<T + 1>::more(s, a, b)), ...);
        return s;
    }
    template <class MA, class MB>
    static constexpr double dot(const MA& a, std::size_t i, const MB& b) noexcept {
        double s = chunk<0>::dot(a, i, b);
        ((s = chunk<T + 1>::more(s, a, i, b)), ...);
        return s;
    }
    template <class MA, class MB>
    static constexpr double dot(const MA& a, std::size_t i, const MB& b, std::size_t j) noexcept {
        double s = chunk<0>::dot(a, i, b, j);
        ((s = chunk<T + 1>::more(s, a, i, b, j)), ...);
        return s;
    }
};

template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart>
using folded_dot_at =
    std::conditional_t<(Count <= fold_chunk), offset_dot<strided<0, AStride, Count>, strided<BStart, BStride, Count>>,
                       chunked_dot<AStride, BStride, Count, BStart>>;

// b's start, when it is known at instantiation (a weight's column), goes into b's offsets
// for GCC, which pays for a `j +` in every term, and is passed as j on Clang: there, a set
// of folds for each column cost the MNIST job's TU 4x the memory (2.9 GB instead of 0.74
// on clang 19's new interpreter, 2 updates), a set for each shape does not. GCC, given the
// start as j, took 1.3x the time for 0.87x the memory.
template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart>
struct start_as_argument {
    template <class MA, class MB>
    static constexpr double dot(const MA& a, std::size_t i, const MB& b) noexcept {
        return folded_dot_at<AStride, BStride, Count, 0>::dot(a, i, b, BStart);
    }
};

template <bool InOffsets, std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart>
struct select_folded_dot {
    using type = folded_dot_at<AStride, BStride, Count, BStart>;
};
template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart>
struct select_folded_dot<false, AStride, BStride, Count, BStart> {
    using type = start_as_argument<AStride, BStride, Count, BStart>;
};

// sum over k < Count of a.data[i + k AStride] b.data[BStart + k BStride], in ascending k:
// folded_dot<...>::dot(a, i, b); dot(a, i, b, j) starts b's terms at j + BStart instead;
// on GCC, dot(a, b) is the same with i = 0, written without it (a is a gathered row).
template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t BStart = 0>
using folded_dot = typename select_folded_dot<fold_by_index || BStart == 0, AStride, BStride, Count, BStart>::type;

// Elements i, i + Stride, ..., Count of them, of m, copied into a local: GCC's row operand
// (gather_row, below).
template <std::size_t Count>
struct gathered {
    double data[Count];
};
template <class Offsets>
struct gather_at;
template <std::size_t... K>
struct gather_at<std::index_sequence<K...>> {
    template <class M>
    static constexpr gathered<sizeof...(K)> from(const M& m, std::size_t i) noexcept {
        return {{m.data[i + K]...}};
    }
};

// A layer's kernels read one run of an operand -- a sample's row of the input, a row of
// delta, an input's column of the batch -- in one fold per output. On GCC the run is
// gathered into a local first, and every fold then reads it at constant indices: read in
// place, at i + offset, GCC computes that sum anew in every term of every fold, ~1100 of
// its instructions, an eighth of a multiply-add (callgrind, 2026-12-05). Clang reads it in
// place, through a pointer (above). The kernels hand folded_dot<...>::dot either `m, i`
// or the gathered local alone, as the row pack of their row functions.
template <std::size_t Stride, std::size_t Count, class M>
constexpr gathered<Count> gather_row(const M& m, std::size_t i) noexcept {
    return gather_at<strided<0, Stride, Count>>::from(m, i);
}

template <class Offsets>
struct offset_sum;
template <std::size_t... A>
struct offset_sum<std::index_sequence<A...>> {
    template <class M>
    static constexpr double sum(const M& a, std::size_t i) noexcept {
        if constexpr (fold_by_index) {
            return (... + a.data[i + A]);
        } else {
            const double* p = a.data + i;
            return (... + p[A]);
        }
    }
    template <class M>
    static constexpr double more(double s, const M& a, std::size_t i) noexcept {
        if constexpr (fold_by_index) {
            return (s + ... + a.data[i + A]);
        } else {
            const double* p = a.data + i;
            return (s + ... + p[A]);
        }
    }
};

template <std::size_t Stride, std::size_t Count, class Tail = std::make_index_sequence<chunk_count(Count) - 1>>
struct folded_sum;
// sum over k < Count of a.data[i + k Stride], in ascending k.
template <std::size_t Stride, std::size_t Count, std::size_t... T>
struct folded_sum<Stride, Count, std::index_sequence<T...>> {
    template <std::size_t J>
    using chunk = offset_sum<strided<J * fold_chunk * Stride, Stride, chunk_length(Count, J)>>;

    template <class M>
    static constexpr double sum(const M& a, std::size_t i) noexcept {
        double s = chunk<0>::sum(a, i);
        ((s = chunk<T + 1>::more(s, a, i)), ...);
        return s;
    }
};

template <class Offsets>
struct offset_copy;
template <std::size_t... K>
struct offset_copy<std::index_sequence<K...>> {
    template <class MA, class MB>
    static constexpr void copy(const MA& from, std::size_t i, MB& to, std::size_t j) noexcept {
        if constexpr (fold_by_index) {
            ((to.data[j + K] = from.data[i + K]), ...);
        } else {
            const double* p = from.data + i;
            double* q = to.data + j;
            ((q[K] = p[K]), ...);
        }
    }
};

// to.data[j + k] = from.data[i + k] for k < Count: a loop over chunks, a fold over each (a
// batch gathered from its dataset is copied so, row by row, for a fraction of an
// element-wise loop's cost).
template <std::size_t Count, class MA, class MB>
constexpr void folded_copy(const MA& from, std::size_t i, MB& to, std::size_t j) noexcept {
    constexpr std::size_t whole = Count / fold_chunk * fold_chunk;
    for (std::size_t k = 0; k < whole; k += fold_chunk)
        offset_copy<std::make_index_sequence<fold_chunk>>::copy(from, i + k, to, j + k);
    if constexpr (whole < Count)
        offset_copy<std::make_index_sequence<Count - whole>>::copy(from, i + whole, to, j + whole);
}

// Whether the Count values m.data[i], ..., m.data[i + Count - 1] all lie strictly between
// -bound and bound (so none is NaN): the comparisons written in the fold rather than
// called, as a call per value would cost the evaluator more than the comparisons.
template <class Offsets>
struct offset_within;
template <std::size_t... K>
struct offset_within<std::index_sequence<K...>> {
    template <class M>
    static constexpr bool all(const M& m, std::size_t i, double low, double high) noexcept {
        if constexpr (fold_by_index) {
            return ((m.data[i + K] > low && m.data[i + K] < high) && ...);
        } else {
            const double* p = m.data + i;
            return ((p[K] > low && p[K] < high) && ...);
        }
    }
};

// Whether every element of m lies strictly between -bound and bound, a fold over each chunk
// of them. A dataset is checked so once per training run (bound infinity: every value
// finite), and a training's outputs every few epochs (training/train.hpp): a loop calling
// math::isfinite for each value cost clang 14 ~39 k instructions a value (a loop iteration
// and three calls), 4.2 x 10^9 for the digits' 106 k values, 6 % of a 64-16-10's training
// on them (callgrind, 2026-12-06).
template <class M>
constexpr bool folded_all_within(const M& m, double bound) noexcept {
    constexpr std::size_t count = std::extent_v<decltype(M::data)>;
    constexpr std::size_t whole = count / fold_chunk * fold_chunk;
    const double low = -bound;
    for (std::size_t i = 0; i < whole; i += fold_chunk)
        if (!offset_within<std::make_index_sequence<fold_chunk>>::all(m, i, low, bound)) return false;
    if constexpr (whole < count)
        return offset_within<std::make_index_sequence<count - whole>>::all(m, whole, low, bound);
    else
        return true;
}

// Whether every element of m is finite (not NaN, not an infinity).
template <class M>
constexpr bool folded_all_finite(const M& m) noexcept {
    return folded_all_within(m, std::numeric_limits<double>::infinity());
}

}  // namespace ctnn::detail
