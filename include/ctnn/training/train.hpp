#pragma once
// Training, usable in constant evaluation and at run time alike: the same function, so
// a network trained by the compiler and one trained by the program agree bit for bit
// (given -ffp-contract=off, which the ctnn::ctnn target sets).
#include <array>
#include <cstddef>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>

#include <ctnn/detail/kernel_spelling.hpp>
#include <ctnn/detail/layer_workspace.hpp>
#include <ctnn/detail/workspace_stack.hpp>
#include <ctnn/math/fp.hpp>
#include <ctnn/network.hpp>
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

template <class Network, std::size_t LogCount, class Optimizer>
struct trained {
    Network network;
    // The loss at epochs 0, log_every, 2 log_every, ... (see recipe::log_count).
    std::array<double, LogCount> loss_history;
    std::size_t epochs;  // epochs trained so far
    optimizer_memory<Network, Optimizer> optimizer_state;  // to continue training exactly
};

namespace detail {

// At compile time a throw stops the build; the notes show this call with its arguments.
constexpr void require_finite_loss(double loss, [[maybe_unused]] std::size_t epoch) {
    if (!math::isfinite(loss))
        throw std::domain_error("ctnn::train: training diverged: the loss is NaN or infinite at this epoch");
}

template <std::size_t Batch, class Network, class Optimizer, kernel_spelling S>
struct workspaces_of;
template <std::size_t Batch, class... Layers, class Optimizer, kernel_spelling S>
struct workspaces_of<Batch, network<Layers...>, Optimizer, S> {
    using type = workspace_stack<Batch, Optimizer, S, true, Layers...>;
};

template <class Network, class Optimizer>
struct run_result {
    Network network;
    optimizer_memory<Network, Optimizer> memory;
};

// Rows [first, first + Rows) of m.
template <std::size_t Rows, std::size_t R, std::size_t C>
constexpr void copy_rows(const matrix<R, C>& m, std::size_t first, matrix<Rows, C>& out) noexcept {
    for (std::size_t i = 0; i < Rows * C; ++i) out.data[i] = m.data[first * C + i];
}

template <class Network, class Optimizer, class Workspaces, std::size_t... I>
constexpr run_result<Network, Optimizer> collect(const Workspaces& ws, const typename Optimizer::state& shared,
                                                 std::index_sequence<I...>) {
    return {Network{{ws.template at<I>().layer...}}, {shared, {ws.template at<I>().slots...}}};
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
    for (std::size_t i = 0; i < B * O; ++i)
        if (!(y_hat.data[i] > -diverged_output && y_hat.data[i] < diverged_output))
            throw std::domain_error("ctnn::train: training diverged: an output is NaN or beyond 1e100 at this epoch");
}

// A NaN or an infinity in the data would otherwise surface much later, as a constant-
// evaluation failure deep inside a kernel (Clang) or as "training diverged" (GCC).
template <std::size_t N>
constexpr void require_finite_data(const double (&values)[N]) {
    for (double v : values)
        if (!math::isfinite(v)) throw std::domain_error("ctnn::train: the dataset contains a NaN or an infinity");
}

// One update of every layer from one batch; returns the batch's loss if asked to. (A
// function, not a lambda in run(): Clang 19's new constant interpreter crashes when a
// lambda there updates the optimizer state it captured.)
template <class Workspaces, class State, class X, class Y, class Recipe>
constexpr double update(Workspaces& ws, State& shared, Y& dL_dy_hat, const X& x, const Y& y, const Recipe& how,
                        std::size_t epoch, bool want_loss) {
    const auto& y_hat = ws.forward(x);
    if (epoch % check_every == 0) require_bounded_outputs(y_hat, epoch);
    const double loss = want_loss ? how.loss.value(y_hat, y) : 0.0;
    how.loss.gradient(y_hat, y, dL_dy_hat);
    how.optimizer.begin_step(shared);
    ws.backward(dL_dy_hat, how.optimizer, shared);
    return loss;
}

// Epochs [first, first + Epochs) of training, with the layers' kernels spelled S; the
// loss of every epoch that is a multiple of LogEvery goes to *history++.
template <kernel_spelling S, class Network, class Data, class Loss, class Optimizer, std::size_t Epochs,
          std::size_t LogEvery, std::size_t BatchSize>
constexpr run_result<Network, Optimizer> run_spelled(const Network& start,
                                                     const optimizer_memory<Network, Optimizer>& memory,
                                                     const Data& data,
                                                     const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>& how,
                                                     std::size_t first, double* history) {
    static_assert(Data::inputs == Network::inputs,
                  "ctnn::train: the dataset's input width does not match the network's input size");
    static_assert(Data::outputs == Network::outputs,
                  "ctnn::train: the dataset's target width does not match the network's output size");
    constexpr std::size_t batch = BatchSize == full_batch ? Data::samples : BatchSize;
    static_assert(Data::samples % batch == 0,
                  "ctnn::train: the batch size must divide the number of samples in the dataset");
    constexpr std::size_t batches = Data::samples / batch;
    how.optimizer.validate();
    require_finite_data(data.x.data);
    require_finite_data(data.y.data);

    using indices = std::make_index_sequence<Network::depth>;
    auto ws = workspaces_of<batch, Network, Optimizer, S>::type::template make<0>(start, memory);
    auto shared = memory.shared;
    matrix<batch, Network::outputs> dL_dy_hat{};

    for (std::size_t epoch = first; epoch < first + Epochs; ++epoch) {
        const bool log = epoch % LogEvery == 0;
        double loss = 0.0;
        if constexpr (batches == 1) {
            loss = update(ws, shared, dL_dy_hat, data.x, data.y, how, epoch, log);
        } else {
            matrix<batch, Network::inputs> x{};
            matrix<batch, Network::outputs> y{};
            for (std::size_t b = 0; b < batches; ++b) {
                copy_rows(data.x, b * batch, x);
                copy_rows(data.y, b * batch, y);
                loss += update(ws, shared, dL_dy_hat, x, y, how, epoch, log);
            }
            loss /= static_cast<double>(batches);
        }
        if (log) {
            require_finite_loss(loss, epoch);
            *history++ = loss;
        }
    }
    return collect<Network, Optimizer>(ws, shared, indices{});
}

// The compiler trains with the kernels spelled for its constant evaluator, the program
// with those spelled for SIMD: the same sums in the same order, so the same bits.
// (Clang 19's new constant interpreter warns about any std::is_constant_evaluated() it
// evaluates, as if the call sat in a context that is always constant-evaluated.)
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wconstant-evaluated"
#endif
template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery,
          std::size_t BatchSize>
constexpr run_result<Network, Optimizer> run(const Network& start, const optimizer_memory<Network, Optimizer>& memory,
                                             const Data& data,
                                             const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>& how,
                                             std::size_t first, double* history) {
    if (std::is_constant_evaluated())
        return run_spelled<kernel_spelling::interpreted>(start, memory, data, how, first, history);
    return run_spelled<kernel_spelling::vectorized>(start, memory, data, how, first, history);
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

}  // namespace detail

// Trains `initial` on `data` as `how` says; returns the trained network, its losses, and
// what the optimizer needs to go on training.
template <class Network, class Data, class Loss, class Optimizer, std::size_t Epochs, std::size_t LogEvery,
          std::size_t BatchSize>
constexpr auto train(const Network& initial, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>& how) {
    constexpr std::size_t logged = recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>::log_count;
    std::array<double, logged> history{};
    const auto r = detail::run(initial, optimizer_memory<Network, Optimizer>{}, data, how, 0, history.data());
    return trained<Network, logged, Optimizer>{r.network, history, Epochs, r.memory};
}

// Goes on training where an earlier run stopped, appending to its loss history; the
// result is bit for bit that of one longer run. Splitting a long run into several
// constants is how a header keeps GCC's memory in bounds: GCC frees nothing while it
// evaluates one constant (see models/xor.hpp).
template <class Network, std::size_t Logged, class Data, class Loss, class Optimizer, std::size_t Epochs,
          std::size_t LogEvery, std::size_t BatchSize>
constexpr auto train(const trained<Network, Logged, Optimizer>& from, const Data& data,
                     const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>& how) {
    static_assert(Epochs % LogEvery == 0,
                  "ctnn::train: to continue a run, each part's epochs must be a multiple of log_every");
    constexpr std::size_t total = Logged + recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize>::log_count;
    if (from.epochs % LogEvery != 0)
        throw std::invalid_argument("ctnn::train: the run being continued stopped between two logged epochs");
    std::array<double, total> history{};
    for (std::size_t i = 0; i < Logged; ++i) history[i] = from.loss_history[i];
    const auto r = detail::run(from.network, from.optimizer_state, data, how, from.epochs, history.data() + Logged);
    return trained<Network, total, Optimizer>{r.network, history, from.epochs + Epochs, r.memory};
}

}  // namespace ctnn
