// EXPECT: ctnn::recipe: the second argument is not an optimizer
// A recipe whose optimizer is a double (a learning rate alone).
#include <ctnn/ctnn.hpp>

constexpr ctnn::recipe how{ctnn::mse{}, 0.1, ctnn::epochs<10>};
