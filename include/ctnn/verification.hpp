#pragma once
// Verification in the compiler: certified output bounds of a network over a box of
// inputs, proofs of properties by splitting boxes, and certified robustness radii, all
// sound for the network as ctnn computes it in floating point (docs/verification.md).
#include <ctnn/verification/interval.hpp>
#include <ctnn/verification/box.hpp>
#include <ctnn/verification/activation_bounds.hpp>
#include <ctnn/verification/bounds.hpp>
#include <ctnn/verification/property.hpp>
#include <ctnn/verification/prove.hpp>
#include <ctnn/verification/robustness.hpp>
