#!/usr/bin/python3
"""numpy's side of ctnn's models trained on real data (models/iris.hpp, models/digits.hpp).

Shared by iris_reference.py and digits_reference.py: each loads its data from Debian's
python3-sklearn files, splits and scales it as the dataset tool does, and trains with
ctnn's recipe, in numpy, with the operations of parity_reference.py (which follows ctnn
operation for operation; see its docstring for where numpy's own order differs and how
that is handled). What is added here:

  split        perm = np.random.RandomState(split_seed).permutation(n); the first
               `test` indices of perm are the test part, the rest (in perm's order) the
               training part
  standardise  per feature, statistics of the training part only: mean = the samples
               added in order / n, std = sqrt(sum in order of (x - mean)^2 / n) (numpy's
               x.mean(0) and x.std(0) on a C-ordered (n, features) array add rows in this
               order; checked); a feature whose std is 0 is divided by 1, as
               scikit-learn's StandardScaler does
  shuffling    rs = np.random.RandomState(shuffle_seed); epoch e trains on the rows of the
               e-th rs.permutation(n_train), cut into consecutive batches
               (ctnn::shuffle_each_epoch)
  metrics      class = argmax of the outputs (the first on ties, as np.argmax); the
               confusion matrix has the true class as row, the predicted as column, as
               sklearn.metrics.confusion_matrix (checked against it)
"""
import gzip
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
sys.path.insert(0, HERE)
import parity_reference as pr  # noqa: E402

SKLEARN_DATA = "/usr/lib/python3/dist-packages/sklearn/datasets/data"


def load_iris():
    """150 x 4 features (cm) and labels 0, 1, 2; the first row of the file is a header."""
    rows = np.loadtxt(os.path.join(SKLEARN_DATA, "iris.csv"), delimiter=",", skiprows=1)
    return rows[:, :4].copy(), rows[:, 4].astype(int)


def load_digits():
    """1797 x 64 pixels (0..16) and labels 0..9; no header row."""
    with gzip.open(os.path.join(SKLEARN_DATA, "digits.csv.gz"), "rt") as f:
        rows = np.loadtxt(f, delimiter=",")
    return rows[:, :64].copy(), rows[:, 64].astype(int)


def split(x, labels, seed, test):
    perm = np.random.RandomState(seed).permutation(x.shape[0])
    te, tr = perm[:test], perm[test:]
    return x[tr].copy(), labels[tr].copy(), x[te].copy(), labels[te].copy(), perm


def standardise_stats(x):
    n = x.shape[0]
    total = np.zeros(x.shape[1])
    for row in x:
        total = total + row
    mean = total / n
    sq = np.zeros(x.shape[1])
    for row in x:
        d = row - mean
        sq = sq + d * d
    std = np.sqrt(sq / n)
    if not (np.array_equal(mean, x.mean(axis=0)) and np.array_equal(std, x.std(axis=0))):
        sys.exit("classifier_reference.py: numpy's mean/std do not add rows in order here")
    divisor = np.where(std == 0.0, 1.0, std)
    return mean, std, divisor


def one_hot(labels, classes):
    return np.eye(classes)[labels]


def check_blas_order(shapes):
    """Every product of these shapes sums over k in ascending order (the reference BLAS)."""
    rng = np.random.default_rng(0)
    for m, k, n in shapes:
        for _ in range(3):
            a = rng.standard_normal((m, k)) * 10.0 ** rng.uniform(-3, 3, (m, k))
            b = rng.standard_normal((k, n)) * 10.0 ** rng.uniform(-3, 3, (k, n))
            want = np.array([[pr.sum_asc(a[i, :] * b[:, j]) for j in range(n)] for i in range(m)])
            for got in (a @ b, np.ascontiguousarray(a.T).T @ b, a @ np.ascontiguousarray(b.T).T):
                if not np.array_equal(got, want):
                    sys.exit(f"classifier_reference.py: numpy's matmul ({m}x{k} @ {k}x{n}) does not sum in "
                             "ascending order: is the BLAS the reference one (libblas3)?")


def classify(outputs):
    return np.argmax(outputs, axis=1)


