// ctnn-snapshot-xor: writes the compile-time-trained XOR network as a standalone header of
// constants (ctnn::write_snapshot), to the file named on the command line or to stdout.
//
//   ctnn-snapshot-xor [xor_snapshot.hpp]
//
// The header defines xor_snapshot::network, a constexpr
// ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ctnn::dense<4, 1, ctnn::sigmoid>> equal
// to ctnn::models::xor_gate::trained.network bit for bit, and plain arrays for C
// (xor_snapshot_layer0_W, ...). Code that includes it gets the weights without training.
#include <cstdio>
#include <exception>
#include <iostream>

#include <ctnn/models/xor.hpp>
#include <ctnn/snapshot.hpp>

int main(int argc, char** argv) {
    if (argc > 2) {
        std::fprintf(stderr, "usage: %s [output.hpp]\n", argv[0]);
        return 2;
    }
    namespace xg = ctnn::models::xor_gate;
    const ctnn::snapshot_options options{
        .comment =
            "The XOR network of <ctnn/models/xor.hpp> (2-4-1 sigmoid, seed MSE, gradient descent at 0.1,\n"
            "10000 epochs, numpy randn seed 42), trained by the compiler; written by ctnn-snapshot-xor."};
    try {
        if (argc == 2)
            ctnn::write_snapshot_file(argv[1], xg::trained.network, "xor_snapshot", options);
        else
            ctnn::write_snapshot(std::cout, xg::trained.network, "xor_snapshot", options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ctnn-snapshot-xor: %s\n", e.what());
        return 1;
    }
}
