#!/usr/bin/python3
"""Times the seed's numpy XOR training (tests/reference/xor_reference.py's recipe).

The loop is the seed's, imported from tests/reference/xor_reference.py: 2-4-1 sigmoid
network from np.random.seed(42) randn weights, MSE, full-batch gradient descent at 0.1,
10000 epochs, the loss computed every epoch and kept every 1000th. Prints one line of
JSON for bench/peers.sh: the best of --repeat runs in seconds of process CPU time
(time.process_time: a machine busy with other work disturbs it less than wall time), and
the final logged loss.

    /usr/bin/python3 bench/peers/numpy_xor.py [--repeat 5] [--epochs 10000]

Debian's python3-numpy is needed (run it with /usr/bin/python3).
"""
import argparse
import json
import os
import sys
import time

import numpy as np

# The recipe itself lives in the reference script, so the timed loop is the checked one.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
from xor_reference import train  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--epochs", type=int, default=10000)
    a = p.parse_args()
    times = []
    for _ in range(a.repeat):
        start = time.process_time()
        result = train(epochs=a.epochs)
        times.append(time.process_time() - start)
    print(json.dumps({"trainer": "numpy", "version": np.__version__, "epochs": a.epochs, "repeat": a.repeat,
                      "best_s": min(times), "times_s": times, "final_logged_loss": float(result["losses"][-1])}))


if __name__ == "__main__":
    main()
