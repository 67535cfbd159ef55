#pragma once
// A whole input file in memory, decompressed if it is gzip (zlib's gzread passes other files
// through unchanged), with its CRC-32 for the generated header's provenance line.
#include <cerrno>
#include <cstring>
#include <string>

#include <zlib.h>

#include "error.hpp"

namespace ctnn_dataset {

struct file_contents {
    std::string bytes;        // decompressed
    unsigned long crc32 = 0;  // of `bytes`
    bool gzip = false;
};

// zlib's messages start with the file's name; ours say it once.
inline std::string zlib_message(const std::string& path, std::string message) {
    if (message.starts_with(path + ": ")) message.erase(0, path.size() + 2);
    return message;
}

inline file_contents read_file(const std::string& path) {
    errno = 0;
    gzFile in = gzopen(path.c_str(), "rb");
    if (in == nullptr) {
        fail(path, std::string("cannot open: ") + (errno != 0 ? std::strerror(errno) : "out of memory"));
    }
    file_contents out;
    out.gzip = gzdirect(in) == 0;
    char buffer[1 << 16];
    for (;;) {
        const int n = gzread(in, buffer, sizeof buffer);
        if (n < 0) {
            int code = 0;
            const std::string message = zlib_message(path, gzerror(in, &code));
            gzclose(in);
            fail(path, (code == Z_ERRNO ? std::string(std::strerror(errno)) : message) +
                           (out.gzip ? " (corrupt or truncated gzip data)" : ""));
        }
        if (n == 0) break;
        out.bytes.append(buffer, static_cast<std::size_t>(n));
    }
    // gzread reports a gzip stream cut short only here, as Z_BUF_ERROR.
    int code = 0;
    const std::string message = zlib_message(path, gzerror(in, &code));
    gzclose(in);
    if (code != Z_OK) fail(path, message + (out.gzip ? " (corrupt or truncated gzip data)" : ""));
    out.crc32 = ::crc32(0L, reinterpret_cast<const Bytef*>(out.bytes.data()), static_cast<uInt>(out.bytes.size()));
    return out;
}

}  // namespace ctnn_dataset
