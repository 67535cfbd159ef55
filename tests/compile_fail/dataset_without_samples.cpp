// EXPECT: ctnn::dataset: a dataset needs at least one sample
// A dataset with no samples cannot train anything.
#include <ctnn/training/dataset.hpp>

ctnn::dataset<0, 2, 1> data{};
