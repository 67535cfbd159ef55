#pragma once
// Constexpr elementary functions (standard C++20, no <cmath>, no builtins):
// the same results in constant evaluation and at run time.

#include "ctnn/math/exp.hpp"
#include "ctnn/math/fp.hpp"
#include "ctnn/math/log.hpp"
#include "ctnn/math/sqrt.hpp"
