#pragma once
// CSV as RFC 4180 has it (fields separated by a delimiter, optionally in double quotes with
// "" for a quote inside), with every field's line and column kept for error messages.
// Lines may end in \n or \r\n; empty lines are skipped; a UTF-8 byte order mark is ignored.
#include <cstddef>
#include <string>
#include <vector>

#include "error.hpp"

namespace ctnn_dataset {

struct csv_field {
    std::string text;
    std::size_t line = 0;    // 1-based
    std::size_t column = 0;  // 1-based, in bytes, where the field starts
};

struct csv_row {
    std::vector<csv_field> fields;
    std::size_t line = 0;
    std::size_t end_column = 0;  // one past the row's last character
};

// The rows of `text` after its first `skip_lines` lines.
inline std::vector<csv_row> parse_csv(const std::string& file, const std::string& text, char delimiter,
                                      std::size_t skip_lines) {
    std::vector<csv_row> rows;
    std::size_t i = 0;
    const std::size_t n = text.size();
    std::size_t line = 1;
    std::size_t line_start = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) i = line_start = 3;
    for (; line <= skip_lines && i < n; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    auto column = [&](std::size_t at) { return at - line_start + 1; };
    while (i < n) {
        // An empty line (or the end of the file after a final newline).
        if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
            i += text[i] == '\r' ? 2 : 1;
            ++line;
            line_start = i;
            continue;
        }
        csv_row row;
        row.line = line;
        for (;;) {
            csv_field field;
            field.line = line;
            field.column = column(i);
            if (i < n && text[i] == '"') {
                const std::size_t open_line = line;
                const std::size_t open_column = column(i);
                ++i;
                for (;;) {
                    if (i >= n) fail_at(file, open_line, open_column, "a quoted field is not closed");
                    if (text[i] == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') {
                        ++line;
                        line_start = i + 1;
                    }
                    field.text += text[i++];
                }
                if (i < n && text[i] != delimiter && text[i] != '\n' && text[i] != '\r')
                    fail_at(file, line, column(i), "unexpected character after a quoted field's closing quote");
            } else {
                while (i < n && text[i] != delimiter && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"') fail_at(file, line, column(i), "a quote inside an unquoted field");
                    field.text += text[i++];
                }
            }
            row.fields.push_back(std::move(field));
            if (i < n && text[i] == delimiter) {
                ++i;
                continue;
            }
            if (i < n && text[i] == '\r' && !(i + 1 < n && text[i + 1] == '\n'))
                fail_at(file, line, column(i), "a carriage return that does not end a line");
            break;
        }
        row.end_column = column(i);
        rows.push_back(std::move(row));
        if (i < n) {
            i += text[i] == '\r' ? 2 : 1;
            ++line;
            line_start = i;
        }
    }
    return rows;
}

}  // namespace ctnn_dataset
