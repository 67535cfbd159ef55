#pragma once
// No activation: a linear layer, e.g. the output of a regression network.
namespace ctnn {

struct identity {
    static constexpr double apply(double z) noexcept { return z; }
    static constexpr double derivative_from_output(double) noexcept { return 1.0; }
};

}  // namespace ctnn
