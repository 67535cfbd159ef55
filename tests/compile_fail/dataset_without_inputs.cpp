// EXPECT: ctnn::dataset: a sample needs at least one input
// A dataset whose samples have no inputs.
#include <ctnn/training/dataset.hpp>

ctnn::dataset<4, 0, 1> data{};
