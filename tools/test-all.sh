#!/usr/bin/env bash
# The whole test suite: builds ctnn with every supported compiler (with -Werror; the
# compile-time training and its static_asserts are part of each build) and runs CTest,
# then once more with g++ under AddressSanitizer + UndefinedBehaviorSanitizer, checks a
# separate project against the installed package, and runs clang-tidy on include/.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
jobs=$(nproc)
for preset in gcc clang-14 clang-19 clang-19-classic asan; do
    echo "=== $preset ==="
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$jobs"
    ctest --preset "$preset" -j "$jobs"
    # A separate project against the installed package (and via add_subdirectory).
    if [[ "$preset" == gcc || "$preset" == clang-19 ]]; then
        tools/check-consumer.sh "build/$preset" -j "$jobs"
    fi
done
tools/clang-tidy.sh
