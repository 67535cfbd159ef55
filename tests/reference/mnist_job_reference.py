#!/usr/bin/python3
"""numpy reference for the MNIST-scale job (bench/mnist/, docs/mnist_job.md).

The job is constexpr-nn's MNIST benchmark on Fashion-MNIST (Debian's dataset-fashion-mnist):
the first N training and the first N test images, each cropped to its central 22 x 22
(rows and columns 3..24 of 28), pixels / 255.0; a 484-100-100-10 ReLU/ReLU/softmax MLP,
he_normal(seed) initial weights and zero biases, categorical cross-entropy, Adam, mini-
batches in dataset order, one epoch; then the accuracy (argmax, first maximum on ties) on
the test images.

The trainer follows ctnn operation for operation, as tests/reference/parity_reference.py
does (whose docstring says why each choice gives ctnn's bits):
  * matrix products with `@` on Debian's reference BLAS (libblas3), which sums every dot
    product in ascending order, as ctnn does (checked here on the job's shapes);
  * sums over a batch and across a row in ascending order (ctnn's db, softmax, loss);
  * softmax's exp is the C library's (math.exp), which ctnn::math::exp equals for ~99.9% of
    arguments (and is within 1 ulp of for the rest); np.exp's SIMD differs more often;
  * the initial weights are numpy's randn stream replayed with a correctly rounded log, as
    ctnn::math::log is (glibc's log is not: for ~1 draw in 1000 the weights differ by an
    ulp); the replay with math.log is checked to give numpy's own randn, bit for bit.

    /usr/bin/python3 tests/reference/mnist_job_reference.py            # writes tests/data/mnist_job_{reference,images,initial}.hpp
    /usr/bin/python3 tests/reference/mnist_job_reference.py --sweep    # accuracy per Adam learning rate

Debian's python3-numpy (with libblas3) and dataset-fashion-mnist are needed.
"""
import gzip
import math
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import randn_reference  # noqa: E402

DATA = os.path.join(HERE, "..", "data")
FASHION = "/usr/share/datasets/fashion-mnist"
EPS = 1e-15  # ctnn::detail::probability_epsilon
SIZES = [484, 100, 100, 10]
CROP = 3  # 28 - 2 * 3 = 22
SEED = 1  # he_normal's seed
BATCH = 100
LEARNING_RATE = 0.003  # the best of SWEEP for seeds 1, 2 and 3 (see docs/mnist_job.md)
SWEEP = [0.001, 0.002, 0.003, 0.005, 0.01, 0.02]

# The scaled-down job of the test suite: the same network and recipe on fewer images.
SMALL = dict(train=200, test=200, batch=100)   # tests/runtime: trained at run time
TINY = dict(train=2, test=2, batch=1)          # tests/static: trained by the compiler

# ----------------------------------------------------------------------------- data


def read_idx(path, first):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    zero, kind, rank = struct.unpack(">HBB", raw[:4])
    assert zero == 0 and kind == 0x08, path
    dims = struct.unpack(">" + "I" * rank, raw[4:4 + 4 * rank])
    per_item = int(np.prod(dims[1:])) if rank > 1 else 1
    body = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank)
    assert body.size == dims[0] * per_item, path
    return body[:first * per_item].reshape((first,) + tuple(dims[1:]))


def load(part, first):
    """(pixels uint8 (first, 22, 22), labels uint8 (first,)) of 'train' or 't10k'."""
    images = read_idx(os.path.join(FASHION, f"{part}-images-idx3-ubyte.gz"), first)
    labels = read_idx(os.path.join(FASHION, f"{part}-labels-idx1-ubyte.gz"), first)
    return images[:, CROP:28 - CROP, CROP:28 - CROP].copy(), labels.copy()


def as_samples(pixels, labels):
    x = pixels.reshape(pixels.shape[0], -1).astype(np.float64) / 255.0
    y = np.eye(10)[labels]
    return x, y

# ----------------------------------------------------------------------------- the trainer


