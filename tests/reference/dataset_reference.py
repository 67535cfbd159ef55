#!/usr/bin/python3
"""numpy reference for ctnn-dataset: what each test file in tests/data_tool/good/ must become.

For every case of tests/data_tool/CMakeLists.txt's good files, reads the file with Python's
csv module (or the IDX bytes with numpy), splits it with
    perm = np.random.RandomState(seed).permutation(n); test, train = perm[:k], perm[k:]
(and checks that sklearn's train_test_split(..., test_size=k, random_state=seed) agrees),
scales with numpy's statistics of the training part (X_train.mean(axis=0), .std(axis=0),
.min(axis=0), .max(axis=0); a zero std or range divides by 1; for standardisation the
script also adds the rows in order itself and checks numpy's result against that, which
holds with two or more columns -- with one column numpy sums pairwise, see NOTES), computes
(X - offset) / divisor, and
writes everything as exact hexfloat literals:

    /usr/bin/python3 tests/reference/dataset_reference.py > tests/data/dataset_reference.hpp

tests/static/dataset_static.cpp compares the generated headers with these, every double.
"""
import csv
import gzip
import math
import os
import sys

import numpy as np
from sklearn.model_selection import train_test_split

NOTES = []
GOOD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data_tool", "good")


def read_csv(name, header, inputs, targets):
    with open(os.path.join(GOOD, name), newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    if header:
        rows = rows[1:]
    x = np.array([[float(r[c]) for c in inputs] for r in rows])
    y = [[r[c] for c in targets] for r in rows]
    return x, y


def read_idx(name):
    opener = gzip.open if name.endswith(".gz") else open
    with opener(os.path.join(GOOD, name), "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * d:8 + 4 * d], "big") for d in range(rank)]
    dtype = {0x08: ">u1", 0x0B: ">i2", 0x0D: ">f4"}[data[2]]
    return np.frombuffer(data, dtype=dtype, offset=4 + 4 * rank).reshape(dims).astype(np.float64)


def split(n, k, seed):
    perm = np.random.RandomState(seed).permutation(n)
    test, train = perm[:k], perm[k:]
    if k > 0:
        sk_train, sk_test = train_test_split(np.arange(n), test_size=k, random_state=seed)
        assert np.array_equal(sk_train, train) and np.array_equal(sk_test, test), "sklearn splits differently"
    return train, test


def scaling(x_train, method, divide=None):
    d = x_train.shape[1]
    if method == "standardize":
        offset, divisor = x_train.mean(axis=0), x_train.std(axis=0)
        # The documented formula, rows added in order. numpy's axis-0 sums add rows in this
        # order when there are two or more columns; with one column numpy sums pairwise, so
        # there the formula is the reference, and how far numpy's own result is goes into
        # the header as a comment.
        total = np.zeros(d)
        for row in x_train:
            total = total + row
        mean = total / len(x_train)
        squares = np.zeros(d)
        for row in x_train:
            squares = squares + (row - mean) * (row - mean)
        std = np.sqrt(squares / len(x_train))
        if d >= 2:
            assert np.array_equal(mean, offset) and np.array_equal(std, divisor), "numpy sums differently"
        else:
            NOTES.append(f"one column: numpy's mean is {abs(offset[0] - mean[0]) / np.spacing(mean[0]):.0f} ulp and "
                         f"its std {abs(divisor[0] - std[0]) / np.spacing(std[0]):.0f} ulp from the formula's")
        offset, divisor = mean, std
    elif method == "min-max":
        offset, divisor = x_train.min(axis=0), x_train.max(axis=0) - x_train.min(axis=0)
    elif method == "divide":
        offset, divisor = np.zeros(d), np.full(d, float(divide))
    else:
        offset, divisor = np.zeros(d), np.ones(d)
    return offset, np.where(divisor == 0.0, 1.0, divisor)


def classes_of(labels, names=None, order="appearance", integer=False):
    if integer:
        values = [int(float(v)) for v in labels]
        if names is None:
            distinct = sorted(set(values))
            return [str(v) for v in distinct], [distinct.index(v) for v in values]
        return names, values
    if names is None:
        names = []
        for v in labels:
            if v not in names:
                names.append(v)
        if order == "sorted":
            names = sorted(names)
    return names, [names.index(v) for v in labels]


def hexf(v):
    v = float(v)
    if v == math.floor(v) and abs(v) < 2.0 ** 53:
        return "-0.0" if v == 0 and math.copysign(1, v) < 0 else str(int(v))
    return v.hex()


def emit(name, train_rows, test_rows, offset, divisor, x_train, y_train, x_test, y_test, class_names=None,
         raw_test=None):
    out = [f"namespace {name} {{"]

    def arr(var, values, kind="double"):
        values = list(values)
        body = ", ".join(hexf(v) if kind == "double" else str(int(v)) for v in values)
        out.append(f"inline constexpr std::array<{kind}, {max(len(values), 1)}> {var}{{{{{body}}}}};")

    arr("train_rows", train_rows, "std::size_t")
    arr("test_rows", test_rows, "std::size_t")
    arr("offset", offset)
    arr("divisor", divisor)
    arr("train_x", np.ravel(x_train))
    arr("train_y", np.ravel(y_train))
    arr("test_x", np.ravel(x_test))
    arr("test_y", np.ravel(y_test))
    if raw_test is not None:  # the test part before scaling: what a program would measure
        arr("raw_test_x", np.ravel(raw_test))
    if class_names is not None:
        body = ", ".join('"' + c + '"' for c in class_names)
        out.append(f"inline constexpr std::array<std::string_view, {len(class_names)}> classes{{{{{body}}}}};")
    out.append(f"}}  // namespace {name}\n")
    print("\n".join(out))


def classification_case(name, x, labels, k, seed, method, divide=None, names=None, order="appearance",
                        integer=False, test=None):
    """test: (x_test, labels_test) from a separate file, instead of a split."""
    all_labels = list(labels) + (list(test[1]) if test is not None else [])
    class_names, index = classes_of(all_labels, names, order, integer)
    onehot = np.eye(len(class_names))[index]
    if test is None:
        train_rows, test_rows = split(len(x), k, seed)
        x_train, x_test = x[train_rows], x[test_rows]
        y_train, y_test = onehot[train_rows], onehot[test_rows]
    else:
        train_rows, test_rows = np.arange(len(x)), np.arange(len(test[0]))
        x_train, x_test = x, test[0]
        y_train, y_test = onehot[:len(x)], onehot[len(x):]
    offset, divisor = scaling(x_train, method, divide)
    emit(name, train_rows, test_rows, offset, divisor, (x_train - offset) / divisor, y_train,
         (x_test - offset) / divisor, y_test, class_names, raw_test=x_test)


def regression_case(name, x, y, k, seed, method):
    train_rows, test_rows = split(len(x), k, seed)
    offset, divisor = scaling(x[train_rows], method)
    emit(name, train_rows, test_rows, offset, divisor, (x[train_rows] - offset) / divisor, y[train_rows],
         (x[test_rows] - offset) / divisor, y[test_rows])


def main():
    print("#pragma once\n// Generated by tests/reference/dataset_reference.py (numpy " + np.__version__ +
          "); do not edit.\n#include <array>\n#include <cstddef>\n#include <string_view>\n\n"
          "namespace ctnn_test::dataset_reference {\n")
    # flowers.csv: inputs "petal width", column 1 ("sepal length, cm"), "lab"; label "species".
    x, y = read_csv("flowers.csv", True, [4, 1, 5], [2])
    classification_case("flowers", x, [r[0] for r in y], math.ceil(0.25 * len(x)), 5, "standardize")
    classification_case("flowers_sorted", x, [r[0] for r in y], 0, 0, "none", order="sorted")
    x, y = read_csv("regression.csv", False, [0, 1, 2], [3, 4])
    regression_case("regression", x, np.array(y, dtype=float), 10, 11, "min-max")
    x, y = read_csv("one_column.csv", False, [0], [1])
    regression_case("one_column", x, np.array(y, dtype=float), math.ceil(0.2 * len(x)), 1, "standardize")
    # images: the first 25 of 30 6x6 images, a 1-pixel border cropped: 4x4 = 16 inputs.
    images = read_idx("images-idx3-ubyte.gz")[:25, 1:5, 1:5].reshape(25, 16)
    labels = read_idx("labels-idx1-ubyte")[:25]
    classification_case("images", images, labels, math.ceil(0.2 * 25), 2, "divide", divide=255, integer=True)
    # Separate training and test files: all 30 training images, the first 10 test images.
    test_images = read_idx("test-images-idx3-ubyte").reshape(12, 36)[:10]
    test_labels = read_idx("test-labels-idx1-ubyte.gz")[:10]
    classification_case("images_separate", read_idx("images-idx3-ubyte.gz").reshape(30, 36),
                        read_idx("labels-idx1-ubyte"), 0, 0, "standardize", names=["a", "b", "c", "d"], integer=True,
                        test=(test_images, test_labels))
    x, y = read_csv("float_labels.csv", False, [0], [1])
    classification_case("float_labels", x, [r[0] for r in y], 2, 3, "none", integer=True)
    # IDX float32 values and int16 labels (-100, 0, 100).
    classification_case("idx_types", read_idx("values-f32-idx2"), read_idx("labels-i16-idx1"), 3, 4, "min-max",
                        integer=True)
    for note in NOTES:
        print("// " + note)
    print("}  // namespace ctnn_test::dataset_reference")


if __name__ == "__main__":
    main()
