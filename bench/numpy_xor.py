#!/usr/bin/python3
"""Times the seed's numpy XOR training (tests/reference/xor_reference.py's recipe).

The loop below is the seed's, as tests/reference/xor_reference.py runs it: 2-4-1 sigmoid
network from np.random.seed(42) randn weights, MSE, full-batch gradient descent at 0.1,
10000 epochs, the loss computed every epoch and kept every 1000th. Prints one line of
JSON: the best of --repeat runs (time.perf_counter), in seconds, and the final loss.

    /usr/bin/python3 bench/numpy_xor.py [--repeat 5] [--epochs 10000]

Debian's python3-numpy is needed (run it with /usr/bin/python3).
"""
import argparse
import json
import time

import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(a):
    return a * (1 - a)


def train(seed=42, hidden=4, learning_rate=0.1, epochs=10000, log_every=1000):
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([[0], [1], [1], [0]])
    np.random.seed(seed)
    W1 = np.random.randn(2, hidden)
    b1 = np.zeros((1, hidden))
    W2 = np.random.randn(hidden, 1)
    b2 = np.zeros((1, 1))
    losses = []
    for epoch in range(epochs):
        z1 = X @ W1 + b1
        a1 = sigmoid(z1)
        z2 = a1 @ W2 + b2
        y_hat = sigmoid(z2)
        loss = np.mean((y - y_hat) ** 2)
        dL_dyhat = y_hat - y
        dL_dz2 = dL_dyhat * sigmoid_derivative(y_hat)
        dW2 = a1.T @ dL_dz2
        db2 = np.sum(dL_dz2, axis=0, keepdims=True)
        dL_da1 = dL_dz2 @ W2.T
        dL_dz1 = dL_da1 * sigmoid_derivative(a1)
        dW1 = X.T @ dL_dz1
        db1 = np.sum(dL_dz1, axis=0, keepdims=True)
        W2 -= learning_rate * dW2
        b2 -= learning_rate * db2
        W1 -= learning_rate * dW1
        b1 -= learning_rate * db1
        if epoch % log_every == 0:
            losses.append(loss)
    return losses, (W1, b1, W2, b2)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--epochs", type=int, default=10000)
    a = p.parse_args()
    times = []
    for _ in range(a.repeat):
        start = time.perf_counter()
        losses, _ = train(epochs=a.epochs)
        times.append(time.perf_counter() - start)
    print(json.dumps({"numpy": np.__version__, "epochs": a.epochs, "repeat": a.repeat,
                      "best_s": min(times), "times_s": times, "final_logged_loss": float(losses[-1])}))


if __name__ == "__main__":
    main()
