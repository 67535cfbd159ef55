#pragma once
// How well a network does, in constant expressions and at run time alike: class labels,
// accuracy, the confusion matrix, and the errors of a regression.
#include <ctnn/metrics/accuracy.hpp>
#include <ctnn/metrics/classify.hpp>
#include <ctnn/metrics/confusion_matrix.hpp>
#include <ctnn/metrics/regression.hpp>
