// Writes the XOR network as a header of constants (run at build time by ctnn_add_snapshot).
#include <cstdio>
#include <exception>

#include <ctnn/models/xor.hpp>
#include <ctnn/snapshot.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s output.hpp\n", argv[0]);
        return 2;
    }
    try {
        ctnn::write_snapshot_file(argv[1], ctnn::models::xor_gate::trained.network, "consumer::xor_weights",
                                  {.comment = "ctnn's XOR model, snapshot for examples/consumer"});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
