#!/usr/bin/env bash
# What compile-time training costs the compiler, per flop and against the compiler's floor.
#
# For every installed compiler (g++, clang++-14, clang++-19, and clang++-19 with
# -fexperimental-new-constant-interpreter) this compiles, N times each under /usr/bin/time,
# with the flags the ctnn::ctnn CMake target adds (at -O2; -O3 does not change constant
# evaluation), and prints medians of wall time and peak memory:
#   bench/compile_time/floor.cpp     the floor: 8 M flops of multiply-adds in the cheapest
#                                    spelling found for the constant evaluators (both of
#                                    its spellings; the cheaper counts), minus the same TU
#                                    with no flops: the compiler's cost of one flop;
#   bench/compile_time/training.cpp  the seed's XOR (models/xor.hpp), minus baseline.cpp;
#   bench/compile_time/mlp_64_16_10.cpp  a 64-16-10 network, one epoch of the 1440 digits
#                                    in batches of 32, minus itself with -DCTNN_BENCH_BASELINE;
# and, with --models, every header of include/ctnn/models/ (model.cpp), each minus the
# same headers with the model's data header but no training (model_baseline.cpp).
# For each: the training's cost, its flops (counted from the shapes: flops.hpp; flops.cpp
# is built and run once, with the first compiler), the cost per flop, and its ratio to
# the floor's cost per flop -- 1.0 would be a training that costs the evaluator nothing
# but its arithmetic. Each model's runs alternate with runs of the floor (in its cheaper
# spelling), and the ratio is the median of the runs' ratios, each to the floor measured
# next to it: the floor table above them is the first, separate measure.
# With --by-hand it also counts XOR and logic_gates trained by the same arithmetic written out
# by hand (bench/compile_time/by_hand.py writes the TUs; rows "<model>:scalars",
# "<model>:arrays" and "<model>:inlined", each minus model_baseline.cpp): how far ctnn's cost
# is from the least the evaluators can be made to pay for that training, and how much of it
# is ctnn's data layout rather than its calls.
# With --epochs-sweep it also compiles bench/compile_time/sweep.cpp (one constant
# evaluation each) for 2-4-1 at 1000, 5000, 10000 epochs and 2-8-1, 2-16-1 at 1000.
# With --floor-only it stops after the floor (bench/mnist/run.sh uses it so).
#
#   bench/compile_time.sh [-n N] [--cpu-time | --instructions] [--models] [--by-hand] [--epochs-sweep]
#                         [--floor-only] [--compilers "g++ clang++-19 ..."]
#
# Needs GNU time (Debian package `time`). Timings are of one compile at a time, wall time
# by default; --cpu-time takes the compiler's user + system CPU time instead, which a busy
# machine inflates far less (on a 2-core VM at load 10, wall time was 6-10x CPU time).
# --instructions counts the instructions the compiler executes instead (valgrind's
# callgrind, Debian package `valgrind`; ~50x slower than a compile): the same on any
# machine at any load, so one run is enough and runs of several compilers may go side by
# side. It is ctnn's share of the cost alone -- what its code makes the evaluator do per
# flop -- and leaves out what memory traffic adds to the time of a large model. Costs are
# then in 10^9 instructions, costs per flop in instructions, and peak memory is not shown.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
cpu_time=0
instructions=0
sweep=0
models=0
by_hand=0
floor_only=0
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
        --by-hand) by_hand=1; shift ;;
        --floor-only) floor_only=1; shift ;;
        --cpu-time) cpu_time=1; shift ;;
        --instructions) instructions=1; shift ;;
        --compilers) compilers="${2:?--compilers needs a list}"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "unknown argument: $1" >&2; usage 2 >&2 ;;
    esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "-n: not a positive number: $runs" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
if ((instructions)); then
    ((cpu_time == 0)) || { echo "--cpu-time and --instructions exclude each other" >&2; exit 2; }
    command -v valgrind >/dev/null || { echo "--instructions needs valgrind: apt-get install valgrind" >&2; exit 1; }
