#pragma once
// Training, usable in constant evaluation and at run time alike: the same function, so
// a network trained by the compiler and one trained by the program agree bit for bit
// (given -ffp-contract=off, which the ctnn::ctnn target sets).
#include <array>
#include <cstddef>
#include <stdexcept>
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include <ctnn/detail/constant_evaluation.hpp>
#include <ctnn/detail/kernel_spelling.hpp>
#include <ctnn/detail/layer_workspace.hpp>
#include <ctnn/detail/workspace_stack.hpp>
#include <ctnn/math/fp.hpp>
#include <ctnn/network.hpp>
#include <ctnn/optimizers/optimizer.hpp>
#include <ctnn/random/numpy_random_state.hpp>
#include <ctnn/tensor/detail/folded.hpp>
#include <ctnn/training/dataset.hpp>
#include <ctnn/training/recipe.hpp>

namespace ctnn {

// What an optimizer remembers between updates, for a whole network.
template <class Network, class Optimizer>
struct optimizer_memory;
template <class... Layers, class Optimizer>
struct optimizer_memory<network<Layers...>, Optimizer> {
    typename Optimizer::state shared{};
    boost::hana::tuple<detail::layer_slots<Layers, Optimizer>...> layers{};
};

// Where a run stands between two updates, beyond its network and optimizer: how far into
// the current epoch it got (a run trained in parts can stop inside an epoch, see
// train_in_parts.hpp), the generator that shuffles the samples and, in a run that
// shuffles (Samples: its dataset's), the current epoch's order of samples. A part that
// stops inside an epoch hands the order on: drawn again by every part, the permutations
// of the digits' 1440 samples cost each of its 18 parts ~0.4 x 10^9 of a compiler's
// instructions, 7 % of its whole training (callgrind, g++ 12 and clang++ 14, 2026-12-06).
template <std::size_t Samples = 0>
struct training_progress {
    std::size_t batch = 0;  // batches of the current epoch already trained
    double loss_sum = 0.0;  // the sum of their losses, if the epoch is a logged one
    bool shuffle_seeded = false;
    random::numpy_random_state shuffle_rng{0};  // after the shuffles drawn so far
    std::array<std::size_t, Samples> order{};   // the current epoch's, once drawn
};

template <class Network, std::size_t LogCount, class Optimizer, std::size_t Samples = 0>
struct trained {
    Network network;
    // The loss at epochs 0, log_every, 2 log_every, ... (see recipe::log_count).
    std::array<double, LogCount> loss_history;
    std::size_t epochs;  // epochs trained so far (complete ones)
    optimizer_memory<Network, Optimizer> optimizer_state;  // to continue training exactly
    training_progress<Samples> progress;                   // likewise
};

namespace detail {

// The sample count a run's progress carries an order for: its dataset's, if it shuffles.
template <class Recipe, class Data>
inline constexpr std::size_t carried_order = Recipe::shuffles ? Data::samples : 0;

// At compile time a throw stops the build; the notes show this call with its arguments.
constexpr void require_finite_loss(double loss, [[maybe_unused]] std::size_t epoch) {
    if (!math::isfinite(loss))
        throw std::domain_error("ctnn::train: training diverged: the loss is NaN or infinite at this epoch");
}

template <class Network, class Optimizer, std::size_t Samples>
struct run_result {
    Network network;
    optimizer_memory<Network, Optimizer> memory;
    training_progress<Samples> progress;
};

// Rows [first, first + Rows) of m.
template <std::size_t Rows, std::size_t R, std::size_t C>
constexpr void copy_rows(const matrix<R, C>& m, std::size_t first, matrix<Rows, C>& out) noexcept {
    folded_copy<Rows * C>(m, first * C, out, 0);
}

// Rows order[0], ..., order[Rows - 1] of m: a shuffled batch, gathered straight from the
// dataset, so that an epoch's shuffle moves indices, never samples.
template <std::size_t Rows, std::size_t R, std::size_t C>
constexpr void gather_rows(const matrix<R, C>& m, const std::size_t* order, matrix<Rows, C>& out) noexcept {
    for (std::size_t i = 0; i < Rows; ++i) folded_copy<C>(m, order[i] * C, out, i * C);
}

// The order of an epoch's samples: np.random.RandomState.permutation(N), drawn from rng.
template <std::size_t N>
constexpr void permute(random::numpy_random_state& rng, std::array<std::size_t, N>& order) noexcept {
    for (std::size_t i = 0; i < N; ++i) order[i] = i;
    rng.shuffle(order);
}

// Divergence is caught at the outputs, every epoch, while they are still far from
// overflowing: GCC refuses to constant-evaluate an operation that overflows, so waiting
// for an infinite loss would stop the build at some multiplication deep in the loss or
// the backward pass, with a message that says nothing of divergence. 1e100 leaves room
// for squares and products of outputs; no network that is learning gets near it. Every
// 8th epoch is enough to see it coming (outputs would have to grow 1e25-fold per epoch
// to overflow in between) and keeps the check's cost out of the compile-time budget.
inline constexpr double diverged_output = 1e100;
inline constexpr std::size_t check_every = 8;

template <std::size_t B, std::size_t O>
constexpr void require_bounded_outputs(const matrix<B, O>& y_hat, [[maybe_unused]] std::size_t epoch) {
    if (!folded_all_within(y_hat, diverged_output))
        throw std::domain_error("ctnn::train: training diverged: an output is NaN or beyond 1e100 at this epoch");
}

// A NaN or an infinity in the data would otherwise surface much later, as a constant-
// evaluation failure deep inside a kernel (Clang) or as "training diverged" (GCC). Checked
// once per run, where it starts (train, train_part<0, ...>), not by each run_spelled: a
// run trained in parts would read the whole dataset again in every part, which cost a
// 64-16-10 network on the digits a quarter of its compile-time training.
template <class Data>
constexpr void require_finite_data(const Data& data) {
    if (!folded_all_finite(data.x) || !folded_all_finite(data.y))
        throw std::domain_error("ctnn::train: the dataset contains a NaN or an infinity");
}

// From the outputs the forward pass left in the workspaces and the targets y: the
// backward pass, which updates every layer.
template <class State, class Y, class Recipe, class... Workspaces>
constexpr void backpropagate(State& shared, Y& dL_dy_hat, const Y& y, const Recipe& how, Workspaces&... ws) {
    // A plain step has no state to begin (optimizer.hpp); the call alone costs the constant
    // evaluators ~10 k instructions an update (g++ 12, clang++ 14).
    if constexpr (!plain_step_optimizer<typename Recipe::optimizer_type>) how.optimizer.begin_step(shared);
    backward_pass(how.loss, y, dL_dy_hat, how.optimizer, shared, ws...);
}

// One update of every layer from one batch; returns the batch's loss if asked to. (A
// function, not a lambda in run(): Clang 19's new constant interpreter crashes when a
// lambda there updates the optimizer state it captured.)
template <class State, class X, class Y, class Recipe, class... Workspaces>
constexpr double update(State& shared, Y& dL_dy_hat, const X& x, const Y& y, const Recipe& how, std::size_t epoch,
                        bool want_loss, Workspaces&... ws) {
    const auto& y_hat = forward_pass(x, ws...);
    if (epoch % check_every == 0) require_bounded_outputs(y_hat, epoch);
    const double loss = want_loss ? how.loss.value(y_hat, y) : 0.0;
    backpropagate(shared, dL_dy_hat, y, how, ws...);
    return loss;
}

// A shuffling run seeds its generator at its first update, so that a run without
// shuffling can be continued by one with.
template <std::size_t Samples>
constexpr random::numpy_random_state shuffle_generator(const training_progress<Samples>& from, in_order) noexcept {
    return from.shuffle_rng;
}
template <std::size_t Samples>
constexpr random::numpy_random_state shuffle_generator(const training_progress<Samples>& from,
                                                       shuffle_each_epoch order) noexcept {
    return from.shuffle_seeded ? from.shuffle_rng : random::numpy_random_state{order.seed};
}

// The batch buffers of a run, and the epoch's order of samples when it shuffles. (Only
// what the run uses is there: a constant evaluator pays for every array it creates.)
template <std::size_t Samples, std::size_t Batch, std::size_t In, std::size_t Out, bool Gathered, bool Shuffled>
struct batch_buffers {};
template <std::size_t Samples, std::size_t Batch, std::size_t In, std::size_t Out>
struct batch_buffers<Samples, Batch, In, Out, true, false> {
    matrix<Batch, In> x{};
    matrix<Batch, Out> y{};
};
template <std::size_t Samples, std::size_t Batch, std::size_t In, std::size_t Out>
struct batch_buffers<Samples, Batch, In, Out, true, true> {
    matrix<Batch, In> x{};
    matrix<Batch, Out> y{};
    std::array<std::size_t, Samples> order{};
};

// The buffers a run starts with: a run that shuffles and is resumed (from a part that
// carried its order) goes on with that order, copied whole, as the buffers are made.
// Copied element by element, the digits' 1440 indices cost each part of their run 0.14 x
// 10^9 of g++ 12's instructions and 0.09 x 10^9 of clang++ 14's, ~90 k and ~55 k an index;
// copied whole, ~2 k (callgrind, 2026-12-06). (Not by assignment: Clang 19's new
// interpreter rejects the implicit copy-assignment of a struct holding an array.)
template <class Buffers, std::size_t FromSamples>
constexpr Buffers start_buffers(const training_progress<FromSamples>& from) noexcept {
    if constexpr (requires { Buffers{.order = from.order}; })
        return Buffers{.order = from.order};
    else
        return Buffers{};
}

// `updates` updates of a run, from batch `from.batch` of epoch `first_epoch` on, given the
// layers' workspaces; the loss of every epoch that is a multiple of log_every and ends in
// this stretch goes to *history++. An update is one batch. (A class, not a lambda: see
// update.)
template <class Network, class Data, class Recipe, std::size_t FromSamples>
struct training_loop {
    using optimizer_type = typename Recipe::optimizer_type;
    static constexpr std::size_t order_size = carried_order<Recipe, Data>;
    static constexpr std::size_t batch = Recipe::batch_size == full_batch ? Data::samples : Recipe::batch_size;
    static constexpr std::size_t batches = Data::samples / batch;
    static constexpr bool gathered = batches > 1 || Recipe::shuffles;

