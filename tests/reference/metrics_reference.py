#!/usr/bin/python3
"""sklearn's and numpy's metrics for ctnn's (include/ctnn/metrics/), on random data.

For a few shapes, random network outputs and targets are drawn with numpy, some rows given
ties (equal largest outputs) and, for the argmax cases, a NaN, and the expected values are
computed by the reference implementations:

  classify            numpy.argmax(scores, axis=1)  (first maximum; first NaN)
  classify_threshold  (scores > t).astype(int)
  accuracy            sklearn.metrics.accuracy_score
  confusion_matrix    sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(C))
  regression          sklearn.metrics mean_squared_error, mean_absolute_error, r2_score
                      (uniform_average), max of |y - y_hat| by numpy (max_error for 1 output)

    /usr/bin/python3 tests/reference/metrics_reference.py

writes tests/data/metrics_reference.hpp (Debian's python3-numpy and python3-sklearn).
"""
import os

import numpy as np
import sklearn
from sklearn import metrics

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "metrics_reference.hpp")


def hexf(v):
    return float(v).hex()


def values(a):
    return ", ".join(hexf(v) for v in np.asarray(a, dtype=np.float64).ravel())


def ints(a):
    return ", ".join(str(int(v)) for v in np.asarray(a).ravel())


def classification_case(name, rng, samples, classes, nan_row=None):
    scores = rng.standard_normal((samples, classes))
    # Ties: a few rows whose largest value appears twice (or everywhere).
    for r in range(0, samples, 5):
        j, k = rng.choice(classes, 2, replace=False)
        m = scores[r].max()
        scores[r, j] = m
        scores[r, k] = m
    scores[samples - 1, :] = 0.25
    if nan_row is not None:
        scores[nan_row, classes - 1] = np.nan
        scores[nan_row + 1, 1] = np.nan
        scores[nan_row + 1, classes - 1] = np.nan
    truth = rng.integers(0, classes, samples)
    one_hot = np.eye(classes)[truth]
    predicted = np.argmax(scores, axis=1)
    finite = [i for i in range(samples) if not np.isnan(scores[i]).any()]
    out = [f"struct {name} {{",
           f"    static constexpr std::size_t samples = {samples}, classes = {classes};",
           f"    static constexpr ctnn::matrix<{samples}, {classes}> scores{{{{{values(scores).replace('nan', 'std::numeric_limits<double>::quiet_NaN()')}}}}};",
           f"    static constexpr ctnn::matrix<{samples}, {classes}> one_hot{{{{{values(one_hot)}}}}};",
           f"    static constexpr std::array<std::size_t, {samples}> truth{{{ints(truth)}}};",
           "    // numpy.argmax(scores, axis=1)",
           f"    static constexpr std::array<std::size_t, {samples}> argmax{{{ints(predicted)}}};",
           "    // sklearn.metrics.accuracy_score(truth, argmax)",
           f"    static constexpr double accuracy = {hexf(metrics.accuracy_score(truth, predicted))};",
           f"    static constexpr std::size_t correct = {int(metrics.accuracy_score(truth, predicted, normalize=False))};",
           "    // sklearn.metrics.confusion_matrix(truth, argmax, labels=range(classes)), row-major",
           f"    static constexpr std::array<std::size_t, {classes * classes}> confusion{{"
           f"{ints(metrics.confusion_matrix(truth, predicted, labels=list(range(classes))))}}};",
           f"    static constexpr bool has_nan = {'true' if nan_row is not None else 'false'};",
           "};", ""]
    return "\n".join(out)


def threshold_case(name, rng, samples, t):
    scores = rng.uniform(0, 1, (samples, 1))
    scores[0, 0] = t  # exactly at the threshold: not above it
    labels = (scores[:, 0] > t).astype(int)
    truth = rng.integers(0, 2, samples)
    return "\n".join([f"struct {name} {{",
                      f"    static constexpr double threshold = {hexf(t)};",
                      f"    static constexpr ctnn::matrix<{samples}, 1> scores{{{{{values(scores)}}}}};",
                      f"    static constexpr std::array<std::size_t, {samples}> truth{{{ints(truth)}}};",
                      "    // (scores > threshold).astype(int)",
                      f"    static constexpr std::array<std::size_t, {samples}> labels{{{ints(labels)}}};",
                      f"    static constexpr double accuracy = {hexf(metrics.accuracy_score(truth, labels))};",
                      "};", ""])


def regression_case(name, rng, samples, outputs, constant_column=False):
    truth = rng.standard_normal((samples, outputs)) * 3.0
    predicted = truth + rng.standard_normal((samples, outputs)) * 0.5
    if constant_column:
        truth[:, -1] = 1.5
    return "\n".join([f"struct {name} {{",
                      f"    static constexpr ctnn::matrix<{samples}, {outputs}> predicted{{{{{values(predicted)}}}}};",
                      f"    static constexpr ctnn::matrix<{samples}, {outputs}> truth{{{{{values(truth)}}}}};",
                      f"    static constexpr double mse = {hexf(metrics.mean_squared_error(truth, predicted))};",
                      f"    static constexpr double mae = {hexf(metrics.mean_absolute_error(truth, predicted))};",
                      f"    static constexpr double max_abs = {hexf(np.max(np.abs(truth - predicted)))};",
                      f"    static constexpr double r2 = {hexf(metrics.r2_score(truth, predicted))};",
                      "};", ""])


def main():
    rng = np.random.default_rng(20261203)
    parts = [
        f"// Generated by tests/reference/metrics_reference.py with numpy {np.__version__} and "
        f"scikit-learn {sklearn.__version__}; do not edit.",
        "// Every double is exact (hexfloat); matrices are row-major.",
        "#pragma once",
        "#include <array>",
        "#include <limits>",
        "#include <cstddef>",
        "",
        "#include <ctnn/tensor/matrix.hpp>",
        "",
        "namespace ctnn_test::metrics_reference {",
        "",
        classification_case("three_classes", rng, 30, 3),
        classification_case("ten_classes", rng, 200, 10),
        classification_case("with_nan", rng, 12, 4, nan_row=3),
        threshold_case("yes_no", rng, 25, 0.5),
        regression_case("one_output", rng, 40, 1),
        regression_case("three_outputs", rng, 17, 3),
        regression_case("constant_column", rng, 9, 2, constant_column=True),
        "}  // namespace ctnn_test::metrics_reference",
        "",
    ]
    with open(OUT, "w") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    main()
