#pragma once
// Parsing a CSV field as a double: exactly (std::from_chars rounds correctly), after trimming
// spaces and tabs; a leading '+' is allowed. NaN, infinities and values beyond double's range
// are errors, as is anything that is not a whole decimal number.
#include <cctype>
#include <charconv>
#include <string>
#include <system_error>

#include "csv.hpp"
#include "error.hpp"

namespace ctnn_dataset {

inline double parse_number(const std::string& file, const csv_field& field, const std::string& what) {
    const char* first = field.text.data();
    const char* last = first + field.text.size();
    while (first < last && (*first == ' ' || *first == '\t')) ++first;
    while (last > first && (last[-1] == ' ' || last[-1] == '\t')) --last;
    if (first == last) fail_at(file, field.line, field.column, "missing value (empty field) for " + what);
    const char* digits = first;
    if (*digits == '+' && digits + 1 < last && *(digits + 1) != '-') ++digits;
    double value = 0;
    const auto [end, ec] = std::from_chars(digits, last, value, std::chars_format::general);
    std::string lower;
    for (const char* p = digits; p < last; ++p)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    if (lower.starts_with("-")) lower.erase(0, 1);
    if (lower.starts_with("nan") || lower.starts_with("inf"))
        fail_at(file, field.line, field.column, "\"" + field.text + "\" is NaN or infinite (" + what + ")");
    if (ec == std::errc::result_out_of_range)
        fail_at(file, field.line, field.column, "\"" + field.text + "\" is out of double's range (" + what + ")");
    if (ec != std::errc{} || end != last)
        fail_at(file, field.line, field.column, "\"" + field.text + "\" is not a number (" + what + ")");
    return value;
}

}  // namespace ctnn_dataset
