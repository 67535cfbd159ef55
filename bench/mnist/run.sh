#!/usr/bin/env bash
# The MNIST-scale job (docs/mnist_job.md) built by each compiler in turn, each timed and
# measured: wall and CPU time and peak memory of the build of ctnn-mnist-job (which is the
# training), then what the program prints (the held-out accuracy the compiler reached).
# CPU time is the figure to compare on a shared machine: waiting for a core inflates only
# the wall time.
#
#   bench/mnist/run.sh [compiler ...]     default: clang++-19 (new interpreter) g++ clang++-14
#
# Compilers are named as CMake takes them; "clang++-19-classic" is clang++-19 with its
# classic constant evaluator. Environment: UPDATES / TEST_PARTS (batches of 100; default
# 40 / 40, the job; fewer for a quick trial), BUILD_ROOT (default build/mnist).
set -euo pipefail
cd "$(dirname "$0")/../.."
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(clang++-19 g++ clang++-14)
updates=${UPDATES:-40}
test_parts=${TEST_PARTS:-40}
root=${BUILD_ROOT:-build/mnist}
mkdir -p "$root"
nproc_note="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)"
echo "MNIST job: ${updates} updates of 100 images, ${test_parts} x 100 test images; $(date -u +%F), ${nproc_note}"
printf '%-22s %10s %10s %10s  %s\n' compiler "wall (s)" "CPU (s)" "peak (MB)" "accuracy"
for c in "${compilers[@]}"; do
    cxx=$c
    interp=()
    case $c in
        clang++-19-classic) cxx=clang++-19; interp=(-DCTNN_NEW_CONSTANT_INTERPRETER=OFF) ;;
    esac
    dir="$root/$c"
    cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release -DCTNN_BUILD_MNIST_JOB=ON \
        -DCTNN_BUILD_TESTS=OFF -DCTNN_BUILD_EXAMPLES=OFF -DCTNN_BUILD_BENCH=OFF \
        -DCTNN_MNIST_UPDATES="$updates" -DCTNN_MNIST_TEST_PARTS="$test_parts" "${interp[@]}" > "$dir.configure.log" 2>&1 \
        || { echo "$c: configure failed, see $dir.configure.log"; continue; }
    cmake --build "$dir" --target ctnn-mnist-job-data -j1 > "$dir.data.log" 2>&1 \
        || { echo "$c: data preparation failed, see $dir.data.log"; continue; }
    rm -f "$dir/bench/mnist/ctnn-mnist-job" "$dir/bench/mnist/CMakeFiles/ctnn-mnist-job.dir/mnist_job.cpp.o"
    # GNU time reports the largest descendant's peak: the compiler's.
    if /usr/bin/time -f '%e %M %U %S' -o "$dir.time" cmake --build "$dir" --target ctnn-mnist-job -j1 > "$dir.build.log" 2>&1; then
        read -r seconds kb user sys < "$dir.time"
        accuracy=$("$dir/bench/mnist/ctnn-mnist-job" | sed -n 's/^held-out accuracy: //p')
        printf '%-22s %10s %10s %10s  %s\n' "$c" "$seconds" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')" "$((kb / 1024))" "$accuracy"
    else
        read -r seconds kb user sys < <(tail -n 1 "$dir.time")
        printf '%-22s %10s %10s %10s  %s\n' "$c" "$seconds" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')" "$((kb / 1024))" \
            "build failed, see $dir.build.log"
    fi
done
