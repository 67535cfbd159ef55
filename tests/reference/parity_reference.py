#!/usr/bin/python3
"""numpy references for ctnn's networks beyond the seed (tests/runtime/parity_test.cpp).

A small numpy trainer that follows ctnn's definitions operation for operation (see
include/ctnn/: layers/dense.hpp, activations/, losses/, optimizers/, training/train.hpp):

  forward      z = x @ W + b, a = act(z), layer after layer
  activations  sigmoid 1 / (1 + exp(-z)), tanh, relu, leaky relu, identity,
               softmax (exp(z - row max) / row sum)
  backward     delta = dL/da * act'(a)  (softmax: a * (dL/da - sum(a * dL/da)));
               dL/dx = delta @ W.T (before W changes), dW = x.T @ delta,
               db = column sums of delta
  losses       mse_seed (gradient y_hat - y), mse (gradient 2/n (y_hat - y)),
               binary and categorical cross-entropy, predictions clipped at 1e-15
  optimizers   gradient descent, momentum (v = mu v - lr g; p += v), Adam (running
               products beta^t; p -= lr m_hat / (sqrt(v_hat) + eps))
  batches      the whole set, or consecutive mini-batches in order; the logged loss is the
               mean of the batches' losses, each taken before its own update
  init         np.random.seed(seed), then W = randn(in, out) * scale layer by layer
               (randn 1, xavier_normal sqrt(2/(in+out)), he_normal sqrt(2/in)), b = 0

Where numpy's own order of operations is not ctnn's, the script says so and does it
ctnn's way, in numpy:
  * matrix products: numpy hands them to the BLAS; Debian's reference BLAS (netlib,
    libblas3) sums every dot product over k in ascending order, as ctnn does (checked
    on the shapes used here, see check_blas_order), so `@` is used as is;
  * sums over a batch (db, the loss): np.sum / np.mean switch to pairwise summation from
    8 elements on when the summed axis is contiguous (e.g. db of a 1-output layer with
    8 or more samples), which changes the last bits; ctnn sums in ascending order, so
    the script does (ascending_sum*). --numpy-sums uses np.sum/np.mean instead, to
    measure what that costs (see parity_test.cpp);
  * tanh: ctnn::tanh is (1 - e^(-2|z|)) / (1 + e^(-2|z|)) with z's sign; np.tanh is a
    different formula (SIMD, ~1 ulp). By default np.tanh is used (it meets the
    tolerance); --ctnn-tanh uses ctnn's formula with np.exp.
  * exp and log stay numpy's: with its SIMD (AVX512F here) np.exp differs from glibc's
    exp (which ctnn::math::exp equals for ~99.9% of arguments) by 1 ulp for 24% of
    arguments in [-30, 30], which is why the run-time test compares to 1e-12, not bit for
    bit. Networks without exp or log (ReLU/identity with MSE) come out bit-identical.
  * the initial weights: numpy's normals use glibc's log, which is not correctly rounded;
    ctnn::math::log is. For each configuration the script lists the weights a correctly
    rounded log changes (log_rounding_differences; ~3% of seeds, for 100 weights).

Second header: parity_libm_reference.hpp. The seed's XOR recipe and a few more sigmoid /
mse_seed / gradient-descent configurations, computed by numpy with every dispatched SIMD
feature disabled, so that np.exp is glibc's exp (the script checks this); the test trains
them with ctnn::sigmoid_libm (std::exp, the same glibc function) and requires equality
bit for bit. The script runs itself for that part in a child process with
NPY_DISABLE_CPU_FEATURES set to everything numpy dispatches to on this machine
(numpy.core._multiarray_umath.__cpu_dispatch__; features numpy detects but does not
dispatch to, like AVX512VL, cannot be disabled and are not used by any loop).

    /usr/bin/python3 tests/reference/parity_reference.py

writes both tests/data/parity_reference.hpp and tests/data/parity_libm_reference.hpp.
--stdout prints the first header instead (with --numpy-sums or --ctnn-tanh, to measure
those variants). The libm part alone, by hand:

    NPY_DISABLE_CPU_FEATURES="SSSE3 SSE41 POPCNT SSE42 AVX F16C FMA3 AVX2 AVX512F \\
      AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL" \\
      /usr/bin/python3 tests/reference/parity_reference.py --libm > tests/data/parity_libm_reference.hpp

Debian's python3-numpy (1.24, with libblas3 as its BLAS) is needed.
"""
import math
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
EPS = 1e-15  # ctnn::detail::probability_epsilon

