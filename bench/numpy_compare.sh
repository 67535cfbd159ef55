#!/usr/bin/env bash
# The seed's XOR training (2-4-1, lr 0.1, 10000 epochs) in numpy against ctnn's two
# run-time variants, in one run, and the speed ratios (numpy time / C++ time):
#   bit-identical  ctnn::train with the constexpr code, as the compiler trains
#                  (ctnn_train_bench's BM_train_bit_identical)
#   fast           the same with ctnn::sigmoid_fast, whose exp vectorises (BM_train_fast):
#                  the fast run-time variant, within ~3e-14 of the compile-time weights
#   libm           the same with ctnn::sigmoid_libm, the C library's exp (BM_train_libm)
# numpy: bench/numpy_xor.py under /usr/bin/python3 (Debian's python3-numpy), best of 5.
# C++: the ctnn_train_bench binary, --benchmark_format=json (its mean over repetitions).
#
#   bench/numpy_compare.sh [-b path/to/ctnn_train_bench] [--repetitions N]
#
# Without -b it uses build/gcc/bench/ctnn_train_bench, configuring and building it with
# `cmake --preset gcc` if it is not there. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=""
repetitions=3
while (($#)); do
    case "$1" in
        -b) bench="${2:?-b needs a path}"; shift 2 ;;
        --repetitions) repetitions="${2:?--repetitions needs a number}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [[ -z "$bench" ]]; then
    bench=build/gcc/bench/ctnn_train_bench
    if [[ ! -x "$bench" ]]; then
        cmake --preset gcc >/dev/null
        cmake --build --preset gcc --target ctnn_train_bench -j "$(nproc)"
    fi
fi
[[ -x "$bench" ]] || { echo "no benchmark binary at $bench" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs"
echo "numpy: /usr/bin/python3 bench/numpy_xor.py (best of 5) ..."
/usr/bin/python3 bench/numpy_xor.py --repeat 5 >"$tmp/numpy.json"
echo "C++:   $bench (mean of $repetitions repetitions) ..."
"$bench" --benchmark_filter='^BM_train_(bit_identical|fast|libm)$' --benchmark_format=json \
    --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
    >"$tmp/cxx.json" 2>"$tmp/cxx.err"
grep -v '^$' "$tmp/cxx.err" | sed 's/^/       /' || true
echo

/usr/bin/python3 - "$tmp/numpy.json" "$tmp/cxx.json" <<'EOF'
import json
import sys

numpy = json.load(open(sys.argv[1]))
cxx = json.load(open(sys.argv[2]))
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}

def seconds(name):
    runs = [b for b in cxx["benchmarks"] if b["run_name"] == name]
    mean = [b for b in runs if b.get("aggregate_name") == "mean"]
    b = (mean or runs)[0]
    return b["real_time"] * scale[b["time_unit"]], b

# Issue 4's goals: 300x numpy bit for bit, 1000x for the fast variant; libm has none.
targets = {"BM_train_bit_identical": ("bit-identical (constexpr exp)", 300),
           "BM_train_fast": ("fast (sigmoid_fast)", 1000),
           "BM_train_libm": ("libm (std::exp)", None)}
ctx = cxx["context"]
print(f"ctnn_train_bench: {ctx['num_cpus']} CPUs at {ctx['mhz_per_cpu']} MHz, CPU scaling "
      f"{ctx.get('cpu_scaling_enabled')}, libbenchmark built as {ctx.get('library_build_type', '?')}")
print(f"numpy {numpy['numpy']}, {numpy['epochs']} epochs: best of {numpy['repeat']} "
      f"{numpy['best_s'] * 1e3:.2f} ms  (all: {', '.join(f'{t * 1e3:.1f}' for t in numpy['times_s'])} ms)")
print()
print(f"{'variant':32} {'C++ time':>12} {'ns/epoch':>10} {'numpy / C++':>12} {'target':>8}  met")
for name, (label, target) in targets.items():
    s, b = seconds(name)
    ratio = numpy["best_s"] / s
    extra = ""
    if "max_abs_diff" in b:
        extra = f"   (max |param diff| vs compile time: {b['max_abs_diff']:.3g})"
    goal = f"{target:7}x  {'yes' if ratio >= target else 'NO '}" if target else f"{'-':>8}     "
    print(f"{label:32} {s * 1e3:9.3f} ms {s / numpy['epochs'] * 1e9:10.1f} {ratio:11.0f}x {goal}{extra}")
EOF
