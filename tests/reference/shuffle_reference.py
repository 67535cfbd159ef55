#!/usr/bin/python3
"""numpy references for ctnn's shuffled mini-batch training (tests/runtime/shuffle_test.cpp).

The trainer is parity_reference.py's (which follows ctnn's order of operations, see its
docstring), with one change: every epoch trains on

    rs = np.random.RandomState(shuffle_seed)      # once, before the first epoch
    order = rs.permutation(n)                     # every epoch
    x[order], y[order]                            # then consecutive batches of these rows

which is what ctnn::shuffle_each_epoch{.seed = shuffle_seed} promises. The initial
weights are numpy's (np.random.seed(seed); randn), written out, so the comparison does
not depend on how ctnn's initialisers round.

Two sets of configurations, in one header:
  * ctnn_test::shuffle: numpy's own exp and log (SIMD). A network that calls neither
    (ReLU/identity, MSE, Adam) must come out identical bit for bit; the others within
    1e-12 (see parity_test.cpp for why).
  * ctnn_test::shuffle_libm: sigmoid / mse_seed / gradient descent with numpy's SIMD
    switched off, so that np.exp is glibc's exp: trained with ctnn::sigmoid_libm, equal
    bit for bit. (This part runs in a child process with NPY_DISABLE_CPU_FEATURES set.)

    /usr/bin/python3 tests/reference/shuffle_reference.py

writes tests/data/shuffle_reference.hpp (Debian's python3-numpy with libblas3).
"""
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import parity_reference as pr  # noqa: E402

OUT = os.path.join(HERE, "..", "data", "shuffle_reference.hpp")


def cfg(name, data, sizes, acts, loss, opt, opt_args, init, seed, epochs, log_every, batch, shuffle_seed, exact):
    return dict(name=name, data=data, sizes=sizes, acts=acts, loss=loss, opt=opt, opt_args=opt_args, init=init,
                seed=seed, epochs=epochs, log_every=log_every, batch=batch, shuffle_seed=shuffle_seed, exact=exact)


CONFIGS = [
    cfg("grid_relu_identity_adam_shuffle4", "grid", [2, 8, 1], ["relu", "identity"], "mse", "adam",
        dict(learning_rate=0.01), "he", 13, 300, 10, 4, 5, exact=True),
    cfg("classes_relu_softmax_adam_shuffle3", "three_classes", [2, 6, 3], ["relu", "softmax"], "cce", "adam",
        dict(learning_rate=0.05), "he", 1, 200, 10, 3, 0, exact=False),
    cfg("parity3_tanh_bce_momentum_shuffle2", "parity3", [3, 8, 1], ["tanh", "sigmoid"], "bce", "momentum",
        dict(learning_rate=0.05, momentum=0.9), "xavier", 21, 500, 25, 2, 1234, exact=False),
]

LIBM_CONFIGS = [
    cfg("xor_sigmoid_gd_shuffle2", "xor", [2, 4, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.5), "randn", 42, 2000, 100, 2, 3, exact=True),
    cfg("parity3_sigmoid_gd_shuffle4", "parity3", [3, 6, 1], ["sigmoid", "sigmoid"], "mse_seed", "gd",
        dict(learning_rate=0.3), "randn", 3, 1000, 100, 4, 9, exact=True),
]


def check_blas_order(shapes):
    """The products used here sum over k in ascending order, as ctnn does."""
    rng = np.random.default_rng(1)
    for m, k, n in shapes:
        for _ in range(20):
            a = rng.standard_normal((m, k)) * 10.0 ** rng.uniform(-3, 3, (m, k))
            b = rng.standard_normal((k, n)) * 10.0 ** rng.uniform(-3, 3, (k, n))
            want = np.array([[pr.sum_asc(a[i, :] * b[:, j]) for j in range(n)] for i in range(m)])
            for got in (a @ b, np.ascontiguousarray(a.T).T @ b, a @ np.ascontiguousarray(b.T).T):
                if not np.array_equal(got, want):
                    sys.exit(f"shuffle_reference.py: numpy's matmul ({m}x{k} @ {k}x{n}) does not sum in "
                             "ascending order: is the BLAS the reference one (libblas3)?")


def shapes_of(c):
    s, b = c["sizes"], c["batch"]
    out = []
    for i in range(len(s) - 1):
        out += [(b, s[i], s[i + 1]), (s[i], b, s[i + 1]), (b, s[i + 1], s[i])]
    x, _ = pr.DATASETS[c["data"]]()
    out += [(x.shape[0], s[i], s[i + 1]) for i in range(len(s) - 1)]
    return out


def train(c):
    x, y = pr.DATASETS[c["data"]]()
    acts = [pr.activation(a) for a in c["acts"]]
    loss = pr.LOSSES[c["loss"]]
    opt = pr.OPTIMIZERS[c["opt"]](**c["opt_args"])
    Ws, bs = pr.initialize(c["sizes"], c["init"], c["seed"])
    init_Ws = [W.copy() for W in Ws]
    n, batch = x.shape[0], c["batch"]
    assert n % batch == 0
    batches = n // batch
    rs = np.random.RandomState(c["shuffle_seed"])
    losses, orders = [], []
    for epoch in range(c["epochs"]):
        order = rs.permutation(n)
        if epoch < 3:
            orders.append(order.copy())
        xs, ys = x[order], y[order]
        log = epoch % c["log_every"] == 0
        value = 0.0
        for k in range(batches):
            value += pr.update(Ws, bs, acts, loss, opt, xs[k * batch:(k + 1) * batch], ys[k * batch:(k + 1) * batch],
                               log)
        if batches > 1:
            value /= batches
        if log:
            losses.append(value)
    predictions = pr.forward(Ws, bs, acts, x)[-1]
    return dict(x=x, y=y, acts=acts, init_Ws=init_Ws, losses=losses, Ws=Ws, bs=bs, predictions=predictions,
                orders=orders)