# ----------------------------------------------------------------------------- datasets


def xor_data():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    return x, y


def parity3_data():
    x = np.array([[(i >> 2) & 1, (i >> 1) & 1, i & 1] for i in range(8)], dtype=np.float64)
    y = np.array([[float(sum(r) % 2)] for r in x.astype(int)], dtype=np.float64)
    return x, y


def three_class_data():
    # 12 points: class 0 near (0,0), class 1 near (1,1), class 2 near (1,0); one-hot targets.
    x = np.array([[0.0, 0.0], [0.2, 0.1], [0.1, 0.3], [0.3, 0.2],
                  [1.0, 1.0], [0.8, 1.0], [1.0, 0.8], [0.9, 0.9],
                  [1.0, 0.0], [0.9, 0.1], [0.8, 0.2], [1.0, 0.3]])
    labels = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]
    # Interleaved, so that every mini-batch of 3 or 6 sees every class.
    order = [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]
    y = np.eye(3)[labels]
    return x[order].copy(), y[order].copy()


def grid_data():
    # A 4 x 4 grid on [-1, 1]^2 with the saddle y = x0 x1 - x0^2 / 2.
    g = np.linspace(-1.0, 1.0, 4)
    x = np.array([[a, b] for a in g for b in g])
    y = (x[:, 0] * x[:, 1] - 0.5 * x[:, 0] * x[:, 0]).reshape(-1, 1)
    return x, y


DATASETS = {"xor": xor_data, "parity3": parity3_data, "three_classes": three_class_data, "grid": grid_data}

# ----------------------------------------------------------------------------- options


class Options:
    numpy_sums = False  # np.sum / np.mean instead of ctnn's ascending sums
    ctnn_tanh = False   # ctnn::tanh's formula instead of np.tanh


OPT = Options()


def ascending_sum_rows(a):
    """Column sums of a (B, n) array, rows added in order: ctnn's db (dense::update)."""
    if OPT.numpy_sums:
        return np.sum(a, axis=0, keepdims=True)
    s = a[0:1].copy()
    for i in range(1, a.shape[0]):
        s = s + a[i:i + 1]
    return s


def ascending_sum_cols(a):
    """Row sums of a (B, n) array, columns added in order from 0 (softmax's sums)."""
    if OPT.numpy_sums:
        return np.sum(a, axis=1, keepdims=True)
    s = np.zeros((a.shape[0], 1))
    for j in range(a.shape[1]):
        s = s + a[:, j:j + 1]
    return s


def ascending_sum_all(a):
    """The sum of every element in row-major order from 0.0: ctnn's loss sums."""
    if OPT.numpy_sums:
        return np.sum(a)
    s = 0.0
    for v in np.asarray(a).ravel():
        s = s + float(v)
    return s


# ----------------------------------------------------------------------------- activations


class Sigmoid:
    cxx = "ctnn::sigmoid"

    @staticmethod
    def apply(z):
        return 1.0 / (1.0 + np.exp(-z))

    @staticmethod
    def delta(a, dL_da):
        return dL_da * (a * (1.0 - a))


class Tanh:
    cxx = "ctnn::tanh"

    @staticmethod
    def apply(z):
        if not OPT.ctnn_tanh:
            return np.tanh(z)
        m = np.abs(z)
        t = np.exp(-2.0 * m)
        r = (1.0 - t) / (1.0 + t)
        return np.where(m < 2.0 ** -27, z, np.where(z < 0, -r, r))

    @staticmethod
    def delta(a, dL_da):
        return dL_da * (1.0 - a * a)


