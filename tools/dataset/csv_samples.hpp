#pragma once
// A CSV file as samples: which columns are inputs and which the label (or regression
// targets), every row checked to have the same number of fields.
//
// Columns are named by 0-based index (as numpy and pandas count), by inclusive ranges "2-5",
// or, when the file has a header row, by name; lists are comma-separated.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "csv.hpp"
#include "error.hpp"
#include "numbers.hpp"
#include "samples.hpp"

namespace ctnn_dataset {

struct csv_options {
    char delimiter = ',';
    std::size_t skip_lines = 0;
    bool header = false;
    std::optional<std::string> inputs;  // column list; default: every column that is not a target
    std::optional<std::string> target;  // default: the last column
    bool regression = false;
    std::size_t first = 0;  // 0: all rows
};

inline std::vector<std::size_t> parse_columns(const std::string& spec, const std::vector<std::string>& names,
                                              std::size_t columns, const std::string& option) {
    std::vector<std::size_t> out;
    auto parse_index = [&](const std::string& text) -> std::optional<std::size_t> {
        if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        return std::stoul(text);
    };
    std::size_t start = 0;
    while (start <= spec.size()) {
        std::size_t comma = spec.find(',', start);
        if (comma == std::string::npos) comma = spec.size();
        const std::string item = spec.substr(start, comma - start);
        start = comma + 1;
        if (const auto named = std::find(names.begin(), names.end(), item); !item.empty() && named != names.end()) {
            out.push_back(static_cast<std::size_t>(named - names.begin()));
        } else if (const auto index = parse_index(item)) {
            out.push_back(*index);
        } else if (const std::size_t dash = item.find('-'); dash != std::string::npos &&
                                                            parse_index(item.substr(0, dash)) &&
                                                            parse_index(item.substr(dash + 1))) {
            const std::size_t from = *parse_index(item.substr(0, dash));
            const std::size_t to = *parse_index(item.substr(dash + 1));
            if (to < from) throw usage_error(option + ": the range \"" + item + "\" runs backwards");
            for (std::size_t c = from; c <= to; ++c) out.push_back(c);
        } else {
            throw usage_error(option + ": \"" + item + "\" is neither a column index, a range a-b" +
                              (names.empty() ? " (the file has no header row, so columns have no names)"
                                             : ", nor a name in the header row"));
        }
        if (comma == spec.size()) break;
    }
    for (std::size_t c : out) {
        if (c >= columns)
            throw usage_error(option + ": column " + std::to_string(c) + " does not exist (the rows have " +
                              std::to_string(columns) + " columns, 0 to " + std::to_string(columns - 1) + ")");
    }
    return out;
}

inline samples read_csv_samples(const std::string& file, const std::string& text, const csv_options& options) {
    std::vector<csv_row> rows = parse_csv(file, text, options.delimiter, options.skip_lines);
    std::vector<std::string> names;
    std::size_t first_data = 0;
    if (options.header) {
        if (rows.empty()) fail(file, "the file is empty: no header row and no data rows");
        for (const csv_field& f : rows[0].fields) names.push_back(f.text);
        first_data = 1;
    }
    if (rows.size() <= first_data) fail(file, "the file is empty: it has no data rows");
    std::size_t last_data = rows.size();
    if (options.first != 0) {
        if (first_data + options.first > rows.size())
            fail(file, "--first " + std::to_string(options.first) + " asks for more rows than the file's " +
                           std::to_string(rows.size() - first_data));
        last_data = first_data + options.first;
    }
    const std::size_t columns = rows[0].fields.size();
    const std::string shape_source = options.header ? "the header row" : "the first row";
    const std::vector<std::size_t> targets = options.target
                                                 ? parse_columns(*options.target, names, columns, "--target-columns")
                                                 : std::vector<std::size_t>{columns - 1};
    if (targets.empty()) throw usage_error("--target-columns: no column");
    if (!options.regression && targets.size() != 1)
        throw usage_error(
            "--target-columns: a classification has one label column (use --target regression for several)");
    std::vector<std::size_t> inputs;
    if (options.inputs) {
        inputs = parse_columns(*options.inputs, names, columns, "--input-columns");
    } else {
        for (std::size_t c = 0; c < columns; ++c)
            if (std::find(targets.begin(), targets.end(), c) == targets.end()) inputs.push_back(c);
    }
    if (inputs.empty()) throw usage_error("no input columns: every column is a target");
    for (std::size_t c : inputs) {
        if (std::find(targets.begin(), targets.end(), c) != targets.end())
            throw usage_error("column " + std::to_string(c) + " is both an input and a target");
    }

    samples out;
    out.inputs = inputs.size();
    out.outputs = options.regression ? targets.size() : 0;
    for (std::size_t c : inputs) out.input_names.push_back(names.empty() ? std::string{} : names[c]);
    if (names.empty()) out.input_names.clear();
    out.x.reserve((last_data - first_data) * inputs.size());
    for (std::size_t r = first_data; r < last_data; ++r) {
        const csv_row& row = rows[r];
        if (row.fields.size() < columns)
            fail_at(file, row.line, row.end_column,
                    "missing field: the row has " + std::to_string(row.fields.size()) + " fields, " + shape_source +
                        " has " + std::to_string(columns));
        if (row.fields.size() > columns)
            fail_at(file, row.line, row.fields[columns].column,
                    "extra field: the row has " + std::to_string(row.fields.size()) + " fields, " + shape_source +
                        " has " + std::to_string(columns));
        for (std::size_t c : inputs) out.x.push_back(parse_number(file, row.fields[c], "column " + std::to_string(c)));
        if (options.regression) {
            for (std::size_t c : targets)
                out.y.push_back(parse_number(file, row.fields[c], "target column " + std::to_string(c)));
        } else {
            const csv_field& f = row.fields[targets[0]];
            out.labels.push_back({f.text, file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column)});
        }
    }
    return out;
}

}  // namespace ctnn_dataset
