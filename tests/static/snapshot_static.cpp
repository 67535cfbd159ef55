// Weight snapshots are the networks they were written from, bit for bit: this TU includes
// the XOR snapshot that ctnn-snapshot-xor writes at build time (cmake/ctnn-snapshot.cmake)
// together with <ctnn/models/xor.hpp>, which trains the network again, and compares every
// double. A snapshot therefore cannot go stale: when the model or the training changes,
// the snapshot is rewritten by the build, and if the writer were wrong this would fail.
#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

#include <ctnn/models/xor.hpp>

#include <mixed_snapshot.hpp>  // generated: tests/snapshot/write_mixed_snapshot.cpp
#include <xor_snapshot.hpp>    // generated: examples/snapshot_xor.cpp

#include "snapshot/mixed_network.hpp"

namespace {

namespace xg = ctnn::models::xor_gate;

// Every parameter ==, layer by layer (network's operator== says the same; this spells
// it out, and also checks the two sides have the same number of parameters).
template <class Network, std::size_t... I>
constexpr bool same_doubles(const Network& a, const Network& b, std::index_sequence<I...>) {
    const auto layer_equal = [](const auto& x, const auto& y) {
        using layer_t = std::remove_cvref_t<decltype(x)>;
        static_assert(sizeof x.W.data + sizeof x.b.data == sizeof(double) * layer_t::parameter_count);
        for (std::size_t i = 0; i < std::size(x.W.data); ++i)
            if (!(x.W.data[i] == y.W.data[i])) return false;
        for (std::size_t i = 0; i < std::size(x.b.data); ++i)
            if (!(x.b.data[i] == y.b.data[i])) return false;
        return true;
    };
    return (layer_equal(a.template layer<I>(), b.template layer<I>()) && ...);
}
template <class Network>
constexpr bool same_doubles(const Network& a, const Network& b) {
    return same_doubles(a, b, std::make_index_sequence<Network::depth>{});
}

// --- the XOR snapshot is the compile-time-trained XOR network ---
static_assert(std::is_same_v<xor_snapshot::network_type, xg::network_type>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(xor_snapshot::network)>, decltype(xg::trained.network)>);
static_assert(xor_snapshot::network == xg::trained.network);
static_assert(same_doubles(xor_snapshot::network, xg::trained.network));
static_assert(xor_snapshot::network.predict(xg::data.x) == xg::predictions);

// --- a network with every activation and awkward values survives the round trip ---
namespace ts = ctnn_test::snapshot;
static_assert(std::is_same_v<ctnn_test::snapshots::mixed::network_type, ts::mixed_network>);
static_assert(ctnn_test::snapshots::mixed::net == ts::mixed);
static_assert(same_doubles(ctnn_test::snapshots::mixed::net, ts::mixed));
static_assert(ctnn_test::snapshots::mixed::net.layer<0>().b(0, 1) == 0x1p-1074);
static_assert(ctnn_test::snapshots::mixed::net.layer<0>().b(0, 2) == -0x1.fffffffffffffp+1023);

}  // namespace
