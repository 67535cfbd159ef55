#!/usr/bin/python3
"""numpy reference for ctnn::models::digits (include/ctnn/models/digits.hpp).

scikit-learn's handwritten digits (Debian's python3-sklearn, digits.csv.gz: 1797 images of
8 x 8 pixels, 0..16, UCI optdigits), split by np.random.RandomState(0).permutation into 357
held-out images and 1440 training images, each pixel standardised with the training part's
mean and std; a softmax regression (64-10, softmax output, categorical cross-entropy),
he_normal(seed 0) weights, Adam at 0.03, batches of 32 reshuffled every epoch
(RandomState(0)), 2 epochs. Trained in numpy as ctnn trains (classifier_reference.py),
written as tests/data/digits_reference.hpp, and the report ctnn-digits prints
(examples/digits.cpp), from numpy's results, as tests/data/digits_output.txt:

    /usr/bin/python3 tests/reference/digits_reference.py [--stdout]
"""
import os
import sys

import classifier_reference as cr

CONFIG = dict(split_seed=0, test=357, sizes=[64, 10], acts=["softmax"], lr=0.03, init="he", init_seed=0,
              epochs=2, batch=32, shuffle_seed=0)

DESCRIPTION = ("sklearn digits, RandomState(0) split (357 held out, 1440 trained on), standardised; "
               "64-10 softmax, categorical cross-entropy, Adam 0.03, he_normal(seed 0), batches of 32 "
               "reshuffled each epoch by RandomState(0), 2 epochs.")



def report(r):
    """ctnn-digits' report, line for line, from numpy's held-out classes."""
    test, train = len(r["lte"]), len(r["ltr"])
    correct = int((r["pred"] == r["lte"]).sum())
    cm = cr.confusion(r["lte"], r["pred"], 10)
    lines = ["Handwritten digits (scikit-learn's copy of UCI optdigits, 8 x 8 pixels), learned by the compiler",
             f"A 64-10 softmax regression trained on {train} images; {test} held out.",
             "",
             f"Held-out accuracy: {correct} of {test} = {100.0 * correct / test:.2f} %",
             "",
             "Confusion matrix (row: true digit, column: predicted digit):",
             "     " + "".join(f"{c:>5}" for c in range(10))]
    lines += [f"{t:>5}" + "".join(f"{cm[t, p]:>5}" for p in range(10)) for t in range(10)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    result = cr.run("digits", DESCRIPTION, cr.load_digits, CONFIG, sys.argv[1:])
    if "--stdout" not in sys.argv[1:]:
        with open(os.path.join(cr.DATA, "digits_output.txt"), "w") as f:
            f.write(report(result))