fi

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

# once FILE [-D...]: compiles FILE once with $cmd; sets `t` (s of wall time, or of user +
# system CPU time with --cpu-time, or 10^9 instructions with --instructions: those of every
# process the compile runs) and `kb` (peak RSS, KB; empty with --instructions). Returns 1,
# with the compiler's messages in $tmp/err, if the compilation fails.
once() {
    local file="$1" w u sy
    shift
    if ((instructions)); then
        rm -f "$tmp"/vg.*
        valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=/dev/null --log-file="$tmp/vg.%p" \
            "${cmd[@]}" "$@" "$file" 2>"$tmp/err" || return 1
        t=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp"/vg.* | awk '{n += $1} END {printf "%.6f", n / 1e9}')
        kb=""
        return
    fi
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "${cmd[@]}" "$@" "$file" 2>"$tmp/err" || return 1
    read -r w u sy kb <"$tmp/time"
    t=$w
    if ((cpu_time)); then t=$(awk -v u="$u" -v s="$sy" 'BEGIN {print u + s}'); fi
}

# The median of the peak RSS in $tmp/rss, in MB; "-" with --instructions (callgrind's is not the compiler's).
peak_mb() {
    if ((instructions)); then echo -; else median <"$tmp/rss" | awk '{printf "%.0f", $1 / 1024}'; fi
}

# measure FILE [-D...]: `once`, $runs times; sets `wall` (the median of t) and `rss` (the
# median peak RSS, MB).
measure() {
    local i
    : >"$tmp/walls"
    : >"$tmp/rss"
    for ((i = 0; i < runs; i++)); do
        once "$@" || return 1
        echo "$t" >>"$tmp/walls"
        echo "$kb" >>"$tmp/rss"
    done
    wall=$(median <"$tmp/walls")
    rss=$(peak_mb)
}

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs," \
    "$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM"
echo "runs per measurement: $runs (medians shown); flags: ${common[*]}"
echo "  g++: ${gcc_flags[*]}; clang++: ${clang_flags[*]}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((instructions)); then
    echo "costs: 10^9 instructions the compiler executes (valgrind --tool=callgrind); per flop: instructions"
    cost_unit="10^9 i" per_flop="i/flop"
else
    echo "times (s): $( ((cpu_time)) && echo "the compiler's user + system CPU time" || echo "wall time")"
    cost_unit="s" per_flop="ns/flop"
fi
echo

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

# flops NAME: the flops of model NAME (flops.cpp, built with the first compiler and run),
# into flops[NAME]; empty if flops.cpp does not know it or it does not build.
declare -A flops
flops_of() {
    local name="$1" a fcmd=()
    [[ -n "${flops[$name]+set}" ]] && return
    flops[$name]=""
    command_for "${available[0]}"
    for a in "${cmd[@]}"; do
        case "$a" in -c) ;; /dev/null) fcmd+=("$tmp/flops") ;; *) fcmd+=("$a") ;; esac
    done
    if "${fcmd[@]}" -DCTNN_FLOPS_OF_"$name" bench/compile_time/flops.cpp 2>"$tmp/ferr" &&
        "$tmp/flops" >"$tmp/flops.txt"; then
        flops[$name]=$(awk -v n="$name" '$1 == n {print $2}' "$tmp/flops.txt")
    fi
}
floor_flops=8000000
# Instructions per flop do not drift: a smaller floor (its difference to the 0-flop TU) says as much.
((instructions == 0)) || floor_flops=1000000

