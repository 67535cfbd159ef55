#pragma once
// Weight snapshots: a trained network written out, at run time, as a standalone header of
// constants, so that other code gets the weights without training them again.
//
//   ctnn::write_snapshot(std::cout, trained.network, "xor_snapshot");
//
// prints a header that, in C++, defines in namespace xor_snapshot
//
//   using network_type = ctnn::network<ctnn::dense<2, 4, ctnn::sigmoid>, ...>;
//   inline constexpr network_type network{...};   // every double as a hexfloat literal
//
// -- the same type as the network written, and bit for bit the same values, so a test
// can static_assert(xor_snapshot::network == model::trained.network) -- and, in C (or in
// C++ with CTNN_SNAPSHOT_C_ARRAYS defined), plain arrays and sizes:
//
//   #define XOR_SNAPSHOT_LAYERS 2
//   #define XOR_SNAPSHOT_LAYER0_INPUTS 2 ... _OUTPUTS 4 ... _TYPE "ctnn::dense<2, 4, ctnn::sigmoid>"
//   static const double xor_snapshot_layer0_W[8] = {...};  // row-major, input index the row
//   static const double xor_snapshot_layer0_b[4] = {...};
//
// Including the snapshot costs the compiler what including ctnn's network types costs,
// none of the training. cmake/ctnn-snapshot.cmake (ctnn_add_snapshot) builds a writer and
// runs it at build time.
//
// Layers are written through ctnn::snapshot_layer (provided for ctnn::dense), activations
// spelled through ctnn::snapshot_spelling (provided for ctnn's own; for others the
// compiler's name of the type is used, and options.includes must name their header).
// The writer runs at run time only: it uses iostreams and std::string.
#include <charconv>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <ctnn/activations/identity.hpp>
#include <ctnn/activations/relu.hpp>
#include <ctnn/activations/sigmoid.hpp>
#include <ctnn/activations/sigmoid_libm.hpp>
#include <ctnn/activations/softmax.hpp>
#include <ctnn/activations/tanh.hpp>
#include <ctnn/layers/dense.hpp>
#include <ctnn/math/fp.hpp>
#include <ctnn/network.hpp>
#include <ctnn/version.hpp>

namespace ctnn {

namespace detail {

// Concatenation by appending. (GCC 12's -Wrestrict misfires on `"literal" + std::string`
// at -O2 and above, PR 105329.)
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string s;
    (s += ... += parts);
    return s;
}

// The compiler's spelling of T, e.g. "ctnn::sigmoid" or "ctnn::leaky_relu<1, 100>".
template <class T>
std::string compiler_type_name() {
#if defined(__clang__) || defined(__GNUC__)
    // GCC: "... [with T = ns::type; std::string = ...]", Clang: "... [T = ns::type]". Not
    // a const std::string_view: Clang 19's new constant interpreter crashes evaluating one.
    std::string_view f(__PRETTY_FUNCTION__);
    const auto begin = f.find("T = ");
    auto end = f.find(';', begin);
    if (end == std::string_view::npos) end = f.rfind(']');
    if (begin == std::string_view::npos || end == std::string_view::npos || end <= begin + 4)
        throw std::logic_error("ctnn::write_snapshot: cannot read a type's name from the compiler");
    std::string name(f.substr(begin + 4, end - begin - 4));
#else
    std::string name;  // unknown compiler: specialise ctnn::snapshot_spelling
#endif
    if (name.empty() || name.find("anonymous") != std::string::npos || name.find('(') != std::string::npos ||
        name.find('{') != std::string::npos)
        throw std::invalid_argument(cat("ctnn::write_snapshot: the type \"", name,
                                        "\" cannot be named from a header; specialise ctnn::snapshot_spelling for it"));
    return name;
}

template <class T>
struct compiler_spelling {
    static std::string name() { return compiler_type_name<T>(); }
};

}  // namespace detail

// How a snapshot spells type T (an activation) in C++, and which header declares it.
// Specialise it for your own types if the compiler's name does not do (or set
// snapshot_options::includes instead of header()).
template <class T>
struct snapshot_spelling : detail::compiler_spelling<T> {
    static std::string header() { return {}; }
};

template <>
struct snapshot_spelling<identity> : detail::compiler_spelling<identity> {
    static std::string header() { return "ctnn/activations/identity.hpp"; }
};
template <>
struct snapshot_spelling<relu> : detail::compiler_spelling<relu> {
    static std::string header() { return "ctnn/activations/relu.hpp"; }
};
template <int Num, int Den>
struct snapshot_spelling<leaky_relu<Num, Den>> {
    static std::string name() {
        return detail::cat("ctnn::leaky_relu<", std::to_string(Num), ", ", std::to_string(Den), ">");
    }
    static std::string header() { return "ctnn/activations/relu.hpp"; }
};
template <>
struct snapshot_spelling<sigmoid> : detail::compiler_spelling<sigmoid> {
    static std::string header() { return "ctnn/activations/sigmoid.hpp"; }
};
template <>
struct snapshot_spelling<sigmoid_libm> : detail::compiler_spelling<sigmoid_libm> {
    static std::string header() { return "ctnn/activations/sigmoid_libm.hpp"; }
};
template <>
struct snapshot_spelling<softmax> : detail::compiler_spelling<softmax> {
    static std::string header() { return "ctnn/activations/softmax.hpp"; }
};
template <>
struct snapshot_spelling<tanh> : detail::compiler_spelling<tanh> {
    static std::string header() { return "ctnn/activations/tanh.hpp"; }
};

