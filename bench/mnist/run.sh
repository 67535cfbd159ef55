#!/usr/bin/env bash
# The MNIST-scale job (docs/mnist_job.md) built by each compiler in turn, each timed and
# measured: wall and CPU time and peak memory of the build of ctnn-mnist-job (which is the
# training), then what the program prints (the held-out accuracy the compiler reached).
# CPU time is the figure to compare on a shared machine: waiting for a core inflates only
# the wall time.
#
# Before each job, the compiler's floor is measured (bench/compile_time.sh --floor-only: the
# median of 3 measures of its CPU time per flop of plain multiply-adds), so that the job's
# cost per flop (bench/compile_time/flops.cpp counts them from the shapes) is also shown as
# a multiple of the floor measured in the same run. The job's time is its whole build,
# reading the 15 MB data header included.
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

# The job's flops, counted by flops.cpp built with the first compiler.
flops_exe="$root/flops"
${compilers[0]%-classic} -std=c++20 -O1 -Iinclude -DCTNN_FLOPS_OF_mnist_job -DCTNN_MNIST_UPDATES="$updates" \
    -DCTNN_MNIST_TEST_PARTS="$test_parts" bench/compile_time/flops.cpp -o "$flops_exe"
flops=$("$flops_exe" | awk '$1 == "mnist_job" {print $2}')

# floor_of COMPILER: the floor's CPU ns per flop, as bench/compile_time.sh names compilers.
floor_of() {
    local name=$1
    case $1 in
        clang++-19-classic) name=clang++-19 ;;
        clang++-19 | clang++-2*) name=$1-new-interp ;;
    esac
    bench/compile_time.sh -n 3 --cpu-time --floor-only --compilers "$name" |
        awk '/^(g|clang)\+\+/ && NF >= 5 && $(NF - 2) ~ /^[0-9.]+$/ {print $(NF - 2)}'
}

nproc_note="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)"
echo "MNIST job: ${updates} updates of 100 images, ${test_parts} x 100 test images," \
    "$(awk -v f="$flops" 'BEGIN {printf "%.3f G", f / 1e9}') flops; $(date -u +%F), ${nproc_note}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-20s %9s %9s %9s %9s %9s %7s  %s\n' compiler "wall s" "CPU s" "peak MB" "ns/flop" "floor" ratio \
    accuracy
for c in "${compilers[@]}"; do
    cxx=$c
    interp=()
    case $c in
        clang++-19-classic) cxx=clang++-19; interp=(-DCTNN_NEW_CONSTANT_INTERPRETER=OFF) ;;
    esac
    dir="$root/$c"
    floor=$(floor_of "$c" || true)
    cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release -DCTNN_BUILD_MNIST_JOB=ON \
        -DCTNN_BUILD_TESTS=OFF -DCTNN_BUILD_EXAMPLES=OFF -DCTNN_BUILD_BENCH=OFF \
        -DCTNN_MNIST_UPDATES="$updates" -DCTNN_MNIST_TEST_PARTS="$test_parts" "${interp[@]}" > "$dir.configure.log" 2>&1 \
        || { echo "$c: configure failed, see $dir.configure.log"; continue; }
    cmake --build "$dir" --target ctnn-mnist-job-data -j1 > "$dir.data.log" 2>&1 \
        || { echo "$c: data preparation failed, see $dir.data.log"; continue; }
    rm -f "$dir/bench/mnist/ctnn-mnist-job" "$dir/bench/mnist/CMakeFiles/ctnn-mnist-job.dir/mnist_job.cpp.o"
    # GNU time reports the largest descendant's peak: the compiler's.
    if /usr/bin/time -f '%e %M %U %S' -o "$dir.time" cmake --build "$dir" --target ctnn-mnist-job -j1 \
        > "$dir.build.log" 2>&1; then
        result=$("$dir/bench/mnist/ctnn-mnist-job" | sed -n 's/^held-out accuracy: //p')
    else
        result="build failed, see $dir.build.log"
    fi
    read -r seconds kb user sys < <(tail -n 1 "$dir.time")
    awk -v c="$c" -v w="$seconds" -v u="$user" -v s="$sys" -v kb="$kb" -v f="$flops" -v fl="$floor" -v r="$result" \
        'BEGIN { cpu = u + s; per = cpu * 1e9 / f
                 printf "%-20s %9.1f %9.1f %9.0f %9.1f %9s %7s  %s\n", c, w, cpu, kb / 1024, per,
                        fl == "" ? "-" : fl, fl == "" ? "-" : sprintf("%.2fx", per / fl), r }'
done
