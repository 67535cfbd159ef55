// EXPECT: constraints not satisfied
// EXPECT: (does not satisfy|satisfaction of) 'activation
// A layer whose activation is int, not a type with apply/derivative_from_output (or
// apply_row/backprop_row). Clang: "'int' does not satisfy 'activation'"; GCC: "template
// constraint failure ... required for the satisfaction of 'activation<Act>' [with Act = int]".
#include <ctnn/ctnn.hpp>

ctnn::dense<2, 4, int> layer{};
