#!/usr/bin/env bash
# What compile-time training costs the compiler: wall time and peak memory.
#
# For every installed compiler (g++, clang++-14, clang++-19, and clang++-19 with
# -fexperimental-new-constant-interpreter when the XOR TU compiles with it) this compiles
#   bench/compile_time/baseline.cpp  the headers and the seed's model, minus the training
#   bench/compile_time/training.cpp  #include <ctnn/models/xor.hpp>: trains the seed's XOR
# N times each under /usr/bin/time, with the flags the ctnn::ctnn CMake target adds (at
# -O2; a Release build uses -O3, which does not change constant evaluation), and prints
# the medians. CMake turns the new interpreter on by default for Clang >= 19
# (CTNN_NEW_CONSTANT_INTERPRETER), so the clang-19 preset builds like "new-interp" below
# and the clang-19-classic preset like plain clang++-19.
# With --epochs-sweep it also compiles bench/compile_time/sweep.cpp (one constant
# evaluation each) for 2-4-1 at 1000, 5000, 10000 epochs and 2-8-1, 2-16-1 at 1000.
# With --models it also times every header of include/ctnn/models/, against
# bench/compile_time/<model>_baseline.cpp where there is one (the models that bring their
# own data: the same headers and data, no training), else against baseline.cpp.
#
#   bench/compile_time.sh [-n N] [--epochs-sweep] [--models] [--compilers "g++ clang++-19 ..."]
#
# Needs GNU time (Debian package `time`). Timings are of one compile at a time: run it
# on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
sweep=0
models=0
compilers="g++ clang++-14 clang++-19 clang++-19-new-interp"
usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}
while (($#)); do
    case "$1" in
        -n) runs="${2:?-n needs a number}"; shift 2 ;;
        -n*) runs="${1#-n}"; shift ;;
        --epochs-sweep) sweep=1; shift ;;
        --models) models=1; shift ;;
        --compilers) compilers="${2:?--compilers needs a list}"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "unknown argument: $1" >&2; usage 2 >&2 ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "-n: not a positive number: $runs" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }

# The flags of the ctnn::ctnn target (CMakeLists.txt), at -O2; -c -o /dev/null.
common=(-std=c++20 -O2 -ffp-contract=off -Iinclude -c -o /dev/null)
gcc_flags=(-fconstexpr-ops-limit=4294967295 -fconstexpr-loop-limit=2147483647 --param=ggc-min-heapsize=32768
           --param=ggc-min-expand=30)