def he_normal(seed):
    """ctnn::initialize<network>(he_normal{seed}): randn(in, out) * sqrt(2 / in), layer by layer."""
    count = sum(SIZES[i] * SIZES[i + 1] for i in range(len(SIZES) - 1))
    np.random.seed(seed)
    uniforms = np.random.random_sample(2 * count + 4096).tolist()  # acceptance is pi/4
    libm = randn_reference.polar_normals(uniforms, count, math.log)
    np.random.seed(seed)
    if not np.array_equal(np.array(libm), np.random.randn(count)):
        sys.exit("mnist_job_reference.py: the polar-method replay does not give numpy's randn")
    exact = randn_reference.polar_normals(uniforms, count, randn_reference.correctly_rounded_log)
    Ws, first = [], 0
    for i in range(len(SIZES) - 1):
        n = SIZES[i] * SIZES[i + 1]
        scale = np.sqrt(2 / SIZES[i])
        Ws.append(np.array(exact[first:first + n]).reshape(SIZES[i], SIZES[i + 1]) * scale)
        first += n
    bs = [np.zeros((1, SIZES[i + 1])) for i in range(len(SIZES) - 1)]
    differing = sum(1 for a, b in zip(libm, exact) if a != b)
    return Ws, bs, differing


def ascending_rows(a):
    s = a[0:1].copy()
    for i in range(1, a.shape[0]):
        s = s + a[i:i + 1]
    return s


def ascending_cols(a):
    s = np.zeros((a.shape[0], 1))
    for j in range(a.shape[1]):
        s = s + a[:, j:j + 1]
    return s


def relu(z):
    return np.where(z > 0.0, z, 0.0)


def softmax(z):
    shifted = z - np.max(z, axis=1, keepdims=True)
    e = np.vectorize(math.exp, otypes=[np.float64])(shifted)
    return e / ascending_cols(e)


def forward(Ws, bs, x):
    outs = [x]
    for i, (W, b) in enumerate(zip(Ws, bs)):
        z = outs[-1] @ W + b
        outs.append(softmax(z) if i == len(Ws) - 1 else relu(z))
    return outs


def clip(p):
    return np.clip(p, EPS, 1.0 - EPS)


def loss_value(y_hat, y):
    s = 0.0
    for v in (y * np.log(clip(y_hat))).ravel():  # ctnn skips y == 0 terms: -0.0 changes no sum
        s = s + float(v)
    return -s / y.shape[0]


class Adam:
    def __init__(self, lr, b1=0.9, b2=0.999, eps=1e-8):
        self.lr, self.b1, self.b2, self.eps = lr, b1, b2, eps
        self.b1t, self.b2t = 1.0, 1.0
        self.m, self.v = {}, {}

    def begin_step(self):
        self.b1t *= self.b1
        self.b2t *= self.b2

    def step(self, p, g, key):
        m = self.m.setdefault(key, np.zeros_like(p))
        v = self.v.setdefault(key, np.zeros_like(p))
        m[...] = self.b1 * m + (1.0 - self.b1) * g
        v[...] = self.b2 * v + (1.0 - self.b2) * (g * g)
        p -= self.lr * (m / (1.0 - self.b1t)) / (np.sqrt(v / (1.0 - self.b2t)) + self.eps)


def update(Ws, bs, opt, x, y):
    outs = forward(Ws, bs, x)
    y_hat = outs[-1]
    value = loss_value(y_hat, y)
    dL_da = -y / clip(y_hat) / y.shape[0]
    opt.begin_step()
    for layer in reversed(range(len(Ws))):
        a = outs[layer + 1]
        if layer == len(Ws) - 1:
            delta = a * (dL_da - ascending_cols(a * dL_da))
        else:
            delta = dL_da * np.where(a > 0.0, 1.0, 0.0)
        if layer > 0:
            dL_da = delta @ Ws[layer].T  # before this layer's W changes
        opt.step(Ws[layer], outs[layer].T @ delta, ("W", layer))
        opt.step(bs[layer], ascending_rows(delta), ("b", layer))
    return value


def classify(p):
    return np.argmax(p, axis=1)  # the first maximum on ties


def job(train, test, batch, lr, seed=SEED):
    x, y = as_samples(*load("train", train))
    tx, ty = as_samples(*load("t10k", test))
    Ws, bs, differing = he_normal(seed)
    opt = Adam(lr)
    losses = [update(Ws, bs, opt, x[k:k + batch], y[k:k + batch]) for k in range(0, train, batch)]
    p = forward(Ws, bs, tx)[-1]
    correct = int(np.sum(classify(p) == np.argmax(ty, axis=1)))
    return dict(Ws=Ws, bs=bs, losses=losses, mean_loss=sum(losses) / len(losses), predictions=p,
                correct=correct, test=test, init_log_differences=differing)

