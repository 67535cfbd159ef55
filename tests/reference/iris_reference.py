#!/usr/bin/python3
"""numpy reference for ctnn::models::iris (include/ctnn/models/iris.hpp).

Fisher's iris (Debian's python3-sklearn, iris.csv: 150 flowers, 4 measurements, 3
species), split by np.random.RandomState(0).permutation into 30 held-out flowers and 120
training flowers, each feature standardised with the training part's mean and std; a
4-8-3 network (ReLU, softmax output, categorical cross-entropy), he_normal(seed 0)
weights, Adam at 0.03, batches of 12 reshuffled every epoch (RandomState(0)), 20 epochs.
Trained in numpy as ctnn trains (classifier_reference.py), written as
tests/data/iris_reference.hpp:

    /usr/bin/python3 tests/reference/iris_reference.py [--stdout]
"""
import sys

import classifier_reference as cr

CONFIG = dict(split_seed=0, test=30, sizes=[4, 8, 3], acts=["relu", "softmax"], lr=0.03, init="he", init_seed=0,
              epochs=20, batch=12, shuffle_seed=0)

DESCRIPTION = ("sklearn iris, RandomState(0) split (30 held out, 120 trained on), standardised; "
               "4-8-3 relu/softmax, categorical cross-entropy, Adam 0.03, he_normal(seed 0), batches of 12 "
               "reshuffled each epoch by RandomState(0), 20 epochs.")

if __name__ == "__main__":
    cr.run("iris", DESCRIPTION, cr.load_iris, CONFIG, sys.argv[1:])
