// Compile-time benchmark, the models' baseline: every header of the library, and, for a
// model with a data header (include/ctnn/models/data/<name>.hpp), that header, which
// bench/compile_time.sh --models passes with -include. model.cpp with the model minus
// this is what the model's training (and its checks) costs the compiler.
#include <ctnn/ctnn.hpp>
