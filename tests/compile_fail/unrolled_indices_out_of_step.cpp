// EXPECT: forward_unrolled: O\.\.\. must be I % Out for each I
// EXPECT: input_gradient_unrolled: N\.\.\. and K\.\.\. must be I / In and I % In for each I
// The unrolled kernels are public so that tests can hold them beside the looped ones; the
// index packs handed to them must be in step with the first. Here they are swapped.
#include <utility>

#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/layers/dense.hpp>

constexpr bool run() {
    ctnn::dense<2, 3, ctnn::sigmoid> layer{};
    ctnn::matrix<2, 2> x{};
    ctnn::matrix<2, 3> a{};
    layer.forward_unrolled(x, a, std::make_index_sequence<6>{}, ctnn::detail::quotients<6, 3>{});
    layer.input_gradient_unrolled(a, x, std::make_index_sequence<4>{}, ctnn::detail::remainders<4, 2>{},
                                  ctnn::detail::quotients<4, 2>{});
    return true;
}
static_assert(run());
