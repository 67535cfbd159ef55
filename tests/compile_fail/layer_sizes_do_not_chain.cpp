// EXPECT: layer sizes do not chain
// A 2-4 layer followed by a 3-1 layer: 4 outputs cannot feed 3 inputs.
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/network.hpp>

ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<3, 1, ctnn::sigmoid>> net{};
