#pragma once
// Every problem ctnn-dataset finds is a data_error whose message says where, in the form
// compilers use so that IDEs and build logs point at it:
//   file:line:column: error: what        (text files: CSV)
//   file:byte N: error: what              (binary files: IDX; N counts decompressed bytes)
//   file: error: what                     (the file as a whole)
#include <cstddef>
#include <stdexcept>
#include <string>

namespace ctnn_dataset {

struct data_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void fail(const std::string& file, const std::string& what) {
    throw data_error(file + ": error: " + what);
}

[[noreturn]] inline void fail_at(const std::string& file, std::size_t line, std::size_t column,
                                 const std::string& what) {
    throw data_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + what);
}

[[noreturn]] inline void fail_at_byte(const std::string& file, std::size_t offset, const std::string& what) {
    throw data_error(file + ":byte " + std::to_string(offset) + ": error: " + what);
}

// A usage error: the command line, not the data.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace ctnn_dataset
