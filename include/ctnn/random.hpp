#pragma once
// Compile-time random numbers: std::mt19937's stream and numpy's legacy randn stream.

#include <ctnn/random/mt19937.hpp>
#include <ctnn/random/numpy_random_state.hpp>
