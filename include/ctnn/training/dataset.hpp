#pragma once
// Training data: one sample per row, inputs in x and targets in y.
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t Samples, std::size_t Inputs, std::size_t Outputs>
struct dataset {
    static_assert(Samples > 0, "ctnn::dataset: a dataset needs at least one sample");
    static_assert(Inputs > 0, "ctnn::dataset: a sample needs at least one input");
    static_assert(Outputs > 0, "ctnn::dataset: a sample needs at least one target value");
    static constexpr std::size_t samples = Samples;
    static constexpr std::size_t inputs = Inputs;
    static constexpr std::size_t outputs = Outputs;

    // (A zero size has failed above; 1 in its place keeps matrix's own static_assert from
    // repeating the complaint in less specific words.)
    matrix<(Samples > 0 ? Samples : 1), (Inputs > 0 ? Inputs : 1)> x;
    matrix<(Samples > 0 ? Samples : 1), (Outputs > 0 ? Outputs : 1)> y;
};

}  // namespace ctnn
