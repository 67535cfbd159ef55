#!/usr/bin/env bash
# The seed's XOR training (2-4-1 sigmoid, MSE, full-batch gradient descent at 0.1, 10000
# epochs from numpy's randn(seed 42) weights) with every trainer at hand, in one run on
# one machine, and one table: time per run (best of N), per epoch, and the ratios. Times
# are process CPU time, which a machine busy with other work disturbs less than wall time.
#
#   numpy           bench/peers/numpy_xor.py: the seed's own loop (python3-numpy)
#   PyTorch         bench/peers/torch_xor.py: nn.Sequential + SGD, float64, one thread
#                   (python3-torch; left out if /usr/bin/python3 cannot import torch)
#   FANN            bench/peers/fann_xor.cpp (ctnn_peers_fann): FANN 2.2 in double, batch
#                   training as close to the seed's recipe as FANN allows (libfann-dev;
#                   left out if the build found no FANN); its differences are listed there
#   ctnn bit-identical   ctnn_train_bench's BM_train_bit_identical: ctnn::train with
#                   ctnn::sigmoid, bit for bit the network the compiler trained
#   ctnn libm       BM_train_libm: the same with ctnn::sigmoid_libm (the C library's exp)
#   ctnn fast       BM_train_fast: the same with ctnn::sigmoid_fast (vectorisable exp)
#
#   bench/peers.sh [-B build-dir] [--repetitions N]
#
# Without -B it uses build/gcc, configuring it with `cmake --preset gcc` if needed; either
# way it builds ctnn_train_bench and ctnn_peers_fann there. N (default 5) is the number of
# timed runs of every trainer; the table shows each one's fastest. Compare figures from
# one run: they move with the machine and with what else it is doing.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
repetitions=5
while (($#)); do
    case "$1" in
        -B) build="${2:?-B needs a build directory}"; shift 2 ;;
        --repetitions) repetitions="${2:?--repetitions needs a number}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
[[ "$repetitions" =~ ^[1-9][0-9]*$ ]] || { echo "--repetitions needs a positive number" >&2; exit 2; }
if [[ -z "$build" ]]; then
    build=build/gcc
    [[ -f "$build/CMakeCache.txt" ]] || cmake --preset gcc >/dev/null
fi
[[ -f "$build/CMakeCache.txt" ]] || { echo "$build is not a configured build directory" >&2; exit 1; }

# (Not `| grep -q`: under pipefail, grep's early exit would fail the pipeline.)
targets=(ctnn_train_bench)
build_targets=$(cmake --build "$build" --target help 2>/dev/null || true)
if [[ "$build_targets" == *ctnn_peers_fann* ]]; then
    targets+=(ctnn_peers_fann)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --build "$build" --target "${targets[@]}" -j "$(nproc)" >"$tmp/build.log" 2>&1 \
    || { cat "$tmp/build.log" >&2; exit 1; }

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "numpy:   /usr/bin/python3 bench/peers/numpy_xor.py --repeat $repetitions"
/usr/bin/python3 bench/peers/numpy_xor.py --repeat "$repetitions" >"$tmp/numpy.json"
if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    echo "PyTorch: /usr/bin/python3 bench/peers/torch_xor.py --repeat $repetitions"
    /usr/bin/python3 bench/peers/torch_xor.py --repeat "$repetitions" >"$tmp/torch.json"
else
    echo "PyTorch: not installed (apt-get install python3-torch), left out"
fi
if [[ -x "$build/bench/ctnn_peers_fann" ]]; then
    echo "FANN:    $build/bench/ctnn_peers_fann --repeat $repetitions"
    "$build/bench/ctnn_peers_fann" --repeat "$repetitions" >"$tmp/fann.json"
else
    echo "FANN:    not found by the build (apt-get install libfann-dev, then reconfigure), left out"
fi
echo "ctnn:    $build/bench/ctnn_train_bench --benchmark_repetitions=$repetitions"
"$build/bench/ctnn_train_bench" --benchmark_filter='^BM_train_(bit_identical|fast|libm)$' \
    --benchmark_format=json --benchmark_repetitions="$repetitions" >"$tmp/ctnn.json" 2>"$tmp/ctnn.err" \
    || { cat "$tmp/ctnn.err" >&2; exit 1; }
echo

/usr/bin/python3 - "$tmp" <<'PY'
import json
import os
import sys

tmp = sys.argv[1]
rows = []  # (trainer, detail, seconds, result)

def load(name):
    path = os.path.join(tmp, name)
    return json.load(open(path)) if os.path.exists(path) else None

def peer(j, detail):
    if j is None:
        return
    if "max_param_diff" in j:
        result = f"params within {j['max_param_diff']:.2g}, outputs within {j['max_prediction_diff']:.2g} of numpy's"
    else:
        result = "the seed"
    rows.append((j["trainer"], f"{j['version']}, {detail}", j["best_s"], result))

numpy = load("numpy.json")
epochs = numpy["epochs"]
peer(numpy, "the seed's loop")
peer(load("torch.json"), "float64, SGD, 1 thread")
peer(load("fann.json"), "double, batch, linear error")

cxx = load("ctnn.json")
scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
for name, label, detail in (("BM_train_bit_identical", "ctnn bit-identical", "ctnn::sigmoid"),
                            ("BM_train_libm", "ctnn libm", "ctnn::sigmoid_libm"),
                            ("BM_train_fast", "ctnn fast", "ctnn::sigmoid_fast")):
    runs = [b for b in cxx["benchmarks"] if b["run_name"] == name and b.get("run_type") != "aggregate"]
    best = min(b["cpu_time"] * scale[b["time_unit"]] for b in runs)
    b = runs[0]
    if b.get("bit_identical") == 1:
        result = "the compile-time network, bit for bit"
    else:
        result = f"params within {b['max_abs_diff']:.2g} of the compile-time network"
    rows.append((label, detail, best, result))

base = {r[0]: r[2] for r in rows}
numpy_s, ctnn_s = base["numpy"], base["ctnn bit-identical"]
print(f"The seed's XOR network, {epochs} epochs; each trainer's fastest of "
      f"{numpy['repeat']} runs in process CPU time, all in this one run:")
print()
header = ("trainer", "what", "per run", "per epoch", "numpy / it", "it / ctnn b-i", "result")
table = [header]
for trainer, detail, s, result in rows:
    per = s / epochs
    table.append((trainer, detail, f"{s * 1e3:.3f} ms" if s < 1 else f"{s:.3f} s",
                  f"{per * 1e9:.0f} ns" if per < 1e-6 else f"{per * 1e6:.1f} µs",
                  f"{numpy_s / s:.1f}x", f"{s / ctnn_s:.2f}x", result))
widths = [max(len(r[i]) for r in table) for i in range(len(header))]
for r in table:
    cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [r[i].rjust(widths[i]) for i in range(2, 6)] + [r[6]]
    print("  ".join(cells))
print()
print("numpy / it: how many times faster than numpy; it / ctnn b-i: time relative to ctnn's bit-identical "
      "training. The compile-time network is within 1e-12 of numpy's (tests/static/xor_static.cpp).")
PY
