#pragma once
// Class labels -> class indices (the one-hot position) and class names.
//
//   string labels, names given:   a label must be one of the names; its index is its position
//   string labels, no names:      classes in order of first appearance in the file (or sorted
//                                 by byte value with --class-order sorted)
//   integer labels, names given:  label k is class k; 0 <= k < the number of names
//                                 (integers may be spelt as floating-point numbers, "2.0", as
//                                 numpy.savetxt writes them)
//   integer labels, no names:     the distinct values (negative ones too), sorted numerically,
//                                 named by their digits
//
// "First appearance" is in file order (the order of the rows before the train/test split),
// over all the samples that are read, test part included.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "error.hpp"
#include "samples.hpp"

namespace ctnn_dataset {

enum class label_type { string, integer };
enum class class_order { appearance, sorted };

struct class_labels {
    std::vector<std::string> names;
    std::vector<std::size_t> index;  // per sample
};

[[noreturn]] inline void fail_where(const std::string& where, const std::string& what) {
    throw data_error(where + ": error: " + what);
}

inline long long parse_integer_label(const raw_label& label) {
    long long value = 0;
    const char* first = label.text.data();
    const char* last = first + label.text.size();
    while (first < last && (*first == ' ' || *first == '\t')) ++first;
    while (last > first && (last[-1] == ' ' || last[-1] == '\t')) --last;
    if (first < last && *first == '+') ++first;
    const auto [end, ec] = std::from_chars(first, last, value);
    if (first == last) fail_where(label.where, "missing label (empty field)");
    if (ec == std::errc{} && end == last) return value;
    // Files written by numpy.savetxt spell integers as floating-point numbers: "1.000e+00".
    double real = 0;
    const auto [real_end, real_ec] = std::from_chars(first, last, real, std::chars_format::general);
    if (real_ec == std::errc{} && real_end == last && real == std::floor(real) && std::fabs(real) < 9007199254740992.0)
        return static_cast<long long>(real);
    fail_where(label.where, "the label \"" + label.text + "\" is not an integer (--label-type integer)");
}

// `all` holds the labels of every part (train file first, then a separate test file, if any),
// so that both parts share one class list.
inline class_labels resolve_labels(const std::vector<raw_label>& all, label_type type,
                                   const std::vector<std::string>& given_names, class_order order) {
    class_labels out;
    out.index.reserve(all.size());
    if (type == label_type::integer) {
        std::vector<long long> values;
        values.reserve(all.size());
        for (const raw_label& l : all) values.push_back(parse_integer_label(l));
        if (!given_names.empty()) {
            out.names = given_names;
            for (std::size_t s = 0; s < all.size(); ++s) {
                if (values[s] < 0 || static_cast<unsigned long long>(values[s]) >= given_names.size())
                    fail_where(all[s].where, "unknown label " + std::to_string(values[s]) + ": " +
                                                 std::to_string(given_names.size()) +
                                                 " class names are given, so labels must be 0 to " +
                                                 std::to_string(given_names.size() - 1));
                out.index.push_back(static_cast<std::size_t>(values[s]));
            }
            return out;
        }
        std::vector<long long> distinct = values;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (long long v : distinct) out.names.push_back(std::to_string(v));
        for (long long v : values)
            out.index.push_back(
                static_cast<std::size_t>(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin()));
        return out;
    }
    if (!given_names.empty()) {
        out.names = given_names;
        for (const raw_label& l : all) {
            const auto it = std::find(given_names.begin(), given_names.end(), l.text);
            if (it == given_names.end()) {
                std::string list;
                for (const std::string& name : given_names) list += (list.empty() ? "" : ", ") + name;
                fail_where(l.where, "unknown label \"" + l.text + "\" (the class names are: " + list + ")");
            }
            out.index.push_back(static_cast<std::size_t>(it - given_names.begin()));
        }
        return out;
    }
    for (const raw_label& l : all) {
        if (l.text.empty()) fail_where(l.where, "missing label (empty field)");
        if (std::find(out.names.begin(), out.names.end(), l.text) == out.names.end()) out.names.push_back(l.text);
    }
    if (order == class_order::sorted) std::sort(out.names.begin(), out.names.end());
    for (const raw_label& l : all)
        out.index.push_back(
            static_cast<std::size_t>(std::find(out.names.begin(), out.names.end(), l.text) - out.names.begin()));
    return out;
}

}  // namespace ctnn_dataset