# ----------------------------------------------------------------------------- checks


def check_blas_order():
    """`@` on the job's shapes sums in ascending order, bit for bit."""
    rng = np.random.default_rng(0)

    def asc(v):
        s = v[0]
        for t in v[1:]:
            s = s + t
        return s
    for m, k, n in [(5, 484, 100), (5, 100, 100), (5, 100, 10), (5, 10, 100), (484, 5, 100), (100, 5, 10),
                    (3, 100, 484)]:
        a = rng.standard_normal((m, k))
        b = rng.standard_normal((k, n))
        want = np.array([[asc(a[i, :] * b[:, j]) for j in range(n)] for i in range(m)])
        for got in (a @ b, np.ascontiguousarray(a.T).T @ b, a @ np.ascontiguousarray(b.T).T):
            if not np.array_equal(got, want):
                sys.exit(f"mnist_job_reference.py: numpy's matmul ({m}x{k} @ {k}x{n}) does not sum in "
                         "ascending order: is the BLAS the reference one (libblas3)?")

# ----------------------------------------------------------------------------- output


def hexf(v):
    return float(v).hex()


def values(vs, per_line=4, indent="    "):
    flat = [hexf(v) for v in np.asarray(vs, dtype=np.float64).ravel()]
    return (",\n" + indent).join(", ".join(flat[i:i + per_line]) for i in range(0, len(flat), per_line))


def fingerprint(W):
    """Sums that any change to a weight shows in: plain, and weighted by position (ascending)."""
    flat = np.asarray(W, dtype=np.float64).ravel()
    plain, weighted = 0.0, 0.0
    for i, v in enumerate(flat.tolist()):
        plain = plain + v
        weighted = weighted + v * float(i % 97 + 1)
    return plain, weighted


def cxx_result(name, spec, r, note, with_predictions=True):
    out = [f"// {name}: the first {spec['train']} training and {spec['test']} test images, batches of "
           f"{spec['batch']}; {note}",
           f"struct {name} {{",
           f"    static constexpr std::size_t train_images = {spec['train']};",
           f"    static constexpr std::size_t test_images = {spec['test']};",
           f"    static constexpr std::size_t batch = {spec['batch']};",
           f"    // The loss of each update (before it), and their mean (the epoch's logged loss).",
           f"    static constexpr std::array<double, {len(r['losses'])}> losses{{\n        "
           f"{values(r['losses'], indent='        ')}}};",
           f"    static constexpr double mean_loss = {hexf(r['mean_loss'])};",
           "    // Per layer: the sum of its trained weights, the sum weighted by (index % 97 + 1), and",
           "    // the sum of its biases, each in ascending order.",
           f"    static constexpr std::array<std::array<double, 3>, {len(r['Ws'])}> fingerprints{{{{"]
    rows = []
    for W, b in zip(r["Ws"], r["bs"]):
        plain, weighted = fingerprint(W)
        rows.append(f"        {{{hexf(plain)}, {hexf(weighted)}, {hexf(fingerprint(b)[0])}}}")
    out.append(",\n".join(rows) + "}};")
    if with_predictions:
        out.append(f"    // The softmax outputs for the test images, one row per image.")
        out.append(f"    static constexpr std::array<double, {r['predictions'].size}> predictions{{\n        "
                   f"{values(r['predictions'], indent='        ')}}};")
    out.append(f"    static constexpr std::size_t correct = {r['correct']};  // of test_images")
    out.append("};\n")
    return "\n".join(out)


def header():
    check_blas_order()
    full = job(4000, 4000, BATCH, LEARNING_RATE)
    small = job(SMALL["train"], SMALL["test"], SMALL["batch"], LEARNING_RATE)
    tiny = job(TINY["train"], TINY["test"], TINY["batch"], LEARNING_RATE)
    text = [f"// Generated by tests/reference/mnist_job_reference.py with numpy {np.__version__}; do not edit.",
            "// Fashion-MNIST (Debian's dataset-fashion-mnist), central 22x22 crop, pixels / 255;",
            f"// 484-100-100-10 relu/relu/softmax, categorical cross-entropy, Adam (learning rate "
            f"{LEARNING_RATE}),",
            f"// he_normal(seed {SEED}), one epoch in dataset order. Every double is exact (hexfloat).",
            "#pragma once",
            "#include <array>",
            "#include <cstddef>",
            "",
            "namespace ctnn_test::mnist_job {",
            "",
            f"inline constexpr double learning_rate = {hexf(LEARNING_RATE)};",
            f"inline constexpr unsigned seed = {SEED};",
            "",
            cxx_result("full", dict(train=4000, test=4000, batch=BATCH), full, "the job itself", False),
            cxx_result("small", SMALL, small, "trained at run time in tests/runtime/mnist_job_test.cpp"),
            cxx_result("tiny", TINY, tiny, "trained by the compiler in tests/static/mnist_job_static.cpp"),
            "}  // namespace ctnn_test::mnist_job", ""]
    return "\n".join(text)