    const typename optimizer_type::state& start_state;
    const training_progress<FromSamples>& from;
    const Data& data;
    const Recipe& how;
    std::size_t first_epoch;
    std::size_t updates;
    double* history;

    template <class... Workspaces>
    constexpr run_result<Network, optimizer_type, order_size> operator()(Workspaces&... ws) const {
        auto shared = start_state;
        matrix<batch, Network::outputs> dL_dy_hat{};
        auto buffers = start_buffers<
            batch_buffers<Data::samples, batch, Network::inputs, Network::outputs, gathered, Recipe::shuffles>>(from);
        const bool seeded = from.shuffle_seeded || Recipe::shuffles;
        random::numpy_random_state rng = shuffle_generator(from, how.order);

        double* out = history;
        std::size_t b = from.batch;   // 0 where an epoch is one batch
        double loss = from.loss_sum;  // likewise
        if constexpr (!gathered) {
            // One update an epoch, from the dataset as it is: the loop below without its
            // batches, update() written out in it. With the passes of workspace_stack.hpp
            // working on the workspaces directly, logic_gates' epoch costs 2.0 % less on g++
            // 12, 2.8 % on clang++ 14, 3.2 % on clang++ 19's new interpreter, XOR's 1.0, 1.6
            // and 1.0 % (callgrind, 2026-12-07).
            // (`epoch`: the compilers' notes on a divergence show the call with this name.)
            for (std::size_t epoch = first_epoch, end = first_epoch + updates; epoch != end; ++epoch) {
                const auto& y_hat = forward_pass(data.x, ws...);
                if (epoch % check_every == 0) require_bounded_outputs(y_hat, epoch);
                if (epoch % Recipe::log_every == 0) {
                    const double epoch_loss = how.loss.value(y_hat, data.y);
                    require_finite_loss(epoch_loss, epoch);
                    *out++ = epoch_loss;
                }
                backpropagate(shared, dL_dy_hat, data.y, how, ws...);
            }
        } else {
            std::size_t e = first_epoch;
            std::size_t left = updates;
            while (left > 0) {
                const bool log = e % Recipe::log_every == 0;
                const std::size_t stop = left < batches - b ? b + left : batches;
                left -= stop - b;
                if constexpr (Recipe::shuffles) {
                    if (b == 0) permute(rng, buffers.order);
                }
                for (; b < stop; ++b) {
                    if constexpr (Recipe::shuffles) {
                        gather_rows(data.x, &buffers.order[b * batch], buffers.x);
                        gather_rows(data.y, &buffers.order[b * batch], buffers.y);
                    } else {
                        copy_rows(data.x, b * batch, buffers.x);
                        copy_rows(data.y, b * batch, buffers.y);
                    }
                    loss += update(shared, dL_dy_hat, buffers.x, buffers.y, how, e, log, ws...);
                }
                if (stop < batches) break;
                if constexpr (batches > 1) loss /= static_cast<double>(batches);
                if (log) {
                    require_finite_loss(loss, e);
                    *out++ = loss;
                }
                loss = 0.0;
                b = 0;
                ++e;
            }
        }
        forget_inputs(ws...);
        if constexpr (Recipe::shuffles)
            return {Network{{ws.layer...}}, {shared, {ws.slots...}}, {b, loss, seeded, rng, buffers.order}};
        else
            return {Network{{ws.layer...}}, {shared, {ws.slots...}}, {b, loss, seeded, rng}};
    }
};

// The same, from the network `start` and its optimizer's `memory`, with the layers'
// kernels spelled S.
template <kernel_spelling S, class Network, class Data, class Loss, class Optimizer, std::size_t Epochs,
          std::size_t LogEvery, std::size_t BatchSize, class Order, std::size_t FromSamples>
constexpr auto run_spelled(
    const Network& start, const optimizer_memory<Network, Optimizer>& memory,
    const training_progress<FromSamples>& from, const Data& data,
    const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>& how, std::size_t epoch, std::size_t updates,
    double* history) {  // NOLINT(readability-non-const-parameter): the loop below writes the losses there
    static_assert(Data::inputs == Network::inputs,
                  "ctnn::train: the dataset's input width does not match the network's input size");
    static_assert(Data::outputs == Network::outputs,
                  "ctnn::train: the dataset's target width does not match the network's output size");
    using loop_type =
        training_loop<Network, Data, recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>, FromSamples>;
    static_assert(Data::samples % loop_type::batch == 0,
                  "ctnn::train: the batch size must divide the number of samples in the dataset");
    how.optimizer.validate();
    return with_workspaces<loop_type::batch, Optimizer, S>(
        start, memory, loop_type{memory.shared, from, data, how, epoch, updates, history});
}

// The compiler trains with the kernels spelled for its constant evaluator, the program
// with those spelled for SIMD: the same sums in the same order, so the same bits.
// On the full batch, every epoch reads the whole dataset, mostly a namespace-scope
// constant, whose every read GCC's evaluator checks for an empty type. A const local copy
// costs it 2.4 % less of XOR's training (a copy that is not const, 0.5 %: GCC reads a
// const object for less; callgrind, 2026-12-06). Clang's evaluators are the other way
// round: a copy that is not const, 3.3 % less on clang 14, +0.3 % on clang 19's new
// interpreter (a const one, nothing); the preprocessor cannot tell the two apart, and
// Clang takes the copy that is not const.
template <class Network, class Data, class Recipe, std::size_t FromSamples>
constexpr auto run(const Network& start, const optimizer_memory<Network, typename Recipe::optimizer_type>& memory,
                   const training_progress<FromSamples>& from, const Data& data, const Recipe& how, std::size_t epoch,
                   std::size_t updates, double* history) {
    constexpr bool one_batch = Recipe::template batches_per_epoch<Data::samples> == 1;
    if (constant_evaluated()) {
        // The recipe is mostly a namespace-scope constant too, and every optimizer step reads
        // its rates: from a copy that is not const, an update of the digits model costs clang++
        // 14 1.1 % less, g++ the same, clang++ 19's new interpreter 0.15 % more (callgrind,
        // 2026-12-06).
        Recipe recipe_copy = how;
        if constexpr (one_batch) {
            std::conditional_t<gcc_evaluator, const Data, Data> copy = data;  // const for GCC only: see above
            return run_spelled<kernel_spelling::interpreted>(start, memory, from, copy, recipe_copy, epoch, updates,
                                                             history);
        } else {
            return run_spelled<kernel_spelling::interpreted>(start, memory, from, data, recipe_copy, epoch, updates,
                                                             history);
        }
    }
    return run_spelled<kernel_spelling::vectorized>(start, memory, from, data, how, epoch, updates, history);
}

}  // namespace detail

// Trains `initial` on `data` as `how` says; returns the trained network, its losses, and
// what the optimizer needs to go on training.
template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery,
          std::size_t BatchSize, class Order>
constexpr auto train(const Network& initial, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>& how) {
    using recipe_type = recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>;
    constexpr std::size_t logged = recipe_type::log_count;
    constexpr std::size_t updates = Epochs * recipe_type::template batches_per_epoch<Data::samples>;
    detail::require_finite_data(data);
    std::array<double, logged> history{};
    const auto r = detail::run(initial, optimizer_memory<Network, Optimizer>{}, training_progress<>{}, data, how, 0,
                               updates, history.data());
    return trained<Network, logged, Optimizer, detail::carried_order<recipe_type, Data>>{r.network, history, Epochs,
                                                                                         r.memory, r.progress};
}

// Goes on training where an earlier run stopped, appending to its loss history; the
// result is bit for bit that of one longer run. (To split one long run into constants,
// which is how a header keeps GCC's memory in bounds, see train_in_parts.hpp.)
template <class Network, std::size_t Logged, std::size_t Samples, class Data, class Loss, class Optimizer,
          std::size_t Epochs, std::size_t LogEvery, std::size_t BatchSize, class Order>
constexpr auto train(const trained<Network, Logged, Optimizer, Samples>& from, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>& how) {
    using recipe_type = recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>;
    static_assert(Epochs % LogEvery == 0,
                  "ctnn::train: to continue a run, each part's epochs must be a multiple of log_every");
    constexpr std::size_t total = Logged + recipe_type::log_count;
    constexpr std::size_t updates = Epochs * recipe_type::template batches_per_epoch<Data::samples>;
    if (from.epochs % LogEvery != 0)
        throw std::invalid_argument("ctnn::train: the run being continued stopped between two logged epochs");
    if (from.progress.batch != 0)
        // (One line: Clang's note quotes the line that throws.)
        throw std::invalid_argument("ctnn::train: the run being continued stopped inside an epoch: use train_part");
    detail::require_finite_data(data);  // it may be other data than the run so far had
    std::array<double, total> history{};
    for (std::size_t i = 0; i < Logged; ++i) history[i] = from.loss_history[i];
    const auto r = detail::run(from.network, from.optimizer_state, from.progress, data, how, from.epochs, updates,
                               history.data() + Logged);
    return trained<Network, total, Optimizer, detail::carried_order<recipe_type, Data>>{
        r.network, history, from.epochs + Epochs, r.memory, r.progress};
}

}  // namespace ctnn
