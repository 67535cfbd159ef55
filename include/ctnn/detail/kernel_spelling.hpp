#pragma once
// A layer's kernels come in two spellings that add in the same order, and so give the same
// bits (layers/dense.hpp, tests/static/kernels_static.cpp):
//   interpreted  cheapest for a constant evaluator, for which every call, loop test and
//                index computation costs as much as the arithmetic: folds over the final
//                indices where the layer is small (tensor/detail/unrolled.hpp);
//   vectorized   loops whose innermost index runs over contiguous elements and whose
//                activations are applied in a loop of their own, which an optimising
//                compiler turns into SIMD code; the same loops for a constant evaluator
//                where a layer is too large to unroll.
// A training run picks one spelling, once (detail::constant_evaluated() in train.hpp).
namespace ctnn::detail {

enum class kernel_spelling { interpreted, vectorized };

}  // namespace ctnn::detail
