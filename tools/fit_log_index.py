#!/usr/bin/env python3
"""The table index estimate of ctnn::math::log (include/ctnn/math/log.hpp): a quartic in
u = t - 1 for 512 log2(t) on [1, 2), fitted to near-minimax absolute error by Lawson's
iteratively reweighted least squares, rounded to 6 significant digits, then shifted so that
its error is centred on -1/2. Prints the coefficients (constant term first, as log.hpp
writes them) and the error range evaluated in double on a fine grid and at every table
point 2^(j/512): log.hpp needs it inside (-1, 0), so that the estimate's integer part is
the index sought or the one below.

    /usr/bin/python3 tools/fit_log_index.py
"""
import numpy as np

t = np.concatenate([np.linspace(1, 2, 2_000_001)[:-1], 2 ** (np.arange(512) / 512)])
u = t - 1
target = 512 * np.log2(t)
basis = np.vander(u, 5, increasing=True)
weight = np.ones_like(u)
for _ in range(200):
    coef, *_ = np.linalg.lstsq(basis * np.sqrt(weight)[:, None], target * np.sqrt(weight), rcond=None)
    weight *= np.abs(basis @ coef - target)
    weight /= weight.sum()
coef = [float(f"{c:.6g}") for c in coef]
err = basis @ np.array(coef) - target
coef[0] = float(f"{coef[0] - (err.max() + err.min()) / 2 - 0.5:.6g}")


def horner(u):
    return coef[0] + u * (coef[1] + u * (coef[2] + u * (coef[3] + u * coef[4])))


err = horner(u) - target
print("coefficients:", ", ".join(f"{c:.6g}" for c in coef))
print(f"estimate - 512 log2 t in [{err.min():.4f}, {err.max():.4f}]")
assert -1 < err.min() and err.max() < 0