def confusion(true, predicted, classes):
    m = np.zeros((classes, classes), dtype=int)
    for t, p in zip(true, predicted):
        m[t, p] += 1
    try:
        from sklearn.metrics import confusion_matrix
        if not np.array_equal(m, confusion_matrix(true, predicted, labels=list(range(classes)))):
            sys.exit("classifier_reference.py: confusion matrix differs from sklearn's")
    except ImportError:
        pass
    return m


def train(x, y, sizes, acts, lr, init, init_seed, epochs, batch, shuffle_seed, log_every=1):
    """ctnn's train() with shuffle_each_epoch and Adam, in numpy; returns the results."""
    acts = [pr.activation(a) for a in acts]
    loss = pr.CategoricalCrossEntropy
    opt = pr.Adam(learning_rate=lr)
    Ws, bs = pr.initialize(sizes, init, init_seed)
    init_Ws = [W.copy() for W in Ws]
    log_differences = pr.log_rounding_differences(sizes, init, init_seed, init_Ws)
    n = x.shape[0]
    assert n % batch == 0
    rs = np.random.RandomState(shuffle_seed)
    losses = []
    orders = []
    for epoch in range(epochs):
        order = rs.permutation(n)
        orders.append(order)
        log = epoch % log_every == 0
        value = 0.0
        for k in range(n // batch):
            rows = order[k * batch:(k + 1) * batch]
            value += pr.update(Ws, bs, acts, loss, opt, x[rows], y[rows], log)
        value /= n // batch
        if log:
            assert math.isfinite(value)
            losses.append(value)
    return dict(acts=acts, init_Ws=init_Ws, log_differences=log_differences, losses=losses, Ws=Ws, bs=bs,
                orders=orders)


def predict(r, x):
    return pr.forward(r["Ws"], r["bs"], r["acts"], x)[-1]


def cxx_ints(values, per_line=20, indent="        "):
    flat = [str(int(v)) for v in np.asarray(values).ravel()]
    lines = [", ".join(flat[i:i + per_line]) for i in range(0, len(flat), per_line)]
    return ("\n" + indent).join(l + "," for l in lines).rstrip(",")


def header(name, description, cfg, r, split_perm, mean, std, train_acc, test_pred, test_labels, test_outputs,
           classes):
    """The reference as a C++ header: exact literals, matrices row-major as numpy stores them."""
    sizes = cfg["sizes"]
    layers = [f"ctnn::dense<{sizes[i]}, {sizes[i + 1]}, {a.cxx}>" for i, a in enumerate(r["acts"])]
    correct = int(np.sum(test_pred == test_labels))
    cm = confusion(test_labels, test_pred, classes)
    diffs = ", ".join(f"{{{l}, {i}, {pr.hexf(v)}}}" for l, i, v in r["log_differences"])
    out = [f"// Generated by tests/reference/{name}_reference.py with numpy {np.__version__}; do not edit.",
           f"// {description}",
           "// Every double is exact (hexfloat); matrices are row-major as numpy stores them.",
           "#pragma once",
           "#include <array>",
           "#include <cstddef>",
           "",
           "#include <ctnn/ctnn.hpp>",
           "",
           f"namespace ctnn_test::{name}_reference {{",
           "",
           f"inline constexpr std::size_t train_samples = {len(split_perm) - cfg['test']};",
           f"inline constexpr std::size_t test_samples = {cfg['test']};",
           "// np.random.RandomState(split_seed).permutation(n): the first test_samples are the test part.",
           f"inline constexpr std::array<std::size_t, {len(split_perm)}> split_permutation{{\n"
           f"    {cxx_ints(split_perm, indent='    ')}}};",
           "// The training part's standardisation statistics (population std).",
           f"inline constexpr std::array<double, {len(mean)}> mean{{\n    {pr.cxx_values(mean, '    ')}}};",
           f"inline constexpr std::array<double, {len(std)}> std_dev{{\n    {pr.cxx_values(std, '    ')}}};",
           "// The first epoch's sample order (rs.permutation(train_samples), rs = RandomState(shuffle_seed)).",
           f"inline constexpr std::array<std::size_t, {len(r['orders'][0])}> first_epoch_order{{\n"
           f"    {cxx_ints(r['orders'][0], indent='    ')}}};",
           ""]
    for i, l in enumerate(layers):
        out.append(f"using layer{i} = {l};")
    out.append(f"using network_type = ctnn::network<{', '.join(f'layer{i}' for i in range(len(layers)))}>;")
    zero_bs = [np.zeros_like(b) for b in r["bs"]]
    out.append(f"inline constexpr network_type initial = {pr.cxx_network(r['init_Ws'], zero_bs, '    ')};")
    out.append("struct log_rounding_difference {\n    std::size_t layer;\n    std::size_t index;\n"
               "    double correctly_rounded;\n};")
    out.append("// Initial weights that glibc's log (numpy's) and a correctly rounded log (ctnn's) make\n"
               "// differ: {layer, index in W, the weight with a correctly rounded log}.")
    out.append(f"inline constexpr std::array<log_rounding_difference, {len(r['log_differences'])}> "
               f"initial_log_rounding{{{{{diffs}}}}};")
    out.append(f"// The loss logged at every epoch (the mean of the batches' losses).")
    out.append(f"inline constexpr std::array<double, {len(r['losses'])}> losses{{\n"
               f"    {pr.cxx_values(r['losses'], '    ')}}};")
    out.append(f"inline constexpr network_type trained = {pr.cxx_network(r['Ws'], r['bs'], '    ')};")
    out.append("// The trained network's outputs for the test part, its classes, and the scores.")
    out.append(f"inline constexpr std::array<double, {test_outputs.size}> test_outputs{{\n"
               f"    {pr.cxx_values(test_outputs, '    ')}}};")
    out.append(f"inline constexpr std::array<std::size_t, {len(test_pred)}> test_predicted{{\n"
               f"    {cxx_ints(test_pred, indent='    ')}}};")
    out.append(f"inline constexpr std::array<std::size_t, {len(test_labels)}> test_labels{{\n"
               f"    {cxx_ints(test_labels, indent='    ')}}};")
    out.append(f"inline constexpr std::size_t test_correct = {correct};  // {correct / len(test_labels):.4%}")
    out.append(f"inline constexpr std::size_t train_correct = {train_acc};")
    out.append("// Rows: true class; columns: predicted class (sklearn.metrics.confusion_matrix).")
    out.append(f"inline constexpr std::array<std::size_t, {classes * classes}> test_confusion{{\n"
               f"    {cxx_ints(cm, per_line=classes, indent='    ')}}};")
    out.append("")
    out.append(f"}}  // namespace ctnn_test::{name}_reference")
    return "\n".join(out) + "\n"


def run(name, description, load, cfg, argv):
    x, labels = load()
    classes = int(labels.max()) + 1
    xtr, ltr, xte, lte, perm = split(x, labels, cfg["split_seed"], cfg["test"])
    mean, std, divisor = standardise_stats(xtr)
    xtr = (xtr - mean) / divisor
    xte = (xte - mean) / divisor
    sizes = cfg["sizes"]
    shapes = set()
    for i in range(len(sizes) - 1):
        shapes |= {(cfg["batch"], sizes[i], sizes[i + 1]), (sizes[i], cfg["batch"], sizes[i + 1]),
                   (cfg["batch"], sizes[i + 1], sizes[i]), (cfg["test"], sizes[i], sizes[i + 1])}
    check_blas_order(sorted(shapes))
    r = train(xtr, one_hot(ltr, classes), sizes, cfg["acts"], cfg["lr"], cfg["init"], cfg["init_seed"],
              cfg["epochs"], cfg["batch"], cfg["shuffle_seed"])
    train_correct = int(np.sum(classify(predict(r, xtr)) == ltr))
    out = predict(r, xte)
    pred = classify(out)
    text = header(name, description, cfg, r, perm, mean, std, train_correct, pred, lte, out, classes)
    if "--stdout" in argv:
        sys.stdout.write(text)
    else:
        with open(os.path.join(DATA, f"{name}_reference.hpp"), "w") as f:
            f.write(text)
    print(f"{name}: held-out {int(np.sum(pred == lte))}/{len(lte)} = {np.mean(pred == lte):.4%}, "
          f"training part {train_correct}/{len(ltr)}, losses {r['losses']}", file=sys.stderr)
    return dict(xtr=xtr, ltr=ltr, xte=xte, lte=lte, r=r, pred=pred)
