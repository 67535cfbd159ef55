#!/usr/bin/env bash
# What a weight snapshot saves the compiler: the wall time and peak memory of compiling
# one consumer TU that uses the XOR network
#   with the compile-time training: examples/consumer/xor_trained.cpp (#include <ctnn/models/xor.hpp>)
#   with a snapshot:                 examples/consumer/xor_snapshot.cpp (#include the generated header)
# Both read the weights and static_assert a compile-time prediction; each is compiled N
# times under /usr/bin/time with -std=c++20 -O2 -c and the flags of the ctnn::ctnn target,
# and the medians are printed. The snapshot header is generated first with g++
# (examples/consumer/write_snapshot.cpp), which itself trains once.
#
#   bench/snapshot_compile_time.sh [-n N] [--compilers "g++ clang++-14 clang++-19 clang++-19-new-interp"]
#
# Needs GNU time (Debian package `time`). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
compilers="g++ clang++-14 clang++-19 clang++-19-new-interp"
while (($#)); do
    case "$1" in
        -n) runs="${2:?-n needs a number}"; shift 2 ;;
        --compilers) compilers="${2:?--compilers needs a list}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "-n: not a positive number: $runs" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

common=(-std=c++20 -O2 -ffp-contract=off -Iinclude -I"$tmp" -c -o /dev/null)
gcc_flags=(-fconstexpr-ops-limit=4294967295 -fconstexpr-loop-limit=2147483647 --param=ggc-min-heapsize=32768
           --param=ggc-min-expand=30)
clang_flags=(-fconstexpr-steps=2147483647)

echo "generating the snapshot header with g++ ..."
g++ "${common[@]:0:4}" "${gcc_flags[@]}" examples/consumer/write_snapshot.cpp -o "$tmp/writer"
"$tmp/writer" "$tmp/consumer_xor_snapshot.hpp"

command_for() {
    case "$1" in
        g++*) cmd=("$1" "${common[@]}" "${gcc_flags[@]}") ;;
        clang++-19-new-interp) cmd=(clang++-19 "${common[@]}" "${clang_flags[@]}" -fexperimental-new-constant-interpreter) ;;
        clang++*) cmd=("$1" "${common[@]}" "${clang_flags[@]}") ;;
        *) echo "unknown compiler: $1" >&2; exit 2 ;;
    esac
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
measure() {  # measure FILE: sets wall (s) and rss (MB), medians of $runs compilations
    : >"$tmp/walls"
    : >"$tmp/rss"
    for ((i = 0; i < runs; i++)); do
        /usr/bin/time -f '%e %M' -o "$tmp/time" "${cmd[@]}" "$1" 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
        read -r w m <"$tmp/time"
        echo "$w" >>"$tmp/walls"
        echo "$m" >>"$tmp/rss"
    done
    wall=$(median <"$tmp/walls")
    rss=$(median <"$tmp/rss" | awk '{printf "%.0f", $1 / 1024}')
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; runs: $runs (medians)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %12s %12s %9s %12s %12s\n' compiler "training s" "snapshot s" "saved s" "training MB" "snapshot MB"
for c in $compilers; do
    command -v "${c%-new-interp}" >/dev/null || { echo "$c: not installed, skipped"; continue; }
    command_for "$c"
    "${cmd[@]}" examples/consumer/xor_snapshot.cpp 2>/dev/null || true  # warm the file cache
    measure examples/consumer/xor_trained.cpp || { echo "$c: xor_trained.cpp failed"; continue; }
    tw=$wall tr=$rss
    measure examples/consumer/xor_snapshot.cpp || { echo "$c: xor_snapshot.cpp failed"; continue; }
    v=$("${c%-new-interp}" -dumpfullversion 2>/dev/null || "${c%-new-interp}" -dumpversion)
    label="${c%-new-interp} $v"
    [[ "$c" == *-new-interp ]] && label="$label new-interp"
    printf '%-28s %12.2f %12.2f %9.2f %12s %12s\n' "$label" "$tw" "$wall" \
        "$(awk -v a="$tw" -v b="$wall" 'BEGIN {print a - b}')" "$tr" "$rss"
done