// One parameter matrix of a layer: the layer's member of that name, rows x cols values,
// row-major.
struct snapshot_parameter {
    std::string_view member;
    std::size_t rows;
    std::size_t cols;
    const double* values;
};

// How a snapshot writes a layer: its C++ type, the headers it needs, and its parameters
// in the order of its members (each a ctnn::matrix, written as `.member = {{...}}`).
template <class Layer>
struct snapshot_layer;

template <std::size_t In, std::size_t Out, activation Act>
struct snapshot_layer<dense<In, Out, Act>> {
    static std::string type_name() {
        return detail::cat("ctnn::dense<", std::to_string(In), ", ", std::to_string(Out), ", ",
                           snapshot_spelling<Act>::name(), ">");
    }
    static std::vector<std::string> headers() { return {"ctnn/layers/dense.hpp", snapshot_spelling<Act>::header()}; }
    static std::vector<snapshot_parameter> parameters(const dense<In, Out, Act>& l) {
        return {{"W", In, Out, l.W.data}, {"b", 1, Out, l.b.data}};
    }
};

struct snapshot_options {
    std::string_view object = "network";     // the constexpr network's name in the namespace
    std::string_view comment = {};           // written at the top, e.g. where the weights come from
    std::vector<std::string> includes = {};  // more headers for the C++ part (your own activations)
    std::string_view c_prefix = {};          // prefix of the C names; empty: the namespace, :: -> _
};

namespace detail {

// The shortest hexfloat that reads back as v: exact in C++17 and C99 alike.
inline std::string hexfloat(double v) {
    if (!math::isfinite(v))
        throw std::domain_error("ctnn::write_snapshot: a parameter is NaN or infinite; it has no literal");
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::hex);
    if (ec != std::errc{}) throw std::logic_error("ctnn::write_snapshot: std::to_chars failed");
    const std::string_view digits(buf, static_cast<std::size_t>(end - buf));
    return digits.front() == '-' ? cat("-0x", digits.substr(1)) : cat("0x", digits);
}

inline bool is_identifier(std::string_view s) {
    if (s.empty() || (s.front() >= '0' && s.front() <= '9')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// "a::b" -> {"a", "b"}, or throws if that is not a namespace name.
inline std::vector<std::string> namespace_parts(std::string_view ns) {
    std::vector<std::string> parts;
    for (;;) {
        const auto sep = ns.find("::");
        parts.emplace_back(ns.substr(0, sep));
        if (!is_identifier(parts.back()))
            throw std::invalid_argument(cat("ctnn::write_snapshot: not a namespace name: \"", ns, "\""));
        if (sep == std::string_view::npos) return parts;
        ns.remove_prefix(sep + 2);
    }
}

inline std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// values as rows of at most four literals, each line starting with `indent`.
inline void write_values(std::ostream& os, const double* values, std::size_t n, std::string_view indent) {
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 4 == 0) os << (i == 0 ? "" : "\n") << indent;
        os << hexfloat(values[i]) << (i + 1 < n ? (i % 4 == 3 ? "," : ", ") : "");
    }
}

struct layer_record {
    std::string type;
    std::vector<std::string> headers;
    std::size_t inputs;
    std::size_t outputs;
    std::vector<snapshot_parameter> parameters;
};

template <class... Layers, std::size_t... I>
std::vector<layer_record> layer_records(const network<Layers...>& net, std::index_sequence<I...>) {
    return {layer_record{snapshot_layer<Layers>::type_name(), snapshot_layer<Layers>::headers(), Layers::inputs,
                         Layers::outputs, snapshot_layer<Layers>::parameters(net.template layer<I>())}...};
}

}  // namespace detail

