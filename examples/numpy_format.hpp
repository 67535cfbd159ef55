#pragma once
// Prints a ctnn::matrix the way numpy prints a 2-D float64 array by default
// (precision 8, floatmode 'maxprec', sign '-'), so that ctnn-xor's report can be
// compared with the seed's printout line for line. Every value gets at most 8
// fractional digits -- fewer when fewer identify the double uniquely -- and all are
// padded to a common integer width and fraction width. numpy's wrapping at 75
// columns is not reproduced: ctnn's examples print narrower arrays than that.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <ctnn/tensor/matrix.hpp>

namespace ctnn_examples {

// The digits numpy chooses for one value: shortest round-trip, capped at 8 decimals.
inline std::string numpy_digits(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string s(buf, end);
    const auto dot = s.find('.');
    if (dot != std::string::npos && s.size() - dot - 1 > 8) {
        auto [end8, ec8] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 8);
        s.assign(buf, end8);
        while (s.back() == '0') s.pop_back();
    }
    if (s.find('.') == std::string::npos) s += '.';
    return s;
}

template <std::size_t R, std::size_t C>
void print_numpy(std::ostream& os, const ctnn::matrix<R, C>& m) {
    std::vector<std::string> cells;
    std::size_t int_width = 0, frac_width = 0;
    for (double v : m.data) {
        cells.push_back(numpy_digits(v));
        const auto dot = cells.back().find('.');
        int_width = std::max(int_width, dot);
        frac_width = std::max(frac_width, cells.back().size() - dot - 1);
    }
    for (std::size_t r = 0; r < R; ++r) {
        os << (r == 0 ? "[[" : " [");
        for (std::size_t c = 0; c < C; ++c) {
            const std::string& s = cells[r * C + c];
            const auto dot = s.find('.');
            os << (c == 0 ? "" : " ") << std::string(int_width - dot, ' ') << s
               << std::string(frac_width - (s.size() - dot - 1), ' ');
        }
        os << (r + 1 == R ? "]]\n" : "]\n");
    }
}

// numpy's printing of a 2-D integer array (here: the thresholded predictions).
template <std::size_t R, std::size_t C>
void print_numpy_ints(std::ostream& os, const int (&v)[R * C]) {
    std::size_t width = 0;
    for (int x : v) width = std::max(width, std::to_string(x).size());
    for (std::size_t r = 0; r < R; ++r) {
        os << (r == 0 ? "[[" : " [");
        for (std::size_t c = 0; c < C; ++c) {
            const std::string s = std::to_string(v[r * C + c]);
            os << (c == 0 ? "" : " ") << std::string(width - s.size(), ' ') << s;
        }
        os << (r + 1 == R ? "]]\n" : "]\n");
    }
}

}  // namespace ctnn_examples
