#!/usr/bin/python3
"""Exact-arithmetic reference for ctnn's certified output bounds (include/ctnn/verification/).

Interval bound propagation through three networks, in real arithmetic: every sum and
product of the dense layers and every activation evaluated with mpmath at 400 bits, so
that nothing is rounded that matters (the doubles' products and sums here are exact at
that precision; exp, tanh are correct to far beyond double precision). It is what the
bounds would be without floating point: ctnn's bounds must be within 1e-12 relative of
these (tests/runtime/verification_test.cpp).

    /usr/bin/python3 tests/reference/verification_reference.py > tests/data/verification_reference.hpp

The networks: the seed's XOR network (trained here by numpy, tests/reference/xor_reference.py:
the same weights as ctnn's, bit for bit), a 3-5-4-4-2 network with tanh, relu,
leaky_relu<1, 10> and identity layers, and a 2-6-3 sigmoid/softmax network, the last two
with weights from numpy's RandomState. For each, boxes from a single point to wide ones.
Debian's python3-numpy and python3-mpmath are needed (the first python3 on PATH in our
image cannot see them).
"""
import os
import sys

import mpmath
import numpy as np
from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xor_reference  # noqa: E402

mpmath.mp.prec = 400

LEAKY_ALPHA = mpf(1.0 / 10.0)  # the double ctnn's leaky_relu<1, 10> multiplies by


def act(name, lo, hi):
    """The exact image of [lo, hi] under a monotone activation."""
    if name == "identity":
        return lo, hi
    if name == "relu":
        return max(lo, mpf(0)), max(hi, mpf(0))
    if name == "leaky_relu":
        f = lambda z: z if z > 0 else LEAKY_ALPHA * z  # noqa: E731
        return f(lo), f(hi)
    if name == "sigmoid":
        f = lambda z: 1 / (1 + mpmath.exp(-z))  # noqa: E731
        return f(lo), f(hi)
    if name == "tanh":
        return mpmath.tanh(lo), mpmath.tanh(hi)
    raise ValueError(name)


def softmax_bounds(lo, hi):
    """a_i = 1 / (1 + sum_{j != i} e^(z_j - z_i)): smallest with z_i low and the others high."""
    n = len(lo)
    out_lo, out_hi = [], []
    for i in range(n):
        out_lo.append(1 / (1 + sum(mpmath.exp(hi[j] - lo[i]) for j in range(n) if j != i)))
        out_hi.append(1 / (1 + sum(mpmath.exp(lo[j] - hi[i]) for j in range(n) if j != i)))
    return out_lo, out_hi


def propagate(layers, box_lo, box_hi):
    lo = [mpf(float(v)) for v in box_lo]
    hi = [mpf(float(v)) for v in box_hi]
    for W, b, name in layers:
        n_in, n_out = W.shape
        z_lo, z_hi = [], []
        for o in range(n_out):
            s_lo = mpf(float(b[o]))
            s_hi = mpf(float(b[o]))
            for k in range(n_in):
                w = mpf(float(W[k, o]))
                p, q = w * lo[k], w * hi[k]
                s_lo += min(p, q)
                s_hi += max(p, q)
            z_lo.append(s_lo)
            z_hi.append(s_hi)
        if name == "softmax":
            lo, hi = softmax_bounds(z_lo, z_hi)
        else:
            pairs = [act(name, a, c) for a, c in zip(z_lo, z_hi)]
            lo = [p[0] for p in pairs]
            hi = [p[1] for p in pairs]
    return lo, hi


def hexes(values):
    return ", ".join(float(v).hex() for v in values)


def cxx_array(name, values):
    flat = np.asarray(values, dtype=np.float64).ravel()
    body = ",\n    ".join(f"{float(v).hex()} /* {float(v)!r} */" for v in flat)
    return f"inline constexpr std::array<double, {flat.size}> {name}{{\n    {body}}};\n"


