// The models trained on real data (models/iris.hpp, models/digits.hpp), trained while
// this file compiles. Each header already static_asserts its held-out accuracy; these
// checks hold the compiler's results against numpy's training of the same recipe
// (tests/reference/{iris,digits}_reference.py, committed under tests/data/): the held-out
// classes, hence the accuracy and the confusion matrix, must be numpy's exactly. The
// weights themselves are compared at run time (tests/runtime/real_data_models_test.cpp),
// to 1e-12: numpy's SIMD exp and ctnn::math::exp differ in the last bit now and then.
#include <cstddef>

#include <ctnn/models/digits.hpp>
#include <ctnn/models/iris.hpp>

#include "data/digits_reference.hpp"
#include "data/iris_reference.hpp"

namespace {

template <class Got, class Want>
constexpr bool same_values(const Got& got, const Want& want) {
    if (got.size() != want.size()) return false;
    for (std::size_t i = 0; i < want.size(); ++i)
        if (got[i] != want[i]) return false;
    return true;
}

template <class Trained>
constexpr bool loss_fell(const Trained& t, double factor) {
    return t.loss_history.back() * factor < t.loss_history.front();
}

namespace ir = ctnn::models::iris;
namespace irr = ctnn_test::iris_reference;
// The data tool's split is numpy's.
static_assert(ir::data::train_samples == irr::train_samples && ir::data::test_samples == irr::test_samples);
static_assert([] {
    for (std::size_t i = 0; i < irr::test_samples; ++i)
        if (ir::data::test_rows[i] != irr::split_permutation[i]) return false;
    for (std::size_t i = 0; i < irr::train_samples; ++i)
        if (ir::data::train_rows[i] != irr::split_permutation[irr::test_samples + i]) return false;
    return true;
}());
static_assert(same_values(ir::data::test_labels, irr::test_labels));
// The compiler's network classifies every held-out flower as numpy's does.
static_assert(same_values(ir::test_predictions, irr::test_predicted));
static_assert(ir::test_correct == irr::test_correct);
static_assert(same_values(ir::test_confusion.counts, irr::test_confusion));
static_assert(ir::test_confusion.total() == ir::data::test_samples);
static_assert(loss_fell(ir::trained, 10) && ir::trained.loss_history.size() == 20);

namespace dg = ctnn::models::digits;
namespace dgr = ctnn_test::digits_reference;
static_assert(dg::data::train_samples == dgr::train_samples && dg::data::test_samples == dgr::test_samples);
static_assert([] {
    for (std::size_t i = 0; i < dgr::test_samples; ++i)
        if (dg::data::test_rows[i] != dgr::split_permutation[i]) return false;
    for (std::size_t i = 0; i < dgr::train_samples; ++i)
        if (dg::data::train_rows[i] != dgr::split_permutation[dgr::test_samples + i]) return false;
    return true;
}());
static_assert(same_values(dg::data::test_labels, dgr::test_labels));
static_assert(same_values(dg::test_predictions, dgr::test_predicted));
static_assert(dg::test_correct == dgr::test_correct);
static_assert(same_values(dg::test_confusion.counts, dgr::test_confusion));
static_assert(dg::test_confusion.total() == dg::data::test_samples);
static_assert(loss_fell(dg::trained, 3) && dg::trained.loss_history.size() == 2);

}  // namespace
