#pragma once
// One long training run as several constants, for GCC's memory.
//
// GCC frees nothing while it evaluates one constant: a 10000-epoch XOR trained in one
// `constexpr auto t = train(...)` peaks at ~690 MB. It collects garbage after each
// function definition, though, so the same run cut into parts -- a constant per part,
// each continuing the one before, with a function definition after each -- peaks at a
// fraction of that: ~145 MB in 10 parts, ~115 MB in 20 (g++ 12, -O2, with the GC
// thresholds the ctnn::ctnn target sets, --param=ggc-min-heapsize=32768
// --param=ggc-min-expand=30; with GCC's default thresholds it collects so rarely that
// the same 10 parts peak at ~340 MB). Only compilation collects: with -fsyntax-only GCC
// keeps everything, parts or not.
//
// The parts are counted in updates (batches), not epochs, so that a part can be smaller
// than one epoch of a large dataset; a part that stops inside an epoch hands on the
// position in it, the partial loss sum, the shuffle's generator and the epoch's order.
// The last part equals, bit for bit, `train(initial, data, recipe)` as one run.
//
// Written at namespace scope:
//
//   CTNN_TRAIN_IN_PARTS(trained, 10, initial, data, recipe);
//
// declares `inline constexpr auto trained`, the whole run, trained in 10 parts (the
// parts themselves live in namespace trained_parts). `parts` must be a literal from 1 to
// 256 (Boost.Preprocessor's repetition limit); the other arguments are expressions,
// parenthesised if they hold a comma outside parentheses. Without the macro, the same is
// `train_part<K, Parts>(previous, data, recipe)` for K = 0 (previous = the initial
// network), 1, ..., Parts - 1, one constant each, with a function definition between.
// Every part must be given the same data: part 0 checks it for NaN and infinity, once.
#include <cstddef>
#include <stdexcept>
#include <type_traits>

#include <boost/preprocessor/arithmetic/dec.hpp>
#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/control/if.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>
#include <boost/preprocessor/tuple/elem.hpp>

#include <ctnn/detail/constant_evaluation.hpp>
#include <ctnn/tensor/detail/unrolled.hpp>
#include <ctnn/training/recipe.hpp>
#include <ctnn/training/train.hpp>

