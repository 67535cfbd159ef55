#pragma once
// A dataset whose inputs are stored as bytes (0..255) and scaled while the program compiles.
//
// ctnn-dataset --storage bytes writes pixel data this way, in a header a quarter the size of
// the same values as floating-point literals. scaling.apply(i, byte) is the very expression the
// tool evaluates for --storage doubles, so both storages give the same dataset bit for bit; but
// the compilers take longer to scale bytes in constant evaluation than to read the doubles as
// literals (tools/dataset/README.md has the measurements), so doubles are ctnn-dataset's default.
#include <cstddef>

#include <ctnn/data/scaling.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/training/dataset.hpp>

namespace ctnn {

template <std::size_t Samples, std::size_t Inputs, std::size_t Outputs>
[[nodiscard]] constexpr dataset<Samples, Inputs, Outputs> dataset_from_bytes(
    const unsigned char (&inputs)[Samples][Inputs], const matrix<Samples, Outputs>& targets,
    const scaling<Inputs>& scale) noexcept {
    dataset<Samples, Inputs, Outputs> out{};
    for (std::size_t s = 0; s < Samples; ++s) {
        for (std::size_t i = 0; i < Inputs; ++i) out.x.data[s * Inputs + i] = scale.apply(i, inputs[s][i]);
    }
    for (std::size_t k = 0; k < Samples * Outputs; ++k) out.y.data[k] = targets.data[k];
    return out;
}

}  // namespace ctnn