clang_flags=(-fconstexpr-steps=2147483647)
new_interp=-fexperimental-new-constant-interpreter

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The command line for compiler entry $1 (one of $compilers), into the array `cmd`.
command_for() {
    case "$1" in
        g++*) cmd=("$1" "${common[@]}" "${gcc_flags[@]}") ;;
        clang++-19-new-interp) cmd=(clang++-19 "${common[@]}" "${clang_flags[@]}" "$new_interp") ;;
        clang++*) cmd=("$1" "${common[@]}" "${clang_flags[@]}") ;;
        *) echo "unknown compiler: $1" >&2; exit 2 ;;
    esac
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# measure FILE [-D...]: compiles FILE $runs times with $cmd; sets `wall` (median s) and
# `rss` (median peak RSS, MB). Returns 1, with the compiler's messages in $tmp/err, if a
# compilation fails.
measure() {
    local file="$1" i
    shift
    : >"$tmp/walls"
    : >"$tmp/rss"
    for ((i = 0; i < runs; i++)); do
        if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "${cmd[@]}" "$@" "$file" 2>"$tmp/err"; then
            return 1
        fi
        read -r w m <"$tmp/time"
        echo "$w" >>"$tmp/walls"
        echo "$m" >>"$tmp/rss"
    done
    wall=$(median <"$tmp/walls")
    rss=$(median <"$tmp/rss" | awk '{printf "%.0f", $1 / 1024}')
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs," \
    "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM"
echo "runs per measurement: $runs (medians shown); flags: ${common[*]}"
echo "  g++: ${gcc_flags[*]}; clang++: ${clang_flags[*]}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

declare -A base_wall
available=()
for c in $compilers; do
    exe="${c%-new-interp}"
    if ! command -v "$exe" >/dev/null; then
        echo "$c: not installed, skipped"
        continue
    fi
    command_for "$c"
    # Warm the file cache (and, for the new interpreter, find out whether it copes).
    if ! "${cmd[@]}" bench/compile_time/baseline.cpp 2>"$tmp/err"; then
        echo "$c: the baseline TU does not compile, skipped: $(grep -m1 'error' "$tmp/err" || true)"
        continue
    fi
    if [[ "$c" == *-new-interp ]] && ! "${cmd[@]}" bench/compile_time/training.cpp 2>"$tmp/err"; then
        echo "$c: the XOR TU does not compile with $new_interp, skipped:"
        grep -m3 -E 'error|note' "$tmp/err" | cut -c1-200 | sed 's/^/    /'
        continue
    fi
    available+=("$c")
done

label() {
    local c="$1" exe="${1%-new-interp}" v
    v=$("$exe" -dumpfullversion 2>/dev/null || "$exe" -dumpversion)
    if [[ "$c" == *-new-interp ]]; then echo "$exe $v new-interp"; else echo "$exe $v"; fi
}

printf '%-31s %12s %12s %12s %12s %12s\n' compiler "baseline s" "training s" "difference s" "baseline MB" "training MB"
for c in "${available[@]}"; do
    command_for "$c"
    if ! measure bench/compile_time/baseline.cpp; then
        printf '%-31s baseline failed: %s\n' "$(label "$c")" "$(grep -m1 error "$tmp/err")"
        continue
    fi
    bw=$wall br=$rss
    base_wall[$c]=$bw
    if ! measure bench/compile_time/training.cpp; then
        printf '%-31s training failed: %s\n' "$(label "$c")" "$(grep -m1 error "$tmp/err")"
        continue
    fi
    printf '%-31s %12.2f %12.2f %12.2f %12s %12s\n' "$(label "$c")" "$bw" "$wall" \
        "$(awk -v a="$wall" -v b="$bw" 'BEGIN {print a - b}')" "$br" "$rss"
done

if ((models)); then
    echo
    echo "models: each header of include/ctnn/models/ (difference: minus the baseline above)"
    printf '%-31s %-18s %12s %12s %12s\n' compiler model "wall s" "difference s" "peak MB"
    for c in "${available[@]}"; do
        [[ -n "${base_wall[$c]:-}" ]] || continue
        command_for "$c"
        for header in include/ctnn/models/*.hpp; do
            model=$(basename "$header" .hpp)
            own_base="${base_wall[$c]}"
            if [[ -f "bench/compile_time/${model}_baseline.cpp" ]]; then
                if ! measure "bench/compile_time/${model}_baseline.cpp"; then
                    printf '%-31s %-18s baseline failed: %s\n' "$(label "$c")" "$model" "$(grep -m1 error "$tmp/err")"
                    continue
                fi
                own_base=$wall
            fi
            if ! measure bench/compile_time/model.cpp -include "ctnn/models/$model.hpp"; then
                printf '%-31s %-18s failed: %s\n' "$(label "$c")" "$model" "$(grep -m1 error "$tmp/err")"
                continue
            fi
            printf '%-31s %-18s %12.2f %12.2f %12s\n' "$(label "$c")" "$model" "$wall" \
                "$(awk -v a="$wall" -v b="$own_base" 'BEGIN {print a - b}')" "$rss"
        done
    done
fi

((sweep)) || exit 0

echo
echo "sweep: bench/compile_time/sweep.cpp, XOR with 2-H-1 networks (difference: minus the baseline above)"
configs=("4 1000" "4 5000" "4 10000" "8 1000" "16 1000")
printf '%-31s %-18s %12s %12s %12s %14s\n' compiler network "wall s" "difference s" "peak MB" "ms/1000 epochs"
for c in "${available[@]}"; do
    [[ -n "${base_wall[$c]:-}" ]] || continue
    command_for "$c"
    for conf in "${configs[@]}"; do
        read -r h e <<<"$conf"
        name="2-$h-1 x $e"
        if ! measure bench/compile_time/sweep.cpp -DCTNN_SWEEP_HIDDEN="$h" -DCTNN_SWEEP_EPOCHS="$e"; then
            printf '%-31s %-18s failed: %s\n' "$(label "$c")" "$name" "$(grep -m1 error "$tmp/err")"
            continue
        fi
        d=$(awk -v a="$wall" -v b="${base_wall[$c]}" 'BEGIN {print a - b}')
        printf '%-31s %-18s %12.2f %12.2f %12s %14.0f\n' "$(label "$c")" "$name" "$wall" "$d" "$rss" \
            "$(awk -v d="$d" -v e="$e" 'BEGIN {print d * 1e6 / e}')"
    done
done
