// ctnn's metrics in constant expressions, against numpy's and sklearn's values for the
// same data (tests/reference/metrics_reference.py -> tests/data/metrics_reference.hpp).
// Labels, counts and accuracies must be equal; the regression errors within 1e-14
// relative, since sklearn sums pairwise and ctnn in order.
#include <array>
#include <cstddef>

#include <ctnn/metrics.hpp>

#include "data/metrics_reference.hpp"

namespace {

namespace ref = ctnn_test::metrics_reference;

constexpr bool close(double got, double want) {
    const double d = got - want;
    const double scale = want < 0 ? -want : want;
    return (d < 0 ? -d : d) <= 1e-14 * (scale > 1.0 ? scale : 1.0);
}

template <class Case>
constexpr bool classification_matches() {
    if (ctnn::classify(Case::scores) != Case::argmax) return false;
    if (ctnn::classify(Case::one_hot) != Case::truth) return false;
    if (ctnn::correct_count(ctnn::classify(Case::scores), Case::truth) != Case::correct) return false;
    if (ctnn::accuracy(Case::scores, Case::truth) != Case::accuracy) return false;
    if (ctnn::accuracy(Case::scores, Case::one_hot) != Case::accuracy) return false;
    if (ctnn::accuracy(Case::argmax, Case::truth) != Case::accuracy) return false;
    const auto m = ctnn::confusion_matrix(Case::scores, Case::one_hot);
    if (m.counts != Case::confusion) return false;
    if (m.total() != Case::samples || m.correct() != Case::correct) return false;
    return ctnn::confusion_matrix<Case::classes>(Case::truth, Case::argmax) == m;
}
static_assert(classification_matches<ref::three_classes>());
static_assert(classification_matches<ref::ten_classes>());
static_assert(classification_matches<ref::with_nan>());
// Ties go to the first maximum, as numpy.argmax: the last row of each case is all equal.
static_assert(ctnn::classify(ref::ten_classes::scores)[ref::ten_classes::samples - 1] == 0);

static_assert(ctnn::classify_threshold(ref::yes_no::scores, ref::yes_no::threshold) == ref::yes_no::labels);
static_assert(ctnn::accuracy(ctnn::classify_threshold(ref::yes_no::scores, ref::yes_no::threshold),
                             ref::yes_no::truth) == ref::yes_no::accuracy);

template <class Case>
constexpr bool regression_matches() {
    return close(ctnn::mean_squared_error(Case::predicted, Case::truth), Case::mse) &&
           close(ctnn::mean_absolute_error(Case::predicted, Case::truth), Case::mae) &&
           ctnn::max_absolute_error(Case::predicted, Case::truth) == Case::max_abs &&
           close(ctnn::r2_score(Case::predicted, Case::truth), Case::r2);
}
static_assert(regression_matches<ref::one_output>());
static_assert(regression_matches<ref::three_outputs>());
static_assert(regression_matches<ref::constant_column>());

// A perfect fit.
static_assert(ctnn::r2_score(ref::one_output::truth, ref::one_output::truth) == 1.0 &&
              ctnn::mean_squared_error(ref::one_output::truth, ref::one_output::truth) == 0.0);

}  // namespace
