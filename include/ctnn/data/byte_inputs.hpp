#pragma once
// A dataset whose inputs are stored as bytes (0..255) and scaled while the program compiles.
//
// ctnn-dataset --storage bytes writes pixel data this way: a byte array costs the compiler a
// fraction of what the same values cost as floating-point literals (see tools/dataset/README.md
// for the measurements), and scaling.apply(i, byte) is the very expression the tool evaluates
// for --storage doubles, so both storages give the same dataset bit for bit.
#include <cstddef>

#include <ctnn/data/scaling.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/training/dataset.hpp>

namespace ctnn::data {

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

}  // namespace ctnn::data