namespace ctnn {

namespace detail {
template <class T>
inline constexpr bool is_trained = false;
template <class Network, std::size_t LogCount, class Optimizer, std::size_t Samples>
inline constexpr bool is_trained<trained<Network, LogCount, Optimizer, Samples>> = true;

template <class From>
struct network_of {
    using type = From;
};
template <class Network, std::size_t LogCount, class Optimizer, std::size_t Samples>
struct network_of<trained<Network, LogCount, Optimizer, Samples>> {
    using type = Network;
};
}  // namespace detail

// The updates a run of `Updates` updates cut into `Parts` parts gives part `Part`:
// [first_update, first_update of the next part). The parts differ in size by at most one.
template <std::size_t Part, std::size_t Parts, std::size_t Updates>
inline constexpr std::size_t first_update_of_part = Part * Updates / Parts;

// Part `Part` of `Parts` of the run `how` describes: part 0 trains `from`, the initial
// network; every later part continues `from`, the part before it.
template <std::size_t Part, std::size_t Parts, class From, class Data, class Loss, class Optimizer,
          std::size_t Epochs, std::size_t LogEvery, std::size_t BatchSize, class Order>
constexpr auto train_part(const From& from, const Data& data,
                          const recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>& how) {
    using recipe_type = recipe<Loss, Optimizer, Epochs, LogEvery, BatchSize, Order>;
    using network_type = typename detail::network_of<From>::type;
    using result_type =
        trained<network_type, recipe_type::log_count, Optimizer, detail::carried_order<recipe_type, Data>>;
    constexpr std::size_t batches = recipe_type::template batches_per_epoch<Data::samples>;
    constexpr std::size_t updates = Epochs * batches;
    static_assert(Parts > 0, "ctnn::train_part: a run needs at least one part");
    static_assert(Part < Parts, "ctnn::train_part: the part's index must be less than the number of parts");
    static_assert(Parts <= updates,
                  "ctnn::train_part: more parts than updates (epochs times batches per epoch): a part would be empty");
    static_assert(Part == 0 || detail::is_trained<From>,
                  "ctnn::train_part: every part after the first continues the part before it: pass that part, not "
                  "a network");
    static_assert(Part > 0 || !detail::is_trained<From>,
                  "ctnn::train_part: part 0 starts the run: pass the initial network");
    static_assert(!detail::is_trained<From> || std::is_same_v<From, result_type>,
                  "ctnn::train_part: the part being continued is not a part of a run of this recipe (its loss "
                  "history has another length, or its optimizer another type)");
    constexpr std::size_t first = first_update_of_part<Part, Parts, updates>;
    constexpr std::size_t count = first_update_of_part<Part + 1, Parts, updates> - first;

    if constexpr (Part == 0) {
        // Once: the later parts of the run train on the same data. That is a namespace-scope
        // constant, mostly, which GCC's evaluator reads for more than a local, so there the
        // check reads a copy. The digits' first part (callgrind, 2026-12-06): -0.33 x 10^9
        // instructions on g++ 12; on Clang the copy costs about what it saves (clang++ 14
        // -0.28 x 10^9, clang++ 19's new interpreter +0.36 x 10^9).
        if (detail::gcc_evaluator && detail::constant_evaluated()) {
            Data copy = data;
            detail::require_finite_data(copy);
        } else {
            detail::require_finite_data(data);
        }
        std::array<double, recipe_type::log_count> history{};
        const auto r = detail::run(from, optimizer_memory<network_type, Optimizer>{}, training_progress<>{}, data, how,
                                   0, count, history.data());
        return result_type{r.network, history, first_update_of_part<1, Parts, updates> / batches, r.memory, r.progress};
    } else {
        if (from.epochs * batches + from.progress.batch != first)
            throw std::invalid_argument("ctnn::train_part: this part does not start where the part before it stopped");
        std::array<double, recipe_type::log_count> history{};
        for (std::size_t i = 0; i < recipe_type::log_count; ++i) history[i] = from.loss_history[i];
        // The next epoch to be logged, counting one that has begun.
        const std::size_t logged = (from.epochs + LogEvery - 1) / LogEvery;
        const auto r = detail::run(from.network, from.optimizer_state, from.progress, data, how, from.epochs, count,
                                   history.data() + logged);
        return result_type{r.network, history, (first + count) / batches, r.memory, r.progress};
    }
}

}  // namespace ctnn

// Part k of CTNN_TRAIN_IN_PARTS, and a function definition for GCC to collect garbage at.
// args: (name, parts, initial, data, recipe).
#define CTNN_DETAIL_TRAIN_PART(z, k, args)                                                                         \
    inline constexpr auto BOOST_PP_CAT(part_, k) = ::ctnn::train_part<k, BOOST_PP_TUPLE_ELEM(5, 1, args)>(          \
        BOOST_PP_IF(k, BOOST_PP_CAT(part_, BOOST_PP_DEC(k)), BOOST_PP_TUPLE_ELEM(5, 2, args)),                   \
        BOOST_PP_TUPLE_ELEM(5, 3, args), BOOST_PP_TUPLE_ELEM(5, 4, args));                                         \
    [[maybe_unused]] inline void BOOST_PP_CAT(collect_garbage_after_part_, k)() {}

// `name` is the identifier being declared, which cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define CTNN_TRAIN_IN_PARTS(name, parts, initial, data, recipe)                                                    \
    static_assert((parts) > 0, "CTNN_TRAIN_IN_PARTS: a run needs at least one part");                            \
    namespace BOOST_PP_CAT(name, _parts) {                                                                        \
    BOOST_PP_REPEAT(parts, CTNN_DETAIL_TRAIN_PART, (name, parts, initial, data, recipe))                           \
    }                                                                                                              \
    inline constexpr auto name = BOOST_PP_CAT(name, _parts)::BOOST_PP_CAT(part_, BOOST_PP_DEC(parts))
// NOLINTEND(bugprone-macro-parentheses)
