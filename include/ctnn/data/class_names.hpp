#pragma once
// The names of a classifier's classes, in the order of its one-hot outputs: output k of the
// network stands for names[k]. ctnn-dataset writes one of these next to every classification
// dataset it generates (see tools/dataset/README.md for the order it chooses).
#include <array>
#include <cstddef>
#include <string_view>

namespace ctnn {

template <std::size_t Classes>
struct class_names {
    static_assert(Classes > 0, "ctnn::class_names: a classifier needs at least one class");
    static constexpr std::size_t size = Classes;

    std::array<std::string_view, Classes> names;

    [[nodiscard]] constexpr std::string_view operator[](std::size_t k) const noexcept { return names[k]; }

    // The output that stands for `name`, or `size` when no class has that name.
    [[nodiscard]] constexpr std::size_t index_of(std::string_view name) const noexcept {
        for (std::size_t k = 0; k < Classes; ++k) {
            if (names[k] == name) return k;
        }
        return Classes;
    }
};

}  // namespace ctnn
