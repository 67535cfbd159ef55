#pragma once
// What a network asks of a layer: static input and output sizes, a batched forward pass,
// and the backward kernels the training loop calls (see dense.hpp).
#include <concepts>
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <class L>
concept layer = requires(const L& l, const matrix<1, L::inputs>& x, matrix<1, L::outputs>& a) {
    { L::inputs } -> std::convertible_to<std::size_t>;
    { L::outputs } -> std::convertible_to<std::size_t>;
    l.forward(x, a);
};

}  // namespace ctnn
