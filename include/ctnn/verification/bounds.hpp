#pragma once
// Certified output bounds: for a network and a box of inputs, an interval per output that
// holds what ctnn's predict() gives, bit for bit as computed in floating point, for EVERY
// input in the box (interval bound propagation).
//
//   constexpr auto y = ctnn::verification::output_bounds(net, box);  // box<net.outputs>
//   static_assert(y[0].lo > 0.5);
//
// Dense layers: ctnn computes z_o = fl(...fl(fl(x_0 W_0o) + fl(x_1 W_1o)) + ... + b_o),
// in that order (layers/dense.hpp). Rounding to nearest is monotone, so fl(x w) is
// non-decreasing in x when w >= 0 and non-increasing when w < 0, and a rounded sum is
// non-decreasing in both terms: z_o is monotone in each input separately. Its smallest
// and largest values over a box are therefore its values at two vertices, picked by the
// signs of the weights, and computing them with the layer's own operations, in its own
// order, gives them exactly: sound with no outward rounding, and as tight as the
// floating-point network allows (attained, for one layer). The activations' bounds are in
// activation_bounds.hpp.
#include <cstddef>
#include <utility>

#include <ctnn/layers/dense.hpp>
#include <ctnn/network.hpp>
#include <ctnn/verification/activation_bounds.hpp>
#include <ctnn/verification/box.hpp>

namespace ctnn::verification {

namespace detail {

template <class Layer>
inline constexpr bool is_dense = false;
template <std::size_t In, std::size_t Out, class Act>
inline constexpr bool is_dense<dense<In, Out, Act>> = true;

template <class Layer>
struct check_layer {
    static_assert(is_dense<Layer>, "ctnn::verification: only dense layers can be bounded");
    static_assert(has_activation_bounds<typename Layer::activation_type>,
                  "ctnn::verification: no bounds are known for this activation: specialise "
                  "ctnn::verification::activation_bounds for it");
    static constexpr bool ok = true;
};

template <std::size_t In, std::size_t Out, class Act>
constexpr box<Out> dense_bounds(const dense<In, Out, Act>& l, const box<In>& x) noexcept {
    box<Out> a{};
    for (std::size_t o = 0; o < Out; ++o) {
        // The vertex that minimises, and the one that maximises, z_o.
        const double w0 = l.W.data[o];
        double lo = (w0 >= 0 ? x[0].lo : x[0].hi) * w0;
        double hi = (w0 >= 0 ? x[0].hi : x[0].lo) * w0;
        for (std::size_t k = 1; k < In; ++k) {
            const double w = l.W.data[k * Out + o];
            lo += (w >= 0 ? x[k].lo : x[k].hi) * w;
            hi += (w >= 0 ? x[k].hi : x[k].lo) * w;
        }
        lo += l.b.data[o];
        hi += l.b.data[o];
        a[o] = {lo, hi};
    }
    if constexpr (has_elementwise_bounds<Act>) {
        for (std::size_t o = 0; o < Out; ++o) a[o] = activation_bounds<Act>::image(a[o]);
    } else {
        box<Out> z{};
        assign(z, a);
        activation_bounds<Act>::image_row(z.dim, a.dim, Out);
    }
    return a;
}

template <std::size_t I, class Net, std::size_t N>
constexpr auto bounds_from(const Net& net, const box<N>& x) noexcept {
    if constexpr (I == Net::depth)
        return x;
    else
        return bounds_from<I + 1>(net, dense_bounds(net.template layer<I>(), x));
}

template <class... Layers>
constexpr bool check_layers(const network<Layers...>*) noexcept {
    return (check_layer<Layers>::ok && ...);
}

}  // namespace detail

template <class Net, std::size_t N>
[[nodiscard]] constexpr box<Net::outputs> output_bounds(const Net& net, const box<N>& inputs) {
    static_assert(check_box_width<N, Net::inputs>::ok);
    static_assert(detail::check_layers(static_cast<const Net*>(nullptr)));
    require_valid(inputs);
    return detail::bounds_from<0>(net, inputs);
}

}  // namespace ctnn::verification
