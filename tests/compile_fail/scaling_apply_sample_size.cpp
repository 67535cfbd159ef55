// EXPECT: ctnn::scaling::apply: the sample's size is not the number of inputs this scaling was computed for
// One raw sample with 5 values for a scaling of 4 inputs.
#include <array>

#include <ctnn/data/scaling.hpp>

constexpr ctnn::scaling<4> scaling{ctnn::scaling_method::min_max, {{4.3, 2.0, 1.0, 0.1}},
                                         {{3.6, 2.4, 5.9, 2.4}}};
constexpr auto scaled = scaling.apply(std::array<double, 5>{{5.1, 3.5, 1.4, 0.2, 1.0}});
