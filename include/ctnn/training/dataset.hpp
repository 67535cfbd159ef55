#pragma once
// Training data: one sample per row, inputs in x and targets in y.
#include <cstddef>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn {

template <std::size_t Samples, std::size_t Inputs, std::size_t Outputs>
struct dataset {
    static_assert(Samples > 0, "ctnn::dataset: a dataset needs at least one sample");
    static constexpr std::size_t samples = Samples;
    static constexpr std::size_t inputs = Inputs;
    static constexpr std::size_t outputs = Outputs;

    matrix<Samples, Inputs> x;
    matrix<Samples, Outputs> y;
};

}  // namespace ctnn
