#pragma once
// What every reader produces: raw samples, one row of input values each, and their targets
// (class labels still as read, or regression values).
#include <cstddef>
#include <string>
#include <vector>

namespace ctnn_dataset {

struct raw_label {
    std::string text;   // as read: a string, or an integer's decimal digits
    std::string where;  // "file:line:column" or "file:byte N", for error messages
};

struct samples {
    std::size_t inputs = 0;
    std::vector<double> x;                 // samples x inputs, row-major
    std::size_t outputs = 0;               // regression only: values per target row
    std::vector<double> y;                 // regression: samples x outputs
    std::vector<raw_label> labels;         // classification: one per sample
    std::vector<std::string> input_names;  // from a CSV header row; empty otherwise
    std::size_t count() const { return inputs == 0 ? 0 : x.size() / inputs; }
};

}  // namespace ctnn_dataset
