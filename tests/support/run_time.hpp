#pragma once
// What the run-time tests share: keeping the optimiser from evaluating a "run-time"
// training at compile time (where a difference from the compile-time result would be
// hidden), and printing doubles exactly.
#include <cstdio>
#include <string>

namespace ctnn_test {

// v, read through a volatile: the compiler cannot treat the result as a constant.
inline double opaque(double v) {
    volatile double copy = v;
    return copy;
}

// The recipe with its learning rate made opaque, so training with it really runs.
template <class Recipe>
Recipe laundered(const Recipe& r) {
    Recipe copy = r;
    copy.optimizer.learning_rate = opaque(r.optimizer.learning_rate);
    return copy;
}

// The exact value, as a hexfloat.
inline std::string hex(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
}

}  // namespace ctnn_test
