#!/usr/bin/python3
"""Times the seed's XOR training in PyTorch, the way a PyTorch user writes it.

The seed's network and recipe (tests/reference/xor_reference.py): 2-4-1, sigmoid after
both layers, numpy's np.random.seed(42) randn weights and zero biases, full-batch
gradient descent at 0.1 for 10000 epochs, in float64. As PyTorch code: nn.Sequential of
nn.Linear and nn.Sigmoid, torch.optim.SGD, autograd. The loss is 0.5 * sum((y_hat - y)^2),
whose gradient with respect to y_hat is y_hat - y, the gradient the seed steps along
(torch's MSELoss, a mean, would scale it by 2 / 4). One thread: the matrices are 4 x 2,
and on a shared machine more threads only add scheduling noise.

Prints one line of JSON for bench/peers.sh: the best of --repeat runs in seconds of process
CPU time (time.process_time; the network is built outside the timed loop), and how far the
trained parameters and the predictions are from numpy's (the seed run once, untimed).

    /usr/bin/python3 bench/peers/torch_xor.py [--repeat 5] [--epochs 10000]

Needs Debian's python3-torch (apt-get install python3-torch).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "reference"))
from xor_reference import train as numpy_train  # noqa: E402


def seed_model():
    np.random.seed(42)
    W1 = np.random.randn(2, 4)
    W2 = np.random.randn(4, 1)
    model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Sigmoid(),
                                torch.nn.Linear(4, 1), torch.nn.Sigmoid()).double()
    with torch.no_grad():
        # nn.Linear stores W as (out, in): numpy's W transposed.
        model[0].weight.copy_(torch.from_numpy(W1.T.copy()))
        model[0].bias.zero_()
        model[2].weight.copy_(torch.from_numpy(W2.T.copy()))
        model[2].bias.zero_()
    return model


def train(model, X, y, epochs, learning_rate=0.1):
    opt = torch.optim.SGD(model.parameters(), lr=learning_rate)
    for _ in range(epochs):
        opt.zero_grad()
        loss = 0.5 * ((model(X) - y) ** 2).sum()
        loss.backward()
        opt.step()
    return model


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--epochs", type=int, default=10000)
    a = p.parse_args()
    torch.set_num_threads(1)
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float64)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float64)
    times = []
    for _ in range(a.repeat):
        model = seed_model()
        start = time.process_time()
        train(model, X, y, a.epochs)
        times.append(time.process_time() - start)
    ref = numpy_train(epochs=a.epochs)
    with torch.no_grad():
        params = [(model[0].weight.numpy().T, ref["W1"]), (model[0].bias.numpy(), ref["b1"].ravel()),
                  (model[2].weight.numpy().T, ref["W2"]), (model[2].bias.numpy(), ref["b2"].ravel())]
        param_diff = max(float(np.max(np.abs(mine - theirs))) for mine, theirs in params)
        prediction_diff = float(np.max(np.abs(model(X).numpy() - ref["predictions"])))
    print(json.dumps({"trainer": "PyTorch", "version": torch.__version__, "epochs": a.epochs, "repeat": a.repeat,
                      "best_s": min(times), "times_s": times, "max_param_diff": param_diff,
                      "max_prediction_diff": prediction_diff}))


if __name__ == "__main__":
    main()