def cxx_config(c, r, libm):
    x, y, sizes = r["x"], r["y"], c["sizes"]
    layers = []
    for i, a in enumerate(r["acts"]):
        act = "ctnn::sigmoid_libm" if libm else a.cxx
        layers.append(f"ctnn::dense<{sizes[i]}, {sizes[i + 1]}, {act}>")
    loss = pr.LOSSES[c["loss"]].cxx
    opt = pr.OPTIMIZERS[c["opt"]](**c["opt_args"])
    n = x.shape[0]
    out = [f"// {c['name']}: {'-'.join(map(str, sizes))} {'/'.join(c['acts'])}, {c['loss']}, {c['opt']} "
           f"{c['opt_args']}, {c['init']}(seed {c['seed']}), {c['epochs']} epochs, batches of {c['batch']}, "
           f"shuffled by RandomState({c['shuffle_seed']})",
           f"struct {c['name']} {{",
           f"    static constexpr const char* name = \"{c['name']}\";",
           f"    static constexpr bool exact = {'true' if c['exact'] else 'false'};  // bit for bit, or within 1e-12"]
    for i, l in enumerate(layers):
        out.append(f"    using layer{i} = {l};")
    out.append(f"    using network_type = ctnn::network<{', '.join(f'layer{i}' for i in range(len(layers)))}>;")
    out.append(f"    static constexpr ctnn::dataset<{n}, {x.shape[1]}, {y.shape[1]}> data{{\n"
               f"        {{{{{pr.cxx_values(x)}}}}},\n        {{{{{pr.cxx_values(y)}}}}}}};")
    out.append(f"    static constexpr ctnn::recipe recipe{{{loss}{{}}, {opt.cxx()}, ctnn::epochs<{c['epochs']}>, "
               f"ctnn::log_every<{c['log_every']}>, ctnn::batch_size<{c['batch']}>, "
               f"ctnn::shuffle_each_epoch{{.seed = {c['shuffle_seed']}}}}};")
    zero_bs = [np.zeros_like(b) for b in r["bs"]]
    out.append("    // numpy's initial weights, and its results.")
    out.append(f"    static constexpr network_type initial = {pr.cxx_network(r['init_Ws'], zero_bs)};")
    orders = ", ".join("{{" + ", ".join(str(int(v)) for v in o) + "}}" for o in r["orders"])
    out.append(f"    // rs.permutation({n}) of the first three epochs.")
    out.append(f"    static constexpr std::array<std::array<std::size_t, {n}>, 3> first_orders{{{{{orders}}}}};")
    out.append(f"    static constexpr std::array<double, {len(r['losses'])}> losses{{\n"
               f"        {pr.cxx_values(r['losses'])}}};")
    out.append(f"    static constexpr network_type trained = {pr.cxx_network(r['Ws'], r['bs'])};")
    out.append(f"    static constexpr std::array<double, {r['predictions'].size}> predictions{{\n"
               f"        {pr.cxx_values(r['predictions'])}}};")
    out.append("};\n")
    return "\n".join(out)


def body(configs, libm):
    for c in configs:
        check_blas_order(shapes_of(c))
    text = [cxx_config(c, train(c), libm) for c in configs]
    return "\n".join(text) + f"using all_configs = std::tuple<{', '.join(c['name'] for c in configs)}>;\n"


def main():
    if "--libm" in sys.argv[1:]:
        pr.check_libm_exp()
        sys.stdout.write(body(LIBM_CONFIGS, True))
        return
    import numpy.core._multiarray_umath as mu
    features = " ".join(mu.__cpu_dispatch__)
    env = dict(os.environ, NPY_DISABLE_CPU_FEATURES=features)
    libm = subprocess.run([sys.executable, os.path.abspath(__file__), "--libm"], env=env, check=True,
                          stdout=subprocess.PIPE, text=True).stdout
    text = [f"// Generated by tests/reference/shuffle_reference.py with numpy {np.__version__}; do not edit.",
            "// Every double is exact (hexfloat); matrices are row-major as numpy stores them.",
            "#pragma once",
            "#include <array>",
            "#include <cstddef>",
            "#include <tuple>",
            "",
            "#include <ctnn/ctnn.hpp>",
            "#include <ctnn/activations/sigmoid_libm.hpp>",
            "",
            "namespace ctnn_test::shuffle {",
            "",
            "// numpy's own exp, log and tanh (SIMD).",
            body(CONFIGS, False),
            "}  // namespace ctnn_test::shuffle",
            "",
            "namespace ctnn_test::shuffle_libm {",
            "",
            f"// numpy with NPY_DISABLE_CPU_FEATURES=\"{features}\": np.exp is glibc's exp, as",
            "// ctnn::sigmoid_libm's std::exp.",
            libm,
            "}  // namespace ctnn_test::shuffle_libm",
            ""]
    with open(OUT, "w") as f:
        f.write("\n".join(text))


if __name__ == "__main__":
    main()