def networks():
    x = xor_reference.train()
    xor = [(x["W1"], x["b1"].ravel(), "sigmoid"), (x["W2"], x["b2"].ravel(), "sigmoid")]
    rs = np.random.RandomState(2026)
    mixed = []
    for n_in, n_out, name in ((3, 5, "tanh"), (5, 4, "relu"), (4, 4, "leaky_relu"), (4, 2, "identity")):
        mixed.append((rs.randn(n_in, n_out) * 0.8, rs.randn(n_out) * 0.3, name))
    rs = np.random.RandomState(7)
    soft = []
    for n_in, n_out, name in ((2, 6, "sigmoid"), (6, 3, "softmax")):
        soft.append((rs.randn(n_in, n_out) * 1.5, rs.randn(n_out) * 0.5, name))
    return {"xor": xor, "mixed": mixed, "softmax": soft}


def boxes(n, rs):
    """A point, small and medium boxes around random centres, and wide ones."""
    out = []
    c = rs.uniform(-1, 1, n)
    out.append((c, c))
    for width in (1e-6, 1e-3, 0.05, 0.3):
        c = rs.uniform(-1, 1, n)
        out.append((c - width / 2, c + width / 2))
    out.append((-np.ones(n), np.ones(n)))
    out.append((-3 * np.ones(n), 2 * np.ones(n)))
    return out


def main():
    nets = networks()
    rs = np.random.RandomState(15)
    xor_boxes = [((0.0, 0.0), (1.0, 1.0))]
    for cx, cy in ((0, 0), (0, 1), (1, 0), (1, 1)):
        xor_boxes.append(((cx - 0.1, cy - 0.1), (cx + 0.1, cy + 0.1)))
    xor_boxes += [(np.asarray(a), np.asarray(b)) for a, b in boxes(2, rs)]
    all_boxes = {"xor": xor_boxes, "mixed": boxes(3, rs), "softmax": boxes(2, rs)}

    out = sys.stdout
    out.write(f"// Generated by tests/reference/verification_reference.py with numpy {np.__version__} and\n"
              f"// mpmath {mpmath.__version__}; do not edit.\n")
    out.write("// Exact interval bound propagation (mpmath, 400 bits) through three networks: for each\n"
              "// box, its bounds and the exact output bounds, rounded to the nearest double.\n")
    out.write("#pragma once\n#include <array>\n#include <cstddef>\n\nnamespace ctnn_test::verification_reference {\n\n")
    out.write("template <std::size_t N, std::size_t M>\nstruct box_case {\n"
              "    double lo[N];\n    double hi[N];\n    double out_lo[M];\n    double out_hi[M];\n};\n\n")
    for key in ("mixed", "softmax"):
        for i, (W, b, name) in enumerate(nets[key]):
            out.write(f"// {key} layer {i}: {W.shape[0]} -> {W.shape[1]}, {name}\n")
            out.write(cxx_array(f"{key}_W{i + 1}", W))
            out.write(cxx_array(f"{key}_b{i + 1}", b))
            out.write("\n")
    for key in ("xor", "mixed", "softmax"):
        layers = nets[key]
        n, m = layers[0][0].shape[0], layers[-1][0].shape[1]
        cases = []
        for lo, hi in all_boxes[key]:
            lo = np.asarray(lo, dtype=np.float64)
            hi = np.asarray(hi, dtype=np.float64)
            o_lo, o_hi = propagate(layers, lo, hi)
            cases.append(f"    {{{{{hexes(lo)}}}, {{{hexes(hi)}}}, {{{hexes(o_lo)}}}, {{{hexes(o_hi)}}}}}")
        out.write(f"inline constexpr std::array<box_case<{n}, {m}>, {len(cases)}> {key}_cases{{{{\n")
        out.write(",\n".join(cases))
        out.write("}};\n\n")
    out.write("}  // namespace ctnn_test::verification_reference\n")


if __name__ == "__main__":
    main()