class Relu:
    cxx = "ctnn::relu"

    @staticmethod
    def apply(z):
        return np.where(z > 0.0, z, 0.0)

    @staticmethod
    def delta(a, dL_da):
        return dL_da * np.where(a > 0.0, 1.0, 0.0)


class LeakyRelu:
    def __init__(self, num=1, den=100):
        self.alpha = float(num) / float(den)
        self.cxx = f"ctnn::leaky_relu<{num}, {den}>"

    def apply(self, z):
        return np.where(z > 0.0, z, self.alpha * z)

    def delta(self, a, dL_da):
        return dL_da * np.where(a > 0.0, 1.0, self.alpha)


class Identity:
    cxx = "ctnn::identity"

    @staticmethod
    def apply(z):
        return z

    @staticmethod
    def delta(a, dL_da):
        return dL_da * 1.0


class Softmax:
    cxx = "ctnn::softmax"

    @staticmethod
    def apply(z):
        e = np.exp(z - np.max(z, axis=1, keepdims=True))
        return e / ascending_sum_cols(e)

    @staticmethod
    def delta(a, dL_da):
        return a * (dL_da - ascending_sum_cols(a * dL_da))


ACTIVATIONS = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": Relu, "identity": Identity, "softmax": Softmax}


def activation(name):
    if name.startswith("leaky_relu"):
        num, den = (int(v) for v in name[len("leaky_relu"):].strip("<>").split(","))
        return LeakyRelu(num, den)
    return ACTIVATIONS[name]


# ----------------------------------------------------------------------------- losses


def clip(p):
    return np.clip(p, EPS, 1.0 - EPS)


class MseSeed:
    cxx = "ctnn::mse_seed"

    @staticmethod
    def value(y_hat, y):
        d = y - y_hat
        return ascending_sum_all(d * d) / y.size

    @staticmethod
    def gradient(y_hat, y):
        return y_hat - y


class Mse(MseSeed):
    cxx = "ctnn::mse"

    @staticmethod
    def gradient(y_hat, y):
        return (2.0 / y.size) * (y_hat - y)


class BinaryCrossEntropy:
    cxx = "ctnn::binary_cross_entropy"

    @staticmethod
    def value(y_hat, y):
        p = clip(y_hat)
        return -ascending_sum_all(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)) / y.size

    @staticmethod
    def gradient(y_hat, y):
        p = clip(y_hat)
        return (p - y) / (p * (1.0 - p)) / y.size


class CategoricalCrossEntropy:
    cxx = "ctnn::categorical_cross_entropy"

    @staticmethod
    def value(y_hat, y):
        # ctnn skips the y == 0 terms; they are -0.0 here and change no sum.
        return -ascending_sum_all(y * np.log(clip(y_hat))) / y.shape[0]

    @staticmethod
    def gradient(y_hat, y):
        return -y / clip(y_hat) / y.shape[0]


LOSSES = {"mse_seed": MseSeed, "mse": Mse, "bce": BinaryCrossEntropy, "cce": CategoricalCrossEntropy}

# ----------------------------------------------------------------------------- optimizers


class GradientDescent:
    def __init__(self, learning_rate):
        self.lr = learning_rate

    def cxx(self):
        return f"ctnn::gradient_descent{{.learning_rate = {hexf(self.lr)}}}"

    def begin_step(self):
        pass

    def step(self, p, g, key):
        p -= self.lr * g


class Momentum:
    def __init__(self, learning_rate, momentum=0.9):
        self.lr, self.mu = learning_rate, momentum
        self.v = {}

    def cxx(self):
        return f"ctnn::momentum{{.learning_rate = {hexf(self.lr)}, .momentum = {hexf(self.mu)}}}"

    def begin_step(self):
        pass

    def step(self, p, g, key):
        v = self.v.setdefault(key, np.zeros_like(p))
        v[...] = self.mu * v - self.lr * g
        p += v


