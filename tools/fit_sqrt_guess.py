#!/usr/bin/env python3
"""The first guesses of ctnn::math::sqrt (include/ctnn/math/sqrt.hpp): a cubic for sqrt(a) on
[1, 2) and one on [2, 4), fitted to near-minimax relative error by iteratively reweighted
least squares, rounded to 9 significant digits. Prints each cubic's coefficients (constant
term first, as sqrt.hpp writes them), its largest relative error, and the largest relative
error left after two Newton steps in double -- which must be at rounding level, since
sqrt.hpp's integer correction is only cheap when the estimate is within a few units.

    /usr/bin/python3 tools/fit_sqrt_guess.py
"""
import numpy as np


def fit(lo, hi, degree=3, points=40001, rounds=300):
    a = np.linspace(lo, hi, points)
    root = np.sqrt(a)
    weight = 1 / root
    coef = np.polyfit(a, root, degree, w=weight)
    for _ in range(rounds):
        err = np.abs((np.polyval(coef, a) - root) / root)
        weight = weight * (1 + err / err.max())
        weight /= weight.max()
        coef = np.polyfit(a, root, degree, w=weight)
    coef = np.array([float(f"{c:.9g}") for c in coef])
    guess = np.polyval(coef, a)
    y = guess
    for _ in range(2):
        y = 0.5 * (y + a / y)
    return coef, np.abs((guess - root) / root).max(), np.abs((y - root) / root).max()


for lo, hi in ((1, 2), (2, 4)):
    coef, err, after = fit(lo, hi)
    terms = ", ".join(f"{c:.9g}" for c in coef[::-1])
    print(f"[{lo}, {hi}): {terms}; guess within {err:.2e}, after two Newton steps {after:.2e}")