// Writes `net` as a header defining it, in namespace `name_space` (e.g. "xor_snapshot" or
// "my::models::xor_snapshot"), as `inline constexpr network_type <options.object>` for
// C++, and as plain arrays for C. Throws std::invalid_argument for a name that is not a
// namespace name and std::domain_error for a NaN or infinite parameter.
template <class... Layers>
void write_snapshot(std::ostream& os, const network<Layers...>& net, std::string_view name_space,
                    const snapshot_options& options = {}) {
    const auto parts = detail::namespace_parts(name_space);
    if (!detail::is_identifier(options.object))
        throw std::invalid_argument(detail::cat("ctnn::write_snapshot: not an identifier: \"", options.object, "\""));
    std::string prefix(options.c_prefix);
    if (prefix.empty()) {
        for (const auto& p : parts) prefix += detail::cat(prefix.empty() ? "" : "_", p);
    } else if (!detail::is_identifier(prefix)) {
        throw std::invalid_argument(detail::cat("ctnn::write_snapshot: not an identifier: \"", prefix, "\""));
    }
    const std::string macro = detail::upper(prefix);
    const auto layers = detail::layer_records(net, std::make_index_sequence<sizeof...(Layers)>{});

    std::string type = "ctnn::network<";
    for (std::size_t i = 0; i < layers.size(); ++i) type += detail::cat(i ? ", " : "", layers[i].type);
    type += ">";

    std::vector<std::string> headers{"ctnn/network.hpp"};
    const auto add_header = [&](const std::string& h) {
        if (h.empty()) return;
        for (const auto& seen : headers)
            if (seen == h) return;
        headers.push_back(h);
    };
    for (const auto& l : layers)
        for (const auto& h : l.headers) add_header(h);
    for (const auto& h : options.includes) add_header(h);

    // Written to a string first, so that a failure leaves `os` untouched.
    std::ostringstream out;
    out << "// Generated by ctnn::write_snapshot (ctnn " CTNN_VERSION_STRING "): do not edit.\n";
    if (!options.comment.empty()) {
        std::string_view c = options.comment;
        for (;;) {
            const auto nl = c.find('\n');
            out << "// " << c.substr(0, nl) << '\n';
            if (nl == std::string_view::npos) break;
            c.remove_prefix(nl + 1);
        }
    }
    out << "//\n"
        << "// C++: " << name_space << "::" << options.object << ", a constexpr " << name_space
        << "::network_type, every\n"
        << "//   parameter a hexfloat literal: bit for bit the network that was written.\n"
        << "// C (or C++ with CTNN_SNAPSHOT_C_ARRAYS defined): " << prefix << "_layer<i>_<parameter>[rows * cols],\n"
        << "//   row-major (W: the input index is the row), and " << macro << "_LAYER<i>_INPUTS, _OUTPUTS, _TYPE.\n"
        << "#ifndef CTNN_SNAPSHOT_" << macro << "_H\n"
        << "#define CTNN_SNAPSHOT_" << macro << "_H\n\n"
        << "#ifdef __cplusplus\n";
    for (const auto& h : headers) out << "#include <" << h << ">\n";
    out << "\nnamespace " << name_space << " {\n\n"
        << "using network_type = " << type << ";\n\n"
        << "inline constexpr network_type " << options.object << "{{\n";
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        out << "    // layer " << i << ": " << l.inputs << " -> " << l.outputs << "\n"
            << "    " << l.type << "{\n";
        for (std::size_t p = 0; p < l.parameters.size(); ++p) {
            const auto& par = l.parameters[p];
            out << "        ." << par.member << " = {{  // " << par.rows << " x " << par.cols << "\n";
            detail::write_values(out, par.values, par.rows * par.cols, "            ");
            out << "}}" << (p + 1 < l.parameters.size() ? "," : "") << "\n";
        }
        out << "    }" << (i + 1 < layers.size() ? "," : "") << "\n";
    }
    out << "}};\n\n"
        << "}  // namespace " << name_space << "\n"
        << "#endif  // __cplusplus\n\n"
        << "#if !defined(__cplusplus) || defined(CTNN_SNAPSHOT_C_ARRAYS)\n"
        << "#define " << macro << "_LAYERS " << layers.size() << "\n"
        << "#define " << macro << "_INPUTS " << network<Layers...>::inputs << "\n"
        << "#define " << macro << "_OUTPUTS " << network<Layers...>::outputs << "\n";
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        const std::string name = detail::cat(prefix, "_layer", std::to_string(i));
        const std::string upper = detail::upper(name);
        out << "\n#define " << upper << "_INPUTS " << l.inputs << "\n"
            << "#define " << upper << "_OUTPUTS " << l.outputs << "\n"
            << "#define " << upper << "_TYPE \"" << l.type << "\"\n";
        for (const auto& par : l.parameters) {
            out << "static const double " << name << "_" << par.member << "[" << par.rows * par.cols << "] = {\n";
            detail::write_values(out, par.values, par.rows * par.cols, "    ");
            out << "};\n";
        }
    }
    out << "#endif\n\n"
        << "#endif  // CTNN_SNAPSHOT_" << macro << "_H\n";
    os << out.str();
}

// Writes the snapshot to `path`, through a temporary file renamed into place, so that a
// build never sees half a header. Throws std::runtime_error if the file cannot be written.
template <class... Layers>
void write_snapshot_file(const std::filesystem::path& path, const network<Layers...>& net, std::string_view name_space,
                         const snapshot_options& options = {}) {
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error(detail::cat("ctnn::write_snapshot_file: cannot write ", tmp.string()));
        write_snapshot(file, net, name_space, options);
        file.close();
        if (!file) throw std::runtime_error(detail::cat("ctnn::write_snapshot_file: cannot write ", tmp.string()));
    }
    std::filesystem::rename(tmp, path);
}

}  // namespace ctnn
