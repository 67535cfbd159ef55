// ctnn-dataset's headers, generated at build time from tests/data_tool/good/ by
// ctnn_add_dataset() (tests/data_tool/CMakeLists.txt), against numpy's split, statistics and
// scaled values (tests/reference/dataset_reference.py): every double equal, every row and
// class name the same. Also the byte storage against the double storage, scaling::apply
// against the tool's own scaling, and class_names::index_of. It passes by compiling.
#include <array>
#include <cstddef>
#include <string_view>

#include <ctnn/data/class_names.hpp>
#include <ctnn/data/scaling.hpp>
#include <ctnn/tensor/matrix.hpp>

#include <float_labels.hpp>
#include <flowers.hpp>
#include <flowers_sorted.hpp>
#include <idx_types.hpp>
#include <images_bytes.hpp>
#include <images_doubles.hpp>
#include <images_separate.hpp>
#include <images_test_part.hpp>
#include <one_column.hpp>
#include <regression.hpp>

#include "data/dataset_reference.hpp"

namespace {

namespace ref = ctnn_test::dataset_reference;

template <class A, class B>
constexpr bool same_values(const A& a, const B& b, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (!(a[i] == b[i])) return false;
    }
    return true;
}

template <std::size_t R, std::size_t C, std::size_t N>
constexpr bool same_matrix(const ctnn::matrix<R, C>& m, const std::array<double, N>& want) {
    return R * C == N && same_values(m.data, want, N);
}