class Adam:
    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.lr, self.b1, self.b2, self.eps = learning_rate, beta1, beta2, epsilon
        self.b1t, self.b2t = 1.0, 1.0
        self.m, self.v = {}, {}

    def cxx(self):
        return (f"ctnn::adam{{.learning_rate = {hexf(self.lr)}, .beta1 = {hexf(self.b1)}, "
                f".beta2 = {hexf(self.b2)}, .epsilon = {hexf(self.eps)}}}")

    def begin_step(self):
        self.b1t *= self.b1
        self.b2t *= self.b2

    def step(self, p, g, key):
        m = self.m.setdefault(key, np.zeros_like(p))
        v = self.v.setdefault(key, np.zeros_like(p))
        m[...] = self.b1 * m + (1.0 - self.b1) * g
        v[...] = self.b2 * v + (1.0 - self.b2) * (g * g)
        m_hat = m / (1.0 - self.b1t)
        v_hat = v / (1.0 - self.b2t)
        p -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


OPTIMIZERS = {"gd": GradientDescent, "momentum": Momentum, "adam": Adam}

# ----------------------------------------------------------------------------- initialisers

INITS = {
    "randn": ("ctnn::randn", lambda i, o: 1.0),
    "xavier": ("ctnn::xavier_normal", lambda i, o: np.sqrt(2 / (i + o))),
    "he": ("ctnn::he_normal", lambda i, o: np.sqrt(2 / i)),
}


