// Shuffled mini-batches at compile time, against numpy (tests/reference/shuffle_reference.py):
// every epoch's order is RandomState(seed).permutation(n), and a network that calls no exp
// or log (ReLU/identity, MSE, Adam) trains to numpy's weights bit for bit -- in one
// constant and in parts.
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <ctnn/ctnn.hpp>

#include "data/shuffle_reference.hpp"

namespace {

template <class C>
constexpr bool orders_are_numpys() {
    ctnn::random::numpy_random_state rng{C::recipe.order.seed};
    for (const auto& want : C::first_orders) {
        std::array<std::size_t, C::data.samples> order{};
        ctnn::detail::permute(rng, order);
        if (order != want) return false;
    }
    return true;
}
static_assert(orders_are_numpys<ctnn_test::shuffle::grid_relu_identity_adam_shuffle4>());
static_assert(orders_are_numpys<ctnn_test::shuffle::classes_relu_softmax_adam_shuffle3>());
static_assert(orders_are_numpys<ctnn_test::shuffle::parity3_tanh_bce_momentum_shuffle2>());
static_assert(orders_are_numpys<ctnn_test::shuffle_libm::xor_sigmoid_gd_shuffle2>());
static_assert(orders_are_numpys<ctnn_test::shuffle_libm::parity3_sigmoid_gd_shuffle4>());

using grid = ctnn_test::shuffle::grid_relu_identity_adam_shuffle4;
static_assert(grid::exact);

template <std::size_t N>
constexpr bool same(const double (&a)[N], const std::array<double, N>& b) {
    for (std::size_t i = 0; i < N; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

constexpr auto whole = ctnn::train(grid::initial, grid::data, grid::recipe);
static_assert(whole.network == grid::trained);
static_assert(whole.loss_history == grid::losses);
static_assert(same(whole.network.predict(grid::data.x).data, grid::predictions));

// 300 epochs of 4 batches in 11 parts of 109 or 110 updates.
CTNN_TRAIN_IN_PARTS(in_parts, 11, grid::initial, grid::data, grid::recipe);
static_assert(in_parts.network == grid::trained && in_parts.loss_history == grid::losses);

}  // namespace

namespace {
// log_every may be left out before a batch size (and an order): the loss is then logged
// once, at epoch 0.
constexpr ctnn::recipe short_form{grid::recipe.loss, grid::recipe.optimizer, ctnn::epochs<300>, ctnn::batch_size<4>,
                                  ctnn::shuffle_each_epoch{.seed = 5}};
static_assert(std::is_same_v<decltype(short_form), const ctnn::recipe<ctnn::mse, ctnn::adam, 300, 300, 4,
                                                                      ctnn::shuffle_each_epoch>>);
static_assert(ctnn::train(grid::initial, grid::data, short_form).network == grid::trained);
}  // namespace
