// Writes tests/snapshot/mixed_network.hpp's network as a snapshot in a nested namespace
// with a custom object name and C prefix (see tests/static/snapshot_static.cpp).
#include <cstdio>
#include <exception>

#include <ctnn/snapshot.hpp>

#include "snapshot/mixed_network.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s output.hpp\n", argv[0]);
        return 2;
    }
    try {
        ctnn::write_snapshot_file(
            argv[1], ctnn_test::snapshot::mixed, "ctnn_test::snapshots::mixed",
            {.object = "net", .comment = "tests/snapshot/mixed_network.hpp", .c_prefix = "mixed"});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
