#pragma once
// Everything ctnn offers, in the order it builds up: math, random numbers, tensors,
// layers with their activations, losses, optimizers, initialisers, the network, training, metrics.
// The models in <ctnn/models/...> are not included: each one trains when included.
#include <ctnn/version.hpp>
#include <ctnn/math.hpp>
#include <ctnn/random.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/activations/activation.hpp>
#include <ctnn/activations/identity.hpp>
#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/activations/tanh.hpp>
#include <ctnn/layers/layer.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/losses/loss.hpp>
#include <ctnn/losses/mse.hpp>
#include <ctnn/losses/cross_entropy.hpp>
#include <ctnn/optimizers/optimizer.hpp>
#include <ctnn/optimizers/gradient_descent.hpp>
#include <ctnn/optimizers/momentum.hpp>
#include <ctnn/optimizers/adam.hpp>
#include <ctnn/initializers/randn.hpp>
#include <ctnn/network.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>
#include <ctnn/training/train_in_parts.hpp>
#include <ctnn/metrics.hpp>
#include <ctnn/data/class_names.hpp>
#include <ctnn/data/scaling.hpp>
#include <ctnn/data/byte_inputs.hpp>
#include <ctnn/verification.hpp>