// Everything a generated header holds for a split dataset, against the reference.
#define CHECK_PART(gen, want, part) \
    static_assert(gen::part##_samples == want::part##_rows.size()); \
    static_assert(gen::part##_rows == want::part##_rows); \
    static_assert(same_matrix(gen::part.x, want::part##_x), #gen "::" #part ".x differs from numpy's"); \
    static_assert(same_matrix(gen::part.y, want::part##_y), #gen "::" #part ".y differs from numpy's")
#define CHECK_SCALING(gen, want) \
    static_assert(same_values(gen::scaling.offset, want::offset, gen::inputs), #gen ": offsets differ"); \
    static_assert(same_values(gen::scaling.divisor, want::divisor, gen::inputs), #gen ": divisors differ")
#define CHECK_CLASSES(gen, want) \
    static_assert(gen::classes.size == want::classes.size()); \
    static_assert(same_values(gen::classes.names, want::classes, want::classes.size()))

// flowers.csv: header row, string labels (first appearance), columns by name and index,
// CRLF, an empty line, a constant column (std 0 -> divisor 1), 8 of 30 held out.
CHECK_PART(good::flowers, ref::flowers, train);
CHECK_PART(good::flowers, ref::flowers, test);
CHECK_SCALING(good::flowers, ref::flowers);
CHECK_CLASSES(good::flowers, ref::flowers);
static_assert(good::flowers::inputs == 3 && good::flowers::outputs == 3);
static_assert(good::flowers::scaling.method == ctnn::scaling_method::standardize);
static_assert(good::flowers::scaling.divisor[2] == 1.0, "the constant column 'lab' divides by 1");
static_assert(good::flowers::input_names[0] == "petal width" && good::flowers::input_names[1] == "sepal length, cm");
static_assert(good::flowers::split_seed == 5);

// The same file, no test part, no scaling, class names sorted.
CHECK_PART(good::flowers_sorted, ref::flowers_sorted, train);
CHECK_CLASSES(good::flowers_sorted, ref::flowers_sorted);
static_assert(good::flowers_sorted::classes.names[0] == "setosa" &&
              good::flowers_sorted::classes.names[2] == "virginica");

// Regression: two target columns, min-max scaling.
CHECK_PART(good::regression, ref::regression, train);
CHECK_PART(good::regression, ref::regression, test);
CHECK_SCALING(good::regression, ref::regression);
static_assert(good::regression::outputs == 2 && good::regression::test_samples == 10);

// One input column, standardised.
CHECK_PART(good::one_column, ref::one_column, train);
CHECK_PART(good::one_column, ref::one_column, test);
CHECK_SCALING(good::one_column, ref::one_column);

// IDX: the first 25 images, cropped 6x6 -> 4x4, divided by 255; both storages.
CHECK_PART(good::images_bytes, ref::images, train);
CHECK_PART(good::images_bytes, ref::images, test);
CHECK_PART(good::images_doubles, ref::images, train);
CHECK_PART(good::images_doubles, ref::images, test);
CHECK_SCALING(good::images_bytes, ref::images);
CHECK_CLASSES(good::images_bytes, ref::images);
static_assert(good::images_bytes::inputs == 16 && good::images_bytes::train_samples == 20);
static_assert(good::images_bytes::train.x == good::images_doubles::train.x);
static_assert(good::images_bytes::test.y == good::images_doubles::test.y);
// --parts test: the same test part, alone.
CHECK_PART(good::images_test_part, ref::images, test);
CHECK_SCALING(good::images_test_part, ref::images);

// IDX: a separate test file pair, standardised from the training file, class names given.
CHECK_PART(good::images_separate, ref::images_separate, train);
CHECK_PART(good::images_separate, ref::images_separate, test);
CHECK_SCALING(good::images_separate, ref::images_separate);
CHECK_CLASSES(good::images_separate, ref::images_separate);

// IDX float32 inputs, int16 labels: classes "-100", "0", "100" in numeric order.
CHECK_PART(good::idx_types, ref::idx_types, train);
CHECK_PART(good::idx_types, ref::idx_types, test);
CHECK_SCALING(good::idx_types, ref::idx_types);
CHECK_CLASSES(good::idx_types, ref::idx_types);
static_assert(good::idx_types::classes[0] == "-100");

// Integer labels written as "1.000000000000000000e+00", "2e0", "0.0".
CHECK_PART(good::float_labels, ref::float_labels, train);
CHECK_PART(good::float_labels, ref::float_labels, test);
CHECK_CLASSES(good::float_labels, ref::float_labels);
static_assert(good::float_labels::classes[1] == "1");

// The labels are the one-hot rows' positions.
template <class Part, std::size_t N>
constexpr bool labels_match(const Part& part, const std::array<std::size_t, N>& labels) {
    constexpr std::size_t k = Part::outputs;
    for (std::size_t s = 0; s < N; ++s) {
        for (std::size_t j = 0; j < k; ++j) {
            if (part.y.data[s * k + j] != (j == labels[s] ? 1.0 : 0.0)) return false;
        }
    }
    return true;
}
static_assert(labels_match(good::flowers::train, good::flowers::train_labels));
static_assert(labels_match(good::images_separate::test, good::images_separate::test_labels));

// scaling.apply on raw values gives the tool's scaled values bit for bit: a program that
// measures new samples and scales them with the header's constants feeds the network exactly
// what training fed it. The held-out samples, raw (numpy's reading of the files), scaled here:
template <std::size_t R, std::size_t C, std::size_t N>
constexpr ctnn::matrix<R, C> as_matrix(const std::array<double, N>& values) {
    static_assert(R * C == N);
    ctnn::matrix<R, C> m{};
    for (std::size_t i = 0; i < N; ++i) m.data[i] = values[i];
    return m;
}
#define CHECK_APPLY(gen, want) \
    static_assert(gen::scaling.apply(as_matrix<gen::test_samples, gen::inputs>(want::raw_test_x)) == gen::test.x, \
                  #gen ": scaling.apply on the raw test samples differs from the stored ones")
CHECK_APPLY(good::flowers, ref::flowers);
CHECK_APPLY(good::images_bytes, ref::images);
CHECK_APPLY(good::images_separate, ref::images_separate);
CHECK_APPLY(good::idx_types, ref::idx_types);
static_assert(good::images_bytes::scaling.apply(std::array<double, 16>{{255.0}})[0] == 1.0);
static_assert(good::images_bytes::scaling.apply(0, 51.0) == 0.2);

// class_names::index_of.
static_assert(good::flowers::classes.index_of(good::flowers::classes[1]) == 1);
static_assert(good::flowers::classes.index_of("tulip") == good::flowers::classes.size);

}  // namespace
