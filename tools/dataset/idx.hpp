#pragma once
// IDX, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): a magic
// number 0x00 0x00 <type> <number of dimensions>, each dimension's size as a big-endian
// 32-bit integer, then the values in C order, big-endian. The first dimension counts the
// items (images, labels). Every value type of the format is read; offsets in error messages
// count bytes of the decompressed file.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "error.hpp"

namespace ctnn_dataset {

struct idx_array {
    std::vector<std::size_t> dims;
    std::vector<double> values;     // every value, in C order
    std::size_t items_in_file = 0;  // dims[0] as the header says, before --first
    std::size_t data_offset = 0;    // where the values start in the file
    std::size_t value_size = 0;     // bytes per value
    bool integral = true;
};

inline std::uint32_t read_be32(const std::string& bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

// Reads the first `first` items (all of them when `first` is 0).
inline idx_array read_idx(const std::string& file, const std::string& bytes, std::size_t first) {
    if (bytes.empty()) fail(file, "the file is empty");
    if (bytes.size() < 4) fail_at_byte(file, bytes.size(), "truncated IDX file: the 4-byte magic number is cut short");
    if (bytes[0] != 0 || bytes[1] != 0)
        fail_at_byte(file, 0, "bad IDX magic number: it must start with two zero bytes (is this an IDX file?)");
    const auto type = static_cast<unsigned char>(bytes[2]);
    const auto rank = static_cast<unsigned char>(bytes[3]);
    idx_array out;
    switch (type) {
        case 0x08: out.value_size = 1; break;  // unsigned byte
        case 0x09: out.value_size = 1; break;  // signed byte
        case 0x0B: out.value_size = 2; break;  // short
        case 0x0C: out.value_size = 4; break;  // int
        case 0x0D:
            out.value_size = 4;
            out.integral = false;
            break;  // float
        case 0x0E:
            out.value_size = 8;
            out.integral = false;
            break;  // double
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", type);
            fail_at_byte(file, 2,
                         std::string("bad IDX magic number: unknown value type ") + hex +
                             " (the format has 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E)");
        }
    }
    if (rank == 0) fail_at_byte(file, 3, "bad IDX magic number: zero dimensions");
    const std::size_t header = 4 + 4 * std::size_t{rank};
    if (bytes.size() < header)
        fail_at_byte(file, bytes.size(),
                     "truncated IDX file: the header of " + std::to_string(rank) + " dimension sizes is cut short");
    std::size_t per_item = 1;
    for (std::size_t d = 0; d < rank; ++d) {
        out.dims.push_back(read_be32(bytes, 4 + 4 * d));
        if (d > 0) per_item *= out.dims.back();
    }
    if (out.dims[0] == 0) fail_at_byte(file, 4, "the IDX file holds no items (its first dimension is 0)");
    const std::size_t total = out.dims[0] * per_item;
    out.data_offset = header;
    const std::size_t expected = header + total * out.value_size;
    if (bytes.size() < expected)
        fail_at_byte(file, bytes.size(),
                     "truncated IDX file: the header announces " + std::to_string(out.dims[0]) + " items (" +
                         std::to_string(expected) + " bytes in all), but the file ends here");
    if (bytes.size() > expected)
        fail_at_byte(file, expected,
                     "the IDX file has " + std::to_string(bytes.size() - expected) +
                         " bytes after the values its header announces");
    std::size_t items = out.dims[0];
    out.items_in_file = items;
    if (first != 0) {
        if (first > items)
            fail(file,
                 "--first " + std::to_string(first) + " asks for more items than the file's " + std::to_string(items));
        items = first;
        out.dims[0] = first;
    }
    out.values.resize(items * per_item);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + header;
    for (std::size_t k = 0; k < out.values.size(); ++k, p += out.value_size) {
        std::uint64_t u = 0;
        for (std::size_t b = 0; b < out.value_size; ++b) u = u << 8 | p[b];
        double v = 0;
        switch (type) {
            case 0x08: v = static_cast<double>(u); break;
            case 0x09: v = static_cast<double>(static_cast<std::int8_t>(u)); break;
            case 0x0B: v = static_cast<double>(static_cast<std::int16_t>(u)); break;
            case 0x0C: v = static_cast<double>(static_cast<std::int32_t>(u)); break;
            case 0x0D: {
                const auto u32 = static_cast<std::uint32_t>(u);
                float f;
                std::memcpy(&f, &u32, sizeof f);
                v = f;
                break;
            }
            default: std::memcpy(&v, &u, sizeof v); break;
        }
        if (v != v || v - v != 0) fail_at_byte(file, header + k * out.value_size, "a NaN or infinite value");
        out.values[k] = v;
    }
    return out;
}

}  // namespace ctnn_dataset
