// EXPECT: ctnn::scaling::apply: the matrix's column count is not the number of inputs this scaling was computed for
// Scaling 3-input samples with statistics of 4 inputs (e.g. a new flower measured without
// its petal width).
#include <ctnn/data/scaling.hpp>

constexpr ctnn::scaling<4> scaling{ctnn::scaling_method::standardize, {{5.8, 3.0, 3.8, 1.2}},
                                         {{0.8, 0.4, 1.8, 0.8}}};
constexpr auto scaled = scaling.apply(ctnn::matrix<1, 3>{{5.1, 3.5, 1.4}});