def octal_string(name, data):
    data = np.asarray(data, dtype=np.uint8).ravel().tolist()
    rows = ["".join(f"\\{v:03o}" for v in data[i:i + 484]) for i in range(0, len(data), 484)]
    return f"inline constexpr char {name}[] =\n    \"" + "\"\n    \"".join(rows) + "\";"


def images_header():
    """The test suite's images, as bytes: the first SMALL['train'] and SMALL['test'] of each set."""
    train_pixels, train_labels = load("train", SMALL["train"])
    test_pixels, test_labels = load("t10k", SMALL["test"])
    return "\n".join([
        f"// Generated by tests/reference/mnist_job_reference.py from {FASHION}; do not edit.",
        f"// The first {SMALL['train']} training and {SMALL['test']} test images of Fashion-MNIST, central 22x22, "
        "one byte per",
        "// pixel, row by row, as three-digit octal escapes; labels one byte each.",
        "#pragma once",
        "// Strings beyond the 65536 characters the standard asks compilers to support:",
        "// GCC and Clang take them, -Wpedantic warns.",
        "#pragma GCC system_header",
        "",
        "namespace ctnn_test::mnist_job::images {",
        "",
        octal_string("train_images", train_pixels),
        octal_string("train_labels", train_labels),
        octal_string("test_images", test_pixels),
        octal_string("test_labels", test_labels),
        "",
        "}  // namespace ctnn_test::mnist_job::images", ""])


def initial_header():
    """numpy's initial weights (the he_normal draw, correctly rounded log): the compile-time test
    starts from these rather than drawing 59610 normals in the compiler, which would cost it more
    than its training does."""
    Ws, _, differing = he_normal(SEED)
    layers = []
    for W in Ws:
        layers.append(f"        {{{{{{\n            {values(W, indent='            ')}}}}}, {{}}}}")
    return "\n".join([
        f"// Generated by tests/reference/mnist_job_reference.py with numpy {np.__version__}; do not edit.",
        f"// The job's initial weights: np.random.seed({SEED}); W = randn(in, out) * sqrt(2 / in) layer by layer,",
        f"// the normals drawn with a correctly rounded log as ctnn's are ({differing} of {sum(W.size for W in Ws)} "
        "differ by an ulp",
        "// or so from numpy's own, whose log is glibc's); biases zero. Every double is exact (hexfloat).",
        "#pragma once",
        "",
        "namespace ctnn_test::mnist_job {",
        "",
        "template <class Network>",
        "inline constexpr Network initial_weights{{",
        ",\n".join(layers) + "}};",
        "",
        "}  // namespace ctnn_test::mnist_job", ""])


def sweep():
    check_blas_order()
    print("learning rate, mean training loss of the epoch, test accuracy (4000 train / 4000 test, batch 100)")
    for seed in (SEED, 2, 3):
        for lr in SWEEP:
            r = job(4000, 4000, BATCH, lr, seed)
            print(f"seed {seed}  lr {lr:<6} loss {r['mean_loss']:.4f}  accuracy {r['correct'] / 4000:.4f} "
                  f"({r['correct']}/4000)", flush=True)


def main():
    if "--sweep" in sys.argv[1:]:
        sweep()
        return
    text = header()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(os.path.join(DATA, "mnist_job_reference.hpp"), "w") as f:
        f.write(text)
    with open(os.path.join(DATA, "mnist_job_images.hpp"), "w") as f:
        f.write(images_header())
    with open(os.path.join(DATA, "mnist_job_initial.hpp"), "w") as f:
        f.write(initial_header())


if __name__ == "__main__":
    main()
