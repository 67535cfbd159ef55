// EXPECT: ctnn::recipe: the first argument is not a loss
// A recipe whose loss is int: not a type with value/gradient.
#include <ctnn/ctnn.hpp>

constexpr ctnn::recipe how{0, ctnn::gradient_descent{.learning_rate = 0.1}, ctnn::epochs<10>};