def initialize(sizes, init, seed):
    np.random.seed(seed)
    scale = INITS[init][1]
    Ws = [np.random.randn(sizes[i], sizes[i + 1]) * scale(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]
    bs = [np.zeros((1, sizes[i + 1])) for i in range(len(sizes) - 1)]
    return Ws, bs


def log_rounding_differences(sizes, init, seed, Ws):
    """(layer, index, value) for each initial weight that a correctly rounded log would change.

    numpy's normals go through glibc's log, which is not correctly rounded; ctnn::math::log
    is (randn_reference.py, random_test.cpp). Where glibc rounds log(r2) the other way,
    ctnn's weight is the one a correctly rounded log gives: the pair of normals drawn from
    that r2 differ by an ulp or so.
    """
    sys.path.insert(0, HERE)
    import randn_reference
    count = sum(W.size for W in Ws)
    np.random.seed(seed)
    uniforms = np.random.random_sample(4 * count + 64).tolist()
    libm = randn_reference.polar_normals(uniforms, count, math.log)
    exact = randn_reference.polar_normals(uniforms, count, randn_reference.correctly_rounded_log)
    scale = INITS[init][1]
    out, first = [], 0
    for layer, W in enumerate(Ws):
        s = scale(sizes[layer], sizes[layer + 1])
        n = W.size
        if not np.array_equal(np.array(libm[first:first + n]) * s, W.ravel()):
            sys.exit("parity_reference.py: the polar-method replay does not give numpy's weights")
        out += [(layer, i, exact[first + i] * s) for i in range(n) if exact[first + i] != libm[first + i]]
        first += n
    return out


# ----------------------------------------------------------------------------- training


def forward(Ws, bs, acts, x):
    outs = [x]
    for W, b, act in zip(Ws, bs, acts):
        outs.append(act.apply(outs[-1] @ W + b))
    return outs


def update(Ws, bs, acts, loss, opt, x, y, want_loss):
    outs = forward(Ws, bs, acts, x)
    y_hat = outs[-1]
    value = loss.value(y_hat, y) if want_loss else 0.0
    dL_da = loss.gradient(y_hat, y)
    opt.begin_step()
    for layer in reversed(range(len(Ws))):
        delta = acts[layer].delta(outs[layer + 1], dL_da)
        if layer > 0:
            dL_da = delta @ Ws[layer].T  # before this layer's W changes
        dW = outs[layer].T @ delta
        db = ascending_sum_rows(delta)
        opt.step(Ws[layer], dW, ("W", layer))
        opt.step(bs[layer], db, ("b", layer))
    return value


def train(cfg):
    x, y = DATASETS[cfg["data"]]()
    sizes = cfg["sizes"]
    acts = [activation(a) for a in cfg["acts"]]
    loss = LOSSES[cfg["loss"]]
    opt = OPTIMIZERS[cfg["opt"]](**cfg["opt_args"])
    Ws, bs = initialize(sizes, cfg["init"], cfg["seed"])
    init_Ws = [W.copy() for W in Ws]
    log_differences = log_rounding_differences(sizes, cfg["init"], cfg["seed"], init_Ws)
    epochs, log_every = cfg["epochs"], cfg["log_every"]
    batch = cfg.get("batch") or x.shape[0]
    assert x.shape[0] % batch == 0
    batches = x.shape[0] // batch
    losses = []
    for epoch in range(epochs):
        log = epoch % log_every == 0
        if batches == 1:
            value = update(Ws, bs, acts, loss, opt, x, y, log)
        else:
            value = 0.0
            for k in range(batches):
                value += update(Ws, bs, acts, loss, opt, x[k * batch:(k + 1) * batch],
                                y[k * batch:(k + 1) * batch], log)
            value /= batches
        if log:
            assert math.isfinite(value), cfg["name"]
            losses.append(value)
    predictions = forward(Ws, bs, acts, x)[-1]
    return dict(x=x, y=y, acts=acts, opt=opt, init_Ws=init_Ws, log_differences=log_differences, losses=losses,
                Ws=Ws, bs=bs, predictions=predictions)


# ----------------------------------------------------------------------------- configurations

def cfg(name, data, sizes, acts, loss, opt, opt_args, init, seed, epochs, log_every, batch=None, note=""):
    return dict(name=name, data=data, sizes=sizes, acts=acts, loss=loss, opt=opt, opt_args=opt_args,
                init=init, seed=seed, epochs=epochs, log_every=log_every, batch=batch, note=note)


CONFIGS = [
    cfg("xor_seed42_h4", "xor", [2, 4, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.1), "randn", 42, 2000, 100, note="the seed's recipe, 2000 epochs"),
    cfg("xor_seed7_h8", "xor", [2, 8, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.5), "randn", 7, 1000, 50),
    cfg("xor_tanh_bce_momentum", "xor", [2, 4, 1], ["tanh", "sigmoid"], "bce", "momentum",
        dict(learning_rate=0.1, momentum=0.9), "xavier", 3, 500, 25),
    cfg("xor_relu_mse_adam_batch2", "xor", [2, 8, 1], ["relu", "sigmoid"], "mse", "adam",
        dict(learning_rate=0.01), "he", 11, 800, 40, batch=2),
    cfg("parity3_sigmoid_gd", "parity3", [3, 8, 8, 1], ["sigmoid", "sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.5), "randn", 0, 2000, 100),
    cfg("parity3_tanh_bce_adam", "parity3", [3, 8, 8, 1], ["tanh", "tanh", "sigmoid"], "bce", "adam",
        dict(learning_rate=0.01, beta1=0.8, beta2=0.99, epsilon=1e-7), "xavier", 5, 1500, 75),
    cfg("parity3_relu_bce_momentum_batch4", "parity3", [3, 8, 8, 1], ["relu", "leaky_relu<1, 100>", "sigmoid"],
        "bce", "momentum", dict(learning_rate=0.05, momentum=0.8), "he", 21, 1000, 50, batch=4),
    cfg("classes_relu_softmax_adam", "three_classes", [2, 6, 3], ["relu", "softmax"], "cce", "adam",
        dict(learning_rate=0.05), "he", 1, 300, 15),
    cfg("classes_tanh_softmax_momentum_batch3", "three_classes", [2, 6, 3], ["tanh", "softmax"], "cce",
        "momentum", dict(learning_rate=0.05), "xavier", 9, 400, 20, batch=3),
    cfg("classes_leaky_softmax_gd_batch6", "three_classes", [2, 6, 3], ["leaky_relu<1, 10>", "softmax"], "cce",
        "gd", dict(learning_rate=0.2), "he", 4, 600, 30, batch=6),
    cfg("grid_tanh_identity_adam", "grid", [2, 8, 1], ["tanh", "identity"], "mse", "adam",
        dict(learning_rate=0.01), "xavier", 2, 2000, 100),
    cfg("grid_relu_identity_gd_batch4", "grid", [2, 8, 8, 1], ["relu", "relu", "identity"], "mse", "gd",
        dict(learning_rate=0.02), "he", 13, 1000, 50, batch=4),
    cfg("grid_sigmoid_identity_momentum", "grid", [2, 6, 1], ["sigmoid", "identity"], "mse_seed", "momentum",
        dict(learning_rate=0.01, momentum=0.8), "randn", 17, 100, 5),
    # At learning rate 0.05 this one's loss spiked (0.003 -> 0.29 at epoch 900): there np.tanh's
    # and ctnn::tanh's last-bit differences grew to 1e-1, in numpy alone as well.
    cfg("grid_tanh_identity_gd_batch8", "grid", [2, 4, 1], ["tanh", "identity"], "mse_seed", "gd",
        dict(learning_rate=0.02), "randn", 123, 1500, 75, batch=8),
]

# The libm configurations: sigmoid, mse_seed, gradient descent, as in the seed.
LIBM_CONFIGS = [
    cfg("xor_seed", "xor", [2, 4, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.1), "randn", 42, 10000, 1000, note="the seed's recipe, verbatim"),
    cfg("xor_seed1_h8", "xor", [2, 8, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.5), "randn", 1, 3000, 300),
    cfg("xor_seed123_h3", "xor", [2, 3, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=1.0), "randn", 123, 2000, 200),
    cfg("parity3_seed3_h6", "parity3", [3, 6, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.3), "randn", 3, 2000, 200),
    # parity3_sigmoid_gd of the main list, which is within 5e-10 only there (parity_test.cpp).
    cfg("parity3_sigmoid_gd", "parity3", [3, 8, 8, 1], ["sigmoid", "sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.5), "randn", 0, 2000, 100),
]

# ----------------------------------------------------------------------------- C++ output


def hexf(v):
    return float(v).hex()


def cxx_values(values, indent="        "):
    flat = [hexf(v) for v in np.asarray(values, dtype=np.float64).ravel()]
    lines = [", ".join(flat[i:i + 4]) for i in range(0, len(flat), 4)]
    return ("\n" + indent).join(l + "," for l in lines).rstrip(",")


def cxx_network(Ws, bs, indent="        "):
    parts = []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        parts.append(f"layer{i}{{{{{{\n{indent}    {cxx_values(W, indent + '    ')}}}}},\n"
                     f"{indent}{{{{{cxx_values(b, indent + '    ')}}}}}}}")
    return "network_type{{" + (",\n" + indent).join(parts) + "}}"


def cxx_config(c, r, libm=False):
    x, y = r["x"], r["y"]
    sizes = c["sizes"]
    layers = []
    for i, a in enumerate(r["acts"]):
        act = "ctnn::sigmoid_libm" if libm else a.cxx
        layers.append(f"ctnn::dense<{sizes[i]}, {sizes[i + 1]}, {act}>")
    loss = LOSSES[c["loss"]].cxx
    opt_t = {"gd": "ctnn::gradient_descent", "momentum": "ctnn::momentum", "adam": "ctnn::adam"}[c["opt"]]
    batch = c["batch"] or 0
    fresh_opt = OPTIMIZERS[c["opt"]](**c["opt_args"])
    batch_arg = f", ctnn::batch_size<{batch}>" if batch else ""
    desc = (f"{'-'.join(map(str, sizes))} {'/'.join(c['acts'])}, {c['loss']}, {c['opt']} "
            f"{', '.join(f'{k} {v}' for k, v in c['opt_args'].items())}, {c['init']}(seed {c['seed']}), "
            f"{c['epochs']} epochs, " + (f"batches of {batch}" if batch else "full batch"))
    if c["note"]:
        desc += f" ({c['note']})"
    out = [f"// {c['name']}: {desc}",
           f"struct {c['name']} {{",
           f"    static constexpr const char* name = \"{c['name']}\";"]
    for i, l in enumerate(layers):
        out.append(f"    using layer{i} = {l};")
    out.append(f"    using network_type = ctnn::network<{', '.join(f'layer{i}' for i in range(len(layers)))}>;")
    out.append(f"    static constexpr ctnn::dataset<{x.shape[0]}, {x.shape[1]}, {y.shape[1]}> data{{\n"
               f"        {{{{{cxx_values(x)}}}}},\n        {{{{{cxx_values(y)}}}}}}};")
    out.append(f"    using recipe_type = ctnn::recipe<{loss}, {opt_t}, {c['epochs']}, {c['log_every']}, {batch}>;")
    out.append(f"    static constexpr recipe_type recipe{{{loss}{{}}, {fresh_opt.cxx()}, ctnn::epochs<{c['epochs']}>, "
               f"ctnn::log_every<{c['log_every']}>{batch_arg}}};")
    out.append(f"    static constexpr {INITS[c['init']][0]} init{{.seed = {c['seed']}}};")
    out.append(f"    // numpy's results.")
    zero_bs = [np.zeros_like(b) for b in r["bs"]]
    out.append(f"    static constexpr network_type initial = {cxx_network(r['init_Ws'], zero_bs)};")
    diffs = ", ".join(f"{{{l}, {i}, {hexf(v)}}}" for l, i, v in r["log_differences"])
    out.append("    // Initial weights that glibc's log (numpy's) and a correctly rounded log (ctnn's) make\n"
               "    // differ: {layer, index in W, the weight with a correctly rounded log}.")
    out.append(f"    static constexpr std::array<log_rounding_difference, {len(r['log_differences'])}> "
               f"initial_log_rounding{{{{{diffs}}}}};")
    out.append(f"    static constexpr std::array<double, {len(r['losses'])}> losses{{\n"
               f"        {cxx_values(r['losses'])}}};")
    out.append(f"    static constexpr network_type trained = {cxx_network(r['Ws'], r['bs'])};")
    out.append(f"    static constexpr std::array<double, {r['predictions'].size}> predictions{{\n"
               f"        {cxx_values(r['predictions'])}}};")
    out.append("};\n")
    return "\n".join(out)


def header(configs, results, namespace, libm, preamble):
    includes = ["<array>", "<cstddef>", "<tuple>", "", "<ctnn/ctnn.hpp>"]
    if libm:
        includes.append("<ctnn/activations/sigmoid_libm.hpp>")
    text = [f"// Generated by tests/reference/parity_reference.py with numpy {np.__version__}; do not edit.",
            *preamble,
            "// Every double is exact (hexfloat); matrices are row-major as numpy stores them.",
            "#pragma once"]
    text += [f"#include {i}" if i else "" for i in includes]
    text += ["", f"namespace {namespace} {{", "",
             "struct log_rounding_difference {",
             "    std::size_t layer;",
             "    std::size_t index;",
             "    double correctly_rounded;",
             "};", ""]
    for c, r in zip(configs, results):
        text.append(cxx_config(c, r, libm))
    text.append(f"using all_configs = std::tuple<{', '.join(c['name'] for c in configs)}>;")
    text.append("")
    text.append(f"}}  // namespace {namespace}")
    return "\n".join(text) + "\n"


# ----------------------------------------------------------------------------- checks


def check_blas_order():
    """Every product of the shapes used here equals ascending k sums, bit for bit."""
    rng = np.random.default_rng(0)
    for m, k, n in [(4, 2, 4), (4, 4, 1), (4, 8, 1), (8, 3, 8), (8, 8, 1), (12, 2, 6), (12, 6, 3),
                    (16, 2, 8), (16, 8, 8), (3, 6, 3), (2, 8, 1), (4, 1, 8), (16, 1, 8), (12, 3, 6)]:
        for _ in range(20):
            a = rng.standard_normal((m, k)) * 10.0 ** rng.uniform(-3, 3, (m, k))
            b = rng.standard_normal((k, n)) * 10.0 ** rng.uniform(-3, 3, (k, n))
            want = np.array([[sum_asc(a[i, :] * b[:, j]) for j in range(n)] for i in range(m)])
            for got in (a @ b, np.ascontiguousarray(a.T).T @ b, a @ np.ascontiguousarray(b.T).T):
                if not np.array_equal(got, want):
                    sys.exit(f"parity_reference.py: numpy's matmul ({m}x{k} @ {k}x{n}) does not sum in "
                             "ascending order: is the BLAS the reference one (libblas3)?")


def sum_asc(v):
    s = v[0]
    for t in v[1:]:
        s = s + t
    return s


def check_against_seed_script(results):
    """The trainer gives the seed script's (xor_reference.py) results, bit for bit."""
    sys.path.insert(0, HERE)
    import xor_reference
    c = LIBM_CONFIGS[0]
    seed = xor_reference.train(seed=c["seed"], hidden=c["sizes"][1], learning_rate=c["opt_args"]["learning_rate"],
                               epochs=c["epochs"], log_every=c["log_every"])
    r = results[0]
    pairs = [(seed["init_W1"], r["init_Ws"][0]), (seed["init_W2"], r["init_Ws"][1]), (seed["losses"], r["losses"]),
             (seed["W1"], r["Ws"][0]), (seed["b1"], r["bs"][0]), (seed["W2"], r["Ws"][1]), (seed["b2"], r["bs"][1]),
             (seed["predictions"], r["predictions"])]
    for a, b in pairs:
        if not np.array_equal(np.asarray(a), np.asarray(b)):
            sys.exit("parity_reference.py: the trainer does not reproduce xor_reference.py bit for bit")


def check_libm_exp():
    import numpy.core._multiarray_umath as mu
    on = [f for f in mu.__cpu_dispatch__ if mu.__cpu_features__.get(f)]
    if on:
        sys.exit(f"parity_reference.py --libm: numpy still dispatches to {on}; "
                 "set NPY_DISABLE_CPU_FEATURES (see the docstring)")
    z = np.linspace(-40.0, 40.0, 100001)
    if not np.array_equal(np.exp(z), np.array([math.exp(v) for v in z])):
        sys.exit("parity_reference.py --libm: np.exp is not the C library's exp")


# ----------------------------------------------------------------------------- main


def libm_header():
    check_libm_exp()
    check_blas_order()
    results = [train(c) for c in LIBM_CONFIGS]
    check_against_seed_script(results)
    features = os.environ.get("NPY_DISABLE_CPU_FEATURES", "")
    return header(LIBM_CONFIGS, results, "ctnn_test::parity_libm", True, [
        f"// numpy ran with NPY_DISABLE_CPU_FEATURES=\"{features}\",",
        "// so np.exp is glibc's exp; the C++ side uses ctnn::sigmoid_libm (std::exp). Sums are in",
        "// ascending order (the seed's np.sum is, for 4 samples; with 8 it would be pairwise)."])


def main():
    args = sys.argv[1:]
    OPT.numpy_sums = "--numpy-sums" in args
    OPT.ctnn_tanh = "--ctnn-tanh" in args
    if "--libm" in args:
        sys.stdout.write(libm_header())
        return
    check_blas_order()
    results = [train(c) for c in CONFIGS]
    modes = [m for m in ("--numpy-sums", "--ctnn-tanh") if m in args]
    text = header(CONFIGS, results, "ctnn_test::parity", False, [
        "// numpy's own exp, log, tanh (with its SIMD); sums over a batch in ascending order, as ctnn"
        + (f" ({' '.join(modes)})" if modes else "") + "."])
    if "--stdout" in args:
        sys.stdout.write(text)
        return
    with open(os.path.join(DATA, "parity_reference.hpp"), "w") as f:
        f.write(text)
    import numpy.core._multiarray_umath as mu
    env = dict(os.environ, NPY_DISABLE_CPU_FEATURES=" ".join(mu.__cpu_dispatch__))
    libm = subprocess.run([sys.executable, os.path.abspath(__file__), "--libm"], env=env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout
    with open(os.path.join(DATA, "parity_libm_reference.hpp"), "w") as f:
        f.write(libm)


if __name__ == "__main__":
    main()
