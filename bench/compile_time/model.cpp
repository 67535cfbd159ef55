// Compile-time benchmark, models: bench/compile_time.sh --models compiles this file with
// `-include ctnn/models/<name>.hpp`, so each model's training (and its static_asserts)
// is timed against model_baseline.cpp: the same headers, without the training.
#include <ctnn/ctnn.hpp>
