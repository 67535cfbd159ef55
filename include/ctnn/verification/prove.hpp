#pragma once
// Proving a property over a box by splitting it: certified bounds on the whole box are
// often too loose to decide, but shrink with the box, so the box is bisected (its widest
// side halved, depth first) until the bounds of every piece prove the property, the
// network is found to violate it at a piece's centre, or the work limit is reached.
//
//   constexpr auto p = ctnn::verification::prove(net, box, ctnn::verification::output_above{0, 0.5});
//   static_assert(p.proved());
//
// The answer is one of
//   proved      the bounds of every piece prove it: it holds at every input of the box
//               (as ctnn computes the network);
//   disproved   `counterexample` is an input of the box at which predict() violates it,
//               checked by running the network on it;
//   undecided   neither, within the limits (some piece reached max_depth undecided, or
//               max_boxes pieces were examined).
#include <cstddef>
#include <stdexcept>

#include <ctnn/detail/constant_evaluation.hpp>
#include <ctnn/tensor/matrix.hpp>
#include <ctnn/verification/bounds.hpp>
#include <ctnn/verification/box.hpp>
#include <ctnn/verification/property.hpp>

namespace ctnn::verification {

enum class verdict { proved, disproved, undecided };

struct proof_limits {
    std::size_t max_depth = 24;     // halvings of the box along any path (at most max_stack - 1)
    std::size_t max_boxes = 20000;  // pieces examined in all
    static constexpr std::size_t max_stack = 64;
};

template <std::size_t N>
struct proof {
    verdict result;
    matrix<1, N> counterexample;  // disproved: where the network violates the property; else all 0
    std::size_t boxes;            // pieces examined (each one a bound computation)
    std::size_t depth;            // the deepest split made

    [[nodiscard]] constexpr bool proved() const noexcept { return result == verdict::proved; }
    [[nodiscard]] constexpr bool disproved() const noexcept { return result == verdict::disproved; }
    [[nodiscard]] constexpr bool undecided() const noexcept { return result == verdict::undecided; }
};

namespace detail {

template <class Net, std::size_t N, class Property>
constexpr proof<N> split_and_prove(const Net& net, const box<N>& region, const Property& property,
                                   const proof_limits& limits) {
    // Depth first: a stack of pieces, each with its depth. Splitting one piece pushes its
    // two halves, so the stack never holds more than max_depth + 1 pieces.
    box<N> stack[proof_limits::max_stack]{};
    std::size_t depth_of[proof_limits::max_stack]{};
    std::size_t top = 0;
    assign(stack[top++], region);

    proof<N> out{verdict::proved, {}, 0, 0};
    bool undecided = false;
    while (top > 0) {
        --top;
        box<N> piece{};
        assign(piece, stack[top]);
        const std::size_t depth = depth_of[top];
        if (out.boxes == limits.max_boxes) {
            out.result = verdict::undecided;
            return out;
        }
        ++out.boxes;
        out.depth = depth > out.depth ? depth : out.depth;
        if (property.proved_by(output_bounds(net, piece))) continue;

        const matrix<1, N> centre = piece.centre();
        // (forward, not predict: net is prove's local copy already, see prove.)
        if (!property.holds_for(net.forward(centre))) {
            out.result = verdict::disproved;
            for (std::size_t i = 0; i < N; ++i) out.counterexample.data[i] = centre.data[i];
            return out;
        }
        // Split along the widest side, unless the piece is as deep as allowed or cannot
        // be halved any more (no double strictly between its end points).
        std::size_t widest = 0;
        for (std::size_t i = 1; i < N; ++i)
            if (piece[i].width() > piece[widest].width()) widest = i;
        const double mid = piece[widest].middle();
        if (depth == limits.max_depth || !(piece[widest].lo < mid && mid < piece[widest].hi)) {
            undecided = true;
            continue;
        }
        assign(stack[top], piece);
        stack[top][widest].hi = mid;
        depth_of[top++] = depth + 1;
        assign(stack[top], piece);
        stack[top][widest].lo = mid;
        depth_of[top++] = depth + 1;
    }
    if (undecided) out.result = verdict::undecided;
    return out;
}

}  // namespace detail

template <class Net, std::size_t N, class Property>
[[nodiscard]] constexpr proof<N> prove(const Net& net, const box<N>& region, const Property& property,
                                       proof_limits limits = {}) {
    static_assert(check_box_width<N, Net::inputs>::ok);
    static_assert(output_property<Property, Net::outputs>,
                  "ctnn::verification::prove: the property must provide proved_by(box) and holds_for(output)");
    require_valid(region);
    if (limits.max_depth >= proof_limits::max_stack)
        throw std::domain_error("ctnn::verification::prove: max_depth must be below proof_limits::max_stack");
    // Every piece reads every weight. Read in place from a namespace-scope constant
    // (`trained.network`, typically), each read costs GCC's evaluator a check of that
    // constant's whole type, and a local copy does not (docs/compile_time.md). At run time
    // a copy would only cost stack.
    if (ctnn::detail::constant_evaluated()) {
        const Net local = net;
        return detail::split_and_prove(local, region, property, limits);
    }
    return detail::split_and_prove(net, region, property, limits);
}

}  // namespace ctnn::verification