declare -A floor_cost floor_spelling
printf '%-31s %10s %10s %12s %12s\n' compiler "floor $cost_unit" "$per_flop" "spelling" "peak MB"
for c in "${available[@]}"; do
    command_for "$c"
    measure bench/compile_time/floor.cpp -DCTNN_FLOOR_FLOPS=0 || { echo "$c: floor failed"; continue; }
    zero=$wall
    best="" best_rss="" best_sp=""
    for sp in 1 2; do
        measure bench/compile_time/floor.cpp -DCTNN_FLOOR_FLOPS=$floor_flops -DCTNN_FLOOR_SPELLING=$sp || continue
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best=$wall best_rss=$rss best_sp=$sp
        fi
    done
    floor_spelling[$c]=$best_sp
    floor_cost[$c]=$(awk -v a="$best" -v z="$zero" -v f=$floor_flops 'BEGIN {print (a - z) * 1e9 / f}')
    printf '%-31s %10.2f %10.1f %12s %12s\n' "$(label "$c")" "$(awk -v a="$best" -v z="$zero" 'BEGIN {print a - z}')" \
        "${floor_cost[$c]}" "$([[ $best_sp == 1 ]] && echo arrays || echo members)" "$best_rss"
done

((floor_only)) && exit 0

# row COMPILER NAME BASELINE-ARGS... -- TRAINING-ARGS...: measures both and the floor,
# interleaved (baseline, training, the floor's two TUs; $runs times), prints a row: the
# medians of the cost, of the floor measured next to it, of their ratio, and of the
# training TU's peak memory. A machine whose speed drifts within the hour (a shared VM's
# does, by +-40 %) moves the floor and the model together, and the ratio far less.
row() {
    local c="$1" name="$2" base_args=() train_args=() i b d f fl
    shift 2
    local model="${name%%:*}"  # "xor:scalars" has xor's flops
    while (($#)) && [[ "$1" != -- ]]; do base_args+=("$1"); shift; done
    shift
    train_args=("$@")
    flops_of "$model"
    f="${flops[$model]:-}"
    command_for "$c"
    : >"$tmp/costs"
    : >"$tmp/floors"
    : >"$tmp/ratios"
    : >"$tmp/rss"
    for ((i = 0; i < runs; i++)); do
        if ! once "${base_args[@]}"; then
            printf '%-31s %-20s baseline failed: %s\n' "$(label "$c")" "$name" "$(grep -m1 error "$tmp/err")"
            return
        fi
        b=$t
        if ! once "${train_args[@]}"; then
            printf '%-31s %-20s failed: %s\n' "$(label "$c")" "$name" "$(grep -m1 error "$tmp/err")"
            return
        fi
        d=$(awk -v a="$t" -v b="$b" 'BEGIN {print a - b}')
        echo "$d" >>"$tmp/costs"
        echo "$kb" >>"$tmp/rss"
        [[ -n "${floor_spelling[$c]:-}" ]] || continue
        if ((instructions)); then   # the floor measured once, above, is the floor
            fl=${floor_cost[$c]}
            echo "$fl" >>"$tmp/floors"
            [[ -n "$f" ]] && awk -v d="$d" -v f="$f" -v fl="$fl" 'BEGIN {print d * 1e9 / f / fl}' >>"$tmp/ratios"
            continue
        fi
        once bench/compile_time/floor.cpp -DCTNN_FLOOR_FLOPS=0 || continue
        b=$t
        once bench/compile_time/floor.cpp -DCTNN_FLOOR_FLOPS=$floor_flops -DCTNN_FLOOR_SPELLING="${floor_spelling[$c]}" ||
            continue
        fl=$(awk -v a="$t" -v b="$b" -v n=$floor_flops 'BEGIN {print (a - b) * 1e9 / n}')
        echo "$fl" >>"$tmp/floors"
        [[ -n "$f" ]] && awk -v d="$d" -v f="$f" -v fl="$fl" 'BEGIN {print d * 1e9 / f / fl}' >>"$tmp/ratios"
    done
    d=$(median <"$tmp/costs")
    rss=$(peak_mb)
    if [[ -n "$f" && -s "$tmp/ratios" ]]; then
        printf '%-31s %-20s %10.2f %10.2f %10.1f %10.1f %8.2f %10s\n' "$(label "$c")" "$name" "$d" \
            "$(awk -v f="$f" 'BEGIN {print f / 1e6}')" "$(awk -v d="$d" -v f="$f" 'BEGIN {print d * 1e9 / f}')" \
            "$(median <"$tmp/floors")" "$(median <"$tmp/ratios")" "$rss"
    else
        printf '%-31s %-20s %10.2f %10s %10s %10s %8s %10s\n' "$(label "$c")" "$name" "$d" - - - - "$rss"
    fi
}

echo
if ((instructions)); then
    echo "training: cost = training TU minus its baseline; floor = the floor's $per_flop above;"
    echo "ratio = cost per flop / floor"
else
    echo "training: cost = training TU minus its baseline; floor = the floor's ns/flop, measured between"
    echo "the model's compiles; ratio = the median over runs of (cost per flop / that run's floor)"
fi
printf '%-31s %-20s %10s %10s %10s %10s %8s %10s\n' compiler model "cost $cost_unit" "Mflops" "$per_flop" "floor" ratio \
    "peak MB"
((${#available[@]})) || exit 0
for c in "${available[@]}"; do
    command_for "$c"
    row "$c" xor bench/compile_time/baseline.cpp -- bench/compile_time/training.cpp
    row "$c" mlp_64_16_10 bench/compile_time/mlp_64_16_10.cpp -DCTNN_BENCH_BASELINE -- bench/compile_time/mlp_64_16_10.cpp
    ((models)) || continue
    for header in include/ctnn/models/*.hpp; do
        model=$(basename "$header" .hpp)
        data=()
        [[ -f "include/ctnn/models/data/$model.hpp" ]] && data=(-include "ctnn/models/data/$model.hpp")
        row "$c" "$model" bench/compile_time/model_baseline.cpp "${data[@]}" -- \
            bench/compile_time/model.cpp -include "ctnn/models/$model.hpp"
    done
done
if ((by_hand)); then
    /usr/bin/python3 bench/compile_time/by_hand.py "$tmp/by_hand"
    for c in "${available[@]}"; do
        command_for "$c"
        for model in xor logic_gates; do
            for form in scalars arrays inlined; do
                row "$c" "$model:$form" bench/compile_time/model_baseline.cpp -- "$tmp/by_hand/${model}_$form.cpp"
            done
        done
    done
fi

((sweep)) || exit 0

echo
echo "sweep: bench/compile_time/sweep.cpp, XOR with 2-H-1 networks (difference: minus baseline.cpp)"
configs=("4 1000" "4 5000" "4 10000" "8 1000" "16 1000")
per_epochs="ms/1000 epochs"
((instructions == 0)) || per_epochs="10^6 i/1000 ep"
printf '%-31s %-18s %12s %12s %12s %14s\n' compiler network "cost $cost_unit" "difference" "peak MB" "$per_epochs"
for c in "${available[@]}"; do
    command_for "$c"
    measure bench/compile_time/baseline.cpp || continue
    base_wall=$wall
    for conf in "${configs[@]}"; do
        read -r h e <<<"$conf"
        name="2-$h-1 x $e"
        if ! measure bench/compile_time/sweep.cpp -DCTNN_SWEEP_HIDDEN="$h" -DCTNN_SWEEP_EPOCHS="$e"; then
            printf '%-31s %-18s failed: %s\n' "$(label "$c")" "$name" "$(grep -m1 error "$tmp/err")"
            continue
        fi
        d=$(awk -v a="$wall" -v b="$base_wall" 'BEGIN {print a - b}')
        printf '%-31s %-18s %12.2f %12.2f %12s %14.0f\n' "$(label "$c")" "$name" "$wall" "$d" "$rss" \
            "$(awk -v d="$d" -v e="$e" 'BEGIN {print d * 1e6 / e}')"
    done
done
