#pragma once
// Kernels spelled out at compile time, for the small layers ctnn trains in the compiler.
//
// A constant evaluator interprets every loop test, increment and index computation, and
// on both GCC and Clang those cost as much as the floating-point work itself. A fold over
// an index_sequence whose elements already are the final array indices leaves only the
// arithmetic to interpret: the seed's network trains ~1.5x faster at compile time. The
// sums keep the ascending order of the loops they replace, so results are bit for bit the
// same as the loop kernels' (tests/static/kernels_static.cpp).
#include <cstddef>
#include <utility>

namespace ctnn::detail {

// Whether GCC's constant evaluator runs this code: it and Clang's charge for different
// things, and a few kernels are spelled for each (assign_whole below, folded.hpp's
// fold_by_index), with the same arithmetic in the same order.
#if defined(__GNUC__) && !defined(__clang__)
inline constexpr bool gcc_evaluator = true;
#else
inline constexpr bool gcc_evaluator = false;
#endif

// An unrolled kernel that computes every element of a matrix assigns it whole on GCC,
// `m = matrix{{e0, e1, ...}}`, and element by element elsewhere. GCC charges a store to one
// element about as much as a multiply-add, and a whole matrix built from the list next to
// nothing per element: a fold of 20 stores of g * (a * (1 - a)) cost it 25.0 k instructions
// an element, the same terms summed into a scalar 15.6 k, assigned whole 15.5 k (callgrind,
// 2026-12-06). Clang's classic evaluator gains 9 % on that fold but nothing in a training
// run (XOR on clang 19: +0.3 %), and its new interpreter (Clang 19) rejects the implicit
// copy-assignment of a struct that holds an array.
inline constexpr bool assign_whole = gcc_evaluator;

// Fold expressions longer than this are not generated: Clang counts every element of a
// fold towards its expression nesting limit (-fbracket-depth, 256 by default), and beyond
// a few hundred elements the instantiation itself starts to cost more than it saves.
inline constexpr std::size_t unroll_limit = 128;

template <std::size_t... Lengths>
inline constexpr bool unrollable = ((Lengths <= unroll_limit) && ...);

template <std::size_t Start, std::size_t Stride, class>
struct strided_impl;
template <std::size_t Start, std::size_t Stride, std::size_t... K>
struct strided_impl<Start, Stride, std::index_sequence<K...>> {
    using type = std::index_sequence<(Start + K * Stride)...>;
};

// Start, Start + Stride, ..., Count indices in all: a row or a column of a row-major matrix.
template <std::size_t Start, std::size_t Stride, std::size_t Count>
using strided = typename strided_impl<Start, Stride, std::make_index_sequence<Count>>::type;

// Sums of products and plain sums, given the final indices of their terms as packs; a
// class template rather than a function taking index_sequence objects, because binding
// even an empty argument costs the constant evaluators a noticeable amount.
template <class A, class B = void>
struct terms;
// a[A0] * b[B0] + a[A1] * b[B1] + ..., added from left to right.
template <std::size_t... A, std::size_t... B>
struct terms<std::index_sequence<A...>, std::index_sequence<B...>> {
    template <class M1, class M2>
    static constexpr double dot(const M1& a, const M2& b) noexcept {
        return (... + (a.data[A] * b.data[B]));
    }
};
// a[A0] + a[A1] + ..., from left to right.
template <std::size_t... A>
struct terms<std::index_sequence<A...>, void> {
    template <class M>
    static constexpr double sum(const M& a) noexcept {
        return (... + a.data[A]);
    }
};

// The dot product of a's elements A0, A0 + AStride, ... and b's B0, B0 + BStride, ...
// (Count of each), and the sum of a's elements A0, A0 + AStride, ...
template <std::size_t A0, std::size_t AStride, std::size_t B0, std::size_t BStride, std::size_t Count>
using strided_dot = terms<strided<A0, AStride, Count>, strided<B0, BStride, Count>>;
template <std::size_t A0, std::size_t AStride, std::size_t Count>
using strided_sum = terms<strided<A0, AStride, Count>>;

// N as a constant the evaluators read rather than compute (an index such as I % Out
// written out in a fold is evaluated anew every time).
template <std::size_t N>
inline constexpr std::size_t index = N;

}  // namespace ctnn::detail
