#!/usr/bin/env bash
# Uses ctnn the way another project does, with the compiler of an existing ctnn build:
#   1. `cmake --install <build-dir>` into a temporary prefix, checks the installed package
#      (headers, version file, the ctnn::ctnn target's compile options), then configures,
#      builds and runs examples/consumer against it with find_package(ctnn CONFIG);
#   2. builds and runs examples/consumer again with ctnn's source tree through
#      add_subdirectory (-DCTNN_CONSUMER_USE_SUBDIRECTORY=ON).
# The consumer is built with -Wall -Wextra -Wpedantic -Werror. Exits non-zero on any failure.
#
#   tools/check-consumer.sh <ctnn-build-dir> [--package-only | --subdirectory-only] [-j N] [--keep]
#
# e.g. tools/check-consumer.sh build/gcc   (after cmake --preset gcc; nothing needs building)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}
build_dir=""
modes="package subdirectory"
jobs=2
keep=0
while (($#)); do
    case "$1" in
        --package-only) modes="package"; shift ;;
        --subdirectory-only) modes="subdirectory"; shift ;;
        -j) jobs="${2:?-j needs a number}"; shift 2 ;;
        -j*) jobs="${1#-j}"; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) usage 0 ;;
        -*) echo "unknown option: $1" >&2; usage 2 >&2 ;;
        *) [[ -z "$build_dir" ]] || { echo "more than one build directory" >&2; exit 2; }; build_dir="$1"; shift ;;
    esac
done
[[ -n "$build_dir" ]] || usage 2 >&2
cache="$build_dir/CMakeCache.txt"
[[ -f "$cache" ]] || { echo "$build_dir: not a configured CMake build (no CMakeCache.txt)" >&2; exit 2; }

cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -1; }
cxx=$(cache_value CMAKE_CXX_COMPILER)
new_interp=$(cache_value CTNN_NEW_CONSTANT_INTERPRETER)
build_type=$(cache_value CMAKE_BUILD_TYPE)
[[ -n "$cxx" ]] || { echo "$cache: no CMAKE_CXX_COMPILER" >&2; exit 2; }
generator=$(cache_value CMAKE_GENERATOR)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ctnn-consumer.XXXXXX")
if ((keep)); then echo "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi

fail() { echo "check-consumer: FAILED: $*" >&2; exit 1; }
echo "check-consumer: ctnn build $build_dir, compiler $cxx, new constant interpreter: ${new_interp:-OFF}"

configure_args=(-G "$generator" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE="${build_type:-Release}"
                "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Wpedantic -Werror")

build_and_run() {  # build_and_run <binary-dir> <configure args...>
    local bin="$1"
    shift
    cmake -S "$source_dir/examples/consumer" -B "$bin" "${configure_args[@]}" "$@" >"$bin.configure.log" 2>&1 ||
        { cat "$bin.configure.log" >&2; fail "configuring examples/consumer"; }
    grep 'ctnn_consumer:' "$bin.configure.log" || true
    cmake --build "$bin" -j "$jobs" >"$bin.build.log" 2>&1 ||
        { cat "$bin.build.log" >&2; fail "building examples/consumer"; }
    "$bin/consumer_xor_trained" || fail "running consumer_xor_trained"
    "$bin/consumer_xor_snapshot" || fail "running consumer_xor_snapshot"
    "$bin/train_csv" || fail "running train_csv (ctnn_add_dataset)"
}

if [[ " $modes " == *" package "* ]]; then
    echo "--- installed package (find_package) ---"
    prefix="$tmp/prefix"
    cmake --install "$build_dir" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
        { cat "$tmp/install.log" >&2; fail "cmake --install $build_dir"; }
    pkg="$prefix/share/cmake/ctnn"
    for f in include/ctnn/network.hpp include/ctnn/models/xor.hpp include/ctnn/version.hpp include/ctnn/snapshot.hpp \
             share/cmake/ctnn/ctnnConfig.cmake share/cmake/ctnn/ctnnConfigVersion.cmake \
             share/cmake/ctnn/ctnnTargets.cmake share/cmake/ctnn/ctnn-snapshot.cmake \
             share/cmake/ctnn/ctnn-dataset.cmake share/cmake/ctnn/ctnn-dataset/ctnn_dataset.cpp \
             include/ctnn/data/scaling.hpp include/ctnn/models/data/iris.hpp; do
        [[ -f "$prefix/$f" ]] || fail "not installed: $f"
    done
    grep -q 'only if the requested major version is the same' "$pkg/ctnnConfigVersion.cmake" || fail "the version file is not SameMajorVersion"
    grep -q 'find_dependency(Boost' "$pkg/ctnnConfig.cmake" || fail "ctnnConfig.cmake does not find Boost"
    if grep -q 'ctnn_strict' "$pkg/ctnnTargets.cmake"; then fail "ctnn_strict was exported"; fi
    # The installed target's options, without the backslashes that escape each $.
    options=$(sed -n 's/.*INTERFACE_COMPILE_OPTIONS "\(.*\)"$/\1/p' "$pkg/ctnnTargets.cmake" | tr -d '\134')
    for want in -ffp-contract=off -fconstexpr-ops-limit=4294967295 -fconstexpr-loop-limit=2147483647 \
                -fconstexpr-steps=2147483647 --param=ggc-min-heapsize=32768; do
        [[ "$options" == *"$want"* ]] || fail "the installed ctnn::ctnn lacks $want: $options"
    done
    if [[ "$new_interp" == ON ]]; then
        [[ "$options" == *-fexperimental-new-constant-interpreter* ]] ||
            fail "CTNN_NEW_CONSTANT_INTERPRETER is ON but the installed target lacks the flag: $options"
    elif [[ "$options" == *-fexperimental-new-constant-interpreter* ]]; then
        fail "CTNN_NEW_CONSTANT_INTERPRETER is OFF but the installed target has the flag: $options"
    fi
    echo "installed: $(cd "$prefix" && find . -type f | wc -l) files; ctnn::ctnn options: $options"
    build_and_run "$tmp/package" -DCMAKE_PREFIX_PATH="$prefix"
fi

if [[ " $modes " == *" subdirectory "* ]]; then
    echo "--- source tree (add_subdirectory) ---"
    build_and_run "$tmp/subdirectory" -DCTNN_CONSUMER_USE_SUBDIRECTORY=ON \
        -DCTNN_NEW_CONSTANT_INTERPRETER="${new_interp:-OFF}"
fi
echo "check-consumer: OK ($modes)"
