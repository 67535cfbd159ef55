// A run trained in parts (training/train_in_parts.hpp) is bit for bit the run trained in
// one constant: network, loss history, epochs, and what a further run continues from
// (checked by training one more epoch from each). With shuffled mini-batches, parts
// smaller than an epoch, parts that do not divide the run evenly, and one update per part.
#include <array>
#include <cstddef>

#include <ctnn/ctnn.hpp>
#include <ctnn/training/train_in_parts.hpp>

namespace {

using network_type = ctnn::network<ctnn::dense<2, 6, ctnn::relu>, ctnn::dense<6, 3, ctnn::softmax>>;

// 12 points in three classes, one-hot (the classes come in blocks, so that an unshuffled
// batch of 3 would hold a single class).
constexpr ctnn::dataset<12, 2, 3> data{
    {{0.0, 0.0, 0.2, 0.1, 0.1, 0.3, 0.3, 0.2, 1.0, 1.0, 0.8, 1.0,
      1.0, 0.8, 0.9, 0.9, 1.0, 0.0, 0.9, 0.1, 0.8, 0.2, 1.0, 0.3}},
    {{1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}}};
constexpr network_type initial = ctnn::initialize<network_type>(ctnn::he_normal{.seed = 3});

// 4 batches an epoch, 10 epochs: 40 updates; logged at epochs 0, 3, 6, 9.
constexpr ctnn::recipe shuffled{ctnn::categorical_cross_entropy{},
                                ctnn::adam{.learning_rate = 0.05},
                                ctnn::epochs<10>,
                                ctnn::log_every<3>,
                                ctnn::batch_size<3>,
                                ctnn::shuffle_each_epoch{.seed = 7}};
constexpr auto whole = ctnn::train(initial, data, shuffled);

constexpr ctnn::recipe one_more{shuffled.loss,      shuffled.optimizer,  ctnn::epochs<1>,
                                ctnn::log_every<1>, ctnn::batch_size<3>, shuffled.order};

template <class A, class B>
constexpr bool same_run(const A& a, const B& b) {
    if (!(a.network == b.network) || a.loss_history != b.loss_history || a.epochs != b.epochs) return false;
    if (a.progress.batch != b.progress.batch) return false;
    // The optimizer's memory and the shuffle's generator: the next epoch must agree too.
    return ctnn::train(a, data, one_more).network == ctnn::train(b, data, one_more).network;
}

// 13 parts of 3 or 4 updates: every part but one stops inside an epoch.
CTNN_TRAIN_IN_PARTS(in_13_parts, 13, initial, data, shuffled);
static_assert(same_run(in_13_parts, whole));
static_assert(in_13_parts_parts::part_0.epochs == 0 && in_13_parts_parts::part_0.progress.batch == 3);
static_assert(in_13_parts_parts::part_1.epochs == 1 && in_13_parts_parts::part_1.progress.batch == 2);

// One update per part.
CTNN_TRAIN_IN_PARTS(in_40_parts, 40, initial, data, shuffled);
static_assert(same_run(in_40_parts, whole));

// One part is the run itself; parts of whole epochs.
CTNN_TRAIN_IN_PARTS(in_1_part, 1, initial, data, shuffled);
static_assert(same_run(in_1_part, whole));
CTNN_TRAIN_IN_PARTS(in_5_parts, 5, initial, data, shuffled);
static_assert(same_run(in_5_parts, whole));

// Shuffling changes the run, and the seed picks the order.
constexpr ctnn::recipe in_order{shuffled.loss, shuffled.optimizer, ctnn::epochs<10>, ctnn::log_every<3>,
                                ctnn::batch_size<3>};
constexpr ctnn::recipe other_seed{shuffled.loss,      shuffled.optimizer,  ctnn::epochs<10>,
                                  ctnn::log_every<3>, ctnn::batch_size<3>, ctnn::shuffle_each_epoch{.seed = 8}};
static_assert(!(ctnn::train(initial, data, in_order).network == whole.network));
static_assert(!(ctnn::train(initial, data, other_seed).network == whole.network));

// Without shuffling, and with the full batch (one update an epoch), parts agree too.
CTNN_TRAIN_IN_PARTS(in_order_in_7_parts, 7, initial, data, in_order);
static_assert(same_run(in_order_in_7_parts, ctnn::train(initial, data, in_order)));
constexpr ctnn::recipe full{ctnn::categorical_cross_entropy{}, ctnn::gradient_descent{.learning_rate = 0.5},
                            ctnn::epochs<30>, ctnn::log_every<4>};
CTNN_TRAIN_IN_PARTS(full_in_4_parts, 4, initial, data, full);
static_assert(full_in_4_parts.network == ctnn::train(initial, data, full).network &&
              full_in_4_parts.loss_history == ctnn::train(initial, data, full).loss_history);

// A run that shuffles, continuing one that did not, seeds its generator at its first update,
// as a run starting from the same network does. (Gradient descent keeps no memory, so the
// two differ only if their orders do.)
constexpr ctnn::recipe gd_shuffled{full.loss,          full.optimizer,      ctnn::epochs<2>,
                                   ctnn::log_every<1>, ctnn::batch_size<3>, ctnn::shuffle_each_epoch{.seed = 7}};
constexpr auto full_run = ctnn::train(initial, data, full);
static_assert(ctnn::train(full_run, data, gd_shuffled).network ==
              ctnn::train(full_run.network, data, gd_shuffled).network);

// A shuffled run continued epoch-wise by train(trained, ...) is the longer run too.
constexpr ctnn::recipe first_4{shuffled.loss,      shuffled.optimizer,  ctnn::epochs<4>,
                               ctnn::log_every<1>, ctnn::batch_size<3>, shuffled.order};
constexpr ctnn::recipe last_6{shuffled.loss,      shuffled.optimizer,  ctnn::epochs<6>,
                              ctnn::log_every<1>, ctnn::batch_size<3>, shuffled.order};
constexpr ctnn::recipe all_10{shuffled.loss,      shuffled.optimizer,  ctnn::epochs<10>,
                              ctnn::log_every<1>, ctnn::batch_size<3>, shuffled.order};
static_assert(ctnn::train(ctnn::train(initial, data, first_4), data, last_6).network ==
              ctnn::train(initial, data, all_10).network);

}  // namespace
