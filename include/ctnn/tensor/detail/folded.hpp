#pragma once
// Dot products and sums for a constant evaluator, for layers of any size: one call per
// result, the terms written out as a fold at constant offsets from two base pointers.
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
#include <cstddef>
#include <utility>

namespace ctnn::detail {

inline constexpr std::size_t fold_chunk = 64;

// Terms in chunk j of a fold of Count terms.
constexpr std::size_t chunk_length(std::size_t count, std::size_t j) noexcept {
    return count - j * fold_chunk < fold_chunk ? count - j * fold_chunk : fold_chunk;
}
constexpr std::size_t chunk_count(std::size_t count) noexcept { return (count + fold_chunk - 1) / fold_chunk; }

template <std::size_t AStride, std::size_t BStride, class Terms>
struct dot_terms;
template <std::size_t AStride, std::size_t BStride, std::size_t... K>
struct dot_terms<AStride, BStride, std::index_sequence<K...>> {
    // a[0] b[0] + a[AStride] b[BStride] + ...
    static constexpr double first(const double* a, const double* b) noexcept {
        return (... + (a[K * AStride] * b[K * BStride]));
    }
    // s + a[0] b[0] + a[AStride] b[BStride] + ...
    static constexpr double more(double s, const double* a, const double* b) noexcept {
        return (s + ... + (a[K * AStride] * b[K * BStride]));
    }
};

template <std::size_t Stride, class Terms>
struct sum_terms;
template <std::size_t Stride, std::size_t... K>
struct sum_terms<Stride, std::index_sequence<K...>> {
    static constexpr double first(const double* a) noexcept { return (... + a[K * Stride]); }
    static constexpr double more(double s, const double* a) noexcept { return (s + ... + a[K * Stride]); }
};

template <std::size_t AStride, std::size_t BStride, std::size_t Count, class Chunks = std::make_index_sequence<chunk_count(Count)>>
struct folded_dot;
// sum over k < Count of a[k AStride] b[k BStride], in ascending k.
template <std::size_t AStride, std::size_t BStride, std::size_t Count, std::size_t J0, std::size_t... J>
struct folded_dot<AStride, BStride, Count, std::index_sequence<J0, J...>> {
    static constexpr double dot(const double* a, const double* b) noexcept {
        if constexpr (sizeof...(J) == 0) {
            return dot_terms<AStride, BStride, std::make_index_sequence<Count>>::first(a, b);
        } else {
            double s = dot_terms<AStride, BStride, std::make_index_sequence<fold_chunk>>::first(a, b);
            ((s = dot_terms<AStride, BStride, std::make_index_sequence<chunk_length(Count, J)>>::more(
                  s, a + J * fold_chunk * AStride, b + J * fold_chunk * BStride)),
             ...);
            return s;
        }
    }
};

template <std::size_t Stride, std::size_t Count, class Chunks = std::make_index_sequence<chunk_count(Count)>>
struct folded_sum;
// sum over k < Count of a[k Stride], in ascending k.
template <std::size_t Stride, std::size_t Count, std::size_t J0, std::size_t... J>
struct folded_sum<Stride, Count, std::index_sequence<J0, J...>> {
    static constexpr double sum(const double* a) noexcept {
        if constexpr (sizeof...(J) == 0) {
            return sum_terms<Stride, std::make_index_sequence<Count>>::first(a);
        } else {
            double s = sum_terms<Stride, std::make_index_sequence<fold_chunk>>::first(a);
            ((s = sum_terms<Stride, std::make_index_sequence<chunk_length(Count, J)>>::more(s, a + J * fold_chunk * Stride)),
             ...);
            return s;
        }
    }
};

template <class Terms>
struct copy_terms;
template <std::size_t... K>
struct copy_terms<std::index_sequence<K...>> {
    static constexpr void copy(const double* from, double* to) noexcept { ((to[K] = from[K]), ...); }
};

// to[k] = from[k] for k < Count: a loop over chunks, a fold over each (a batch gathered
// from its dataset is copied so, row by row, for a fraction of an element-wise loop's cost).
template <std::size_t Count>
constexpr void folded_copy(const double* from, double* to) noexcept {
    constexpr std::size_t whole = Count / fold_chunk * fold_chunk;
    for (std::size_t k = 0; k < whole; k += fold_chunk)
        copy_terms<std::make_index_sequence<fold_chunk>>::copy(from + k, to + k);
    if constexpr (whole < Count) copy_terms<std::make_index_sequence<Count - whole>>::copy(from + whole, to + whole);
}

}  // namespace ctnn::detail
