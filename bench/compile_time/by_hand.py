#!/usr/bin/python3
"""Writes two models' compile-time training out by hand, as yardsticks for ctnn's.

    bench/compile_time/by_hand.py OUTDIR

writes, for XOR (models/xor.hpp) and logic_gates (models/logic_gates.hpp), one TU in each of
three forms, OUTDIR/<model>_<form>.cpp:
  scalars  every weight, bias, activation and delta a local `double` of its own: what no
           library for layers of any size can spell in C++20 (a function cannot declare a
           number of named locals that depends on a template argument), and about the least
           an epoch of that network can cost a constant evaluator;
  arrays   the same statements over local matrices and layers (`L1.W.data[3]`), all in one
           function: ctnn's data layout without its calls;
  inlined  the arrays form with the sigmoid, its derivative and the clipping written out in
           place: no call left but exp's and the logged losses'.
All three do ctnn's arithmetic in ctnn's order (sums left to right, the same clipping, exp and
logged losses, the same divergence checks) and train the model's runs as its header does:
XOR in ten constants of 1000 epochs, each gate a constant. A TU includes <ctnn/ctnn.hpp>,
so that it minus bench/compile_time/model_baseline.cpp is what its training costs, as
bench/compile_time.sh counts a model. Built with -DCTNN_BY_HAND_CHECK it also includes the
model's header and static_asserts that the results equal ctnn's, bit for bit.
"""
import pathlib
import sys

INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]
INPUTS_INIT = f"{{{{{', '.join(str(v) for row in INPUTS for v in row)}}}}}"  # a matrix<4, 2>'s initializer


class Net:
    """A sigmoid MLP trained full-batch on the four inputs by gradient descent."""

    def __init__(self, sizes, loss, rate, epochs_per_run, log_every):
        self.sizes, self.loss, self.rate = sizes, loss, rate
        self.epochs, self.log_every = epochs_per_run, log_every
        self.layers = len(sizes) - 1


def names(net, form):
    """Spellings of W[l][k][o], b[l][o], a[l][n][o] (a[0] the inputs) and delta[l][n][o]."""
    if form == "scalars":
        return (lambda l, k, o: f"w{l}_{k}_{o}", lambda l, o: f"b{l}_{o}",
                lambda l, n, o: f"x{n}_{o}" if l == 0 else f"a{l}_{n}_{o}",
                lambda l, n, o: f"d{l}_{n}_{o}")
    size = net.sizes
    return (lambda l, k, o: f"L{l}.W.data[{k * size[l] + o}]", lambda l, o: f"L{l}.b.data[{o}]",
            lambda l, n, o: f"X.data[{n * size[0] + o}]" if l == 0 else f"A{l}.data[{n * size[l] + o}]",
            lambda l, n, o: f"D{l}.data[{n * size[l] + o}]")


def epoch(net, form):
    """The statements of one epoch, e its number, for the given form."""
    W, b, a, d = names(net, form)
    inlined = form == "inlined"

    def sigmoid(z):
        return f"1.0 / (1.0 + math::exp(-({z})))" if inlined else f"sigmoid::apply({z})"

    def slope(y):  # the sigmoid's derivative, from its output y
        return f"({y} * (1.0 - {y}))" if inlined else f"sigmoid::derivative_from_output({y})"

    def clip(y):
        high = "0x1.ffffffffffff7p-1"  # 1 - 1e-15, as cross_entropy.hpp writes it
        return f"({y} < 1e-15 ? 1e-15 : ({y} > {high} ? {high} : {y}))" if inlined else f"detail::clip_probability({y})"

    size, top = net.sizes, net.layers
    decl = "const double " if form == "scalars" else ""
    out = []
    for l in range(1, top + 1):  # forward: ((x0 W0o + x1 W1o) + ...) + b_o, then the sigmoid
        for n in range(4):
            for o in range(size[l]):
                dot = " + ".join(f"{a(l - 1, n, k)} * {W(l, k, o)}" for k in range(size[l - 1]))
                out.append(f"{decl}{a(l, n, o)} = {sigmoid(f'{dot} + {b(l, o)}')};")
    outputs = [a(top, n, 0) for n in range(4)]
    bounded = " && ".join(f"{y} >= -1e100 && {y} <= 1e100" for y in outputs)
    out.append(f"if (e % 8 == 0 && !({bounded})) throw std::domain_error(\"diverged\");")
    out.append(f"if (e % {net.log_every} == 0) log[e / {net.log_every}] = "
               f"{net.loss}::value(matrix<4, 1>{{{{{', '.join(outputs)}}}}}, y);")
    for n in range(4):  # the output layer's delta, from the loss
        y_n, a_n = f"y{n}" if form == "scalars" else f"y.data[{n}]", a(top, n, 0)
        if net.loss == "binary_cross_entropy":  # (p - y) / (p (1 - p)) / 4 (times 0.25: the same bits)
            p = f"p{n}" if form == "scalars" else "p"
            clipped = f"const double {p} = {clip(a_n)};"
            delta = f"{decl}{d(top, n, 0)} = ({p} - {y_n}) / ({p} * (1.0 - {p})) * 0.25 * {slope(a_n)};"
            # Over arrays each sample's p is a local of a block of its own.
            out.append(f"{clipped}\n{delta}" if form == "scalars" else f"{{ {clipped} {delta} }}")
        else:  # mse_seed: (a - y) a (1 - a)
            out.append(f"{decl}{d(top, n, 0)} = ({a_n} - {y_n}) * {slope(a_n)};")
    for l in range(top, 0, -1):
        if l > 1:  # the delta of the layer below, before this layer's update changes W
            for n in range(4):
                for k in range(size[l - 1]):
                    dot = " + ".join(f"{d(l, n, o)} * {W(l, k, o)}" for o in range(size[l]))
                    out.append(f"{decl}{d(l - 1, n, k)} = ({dot}) * {slope(a(l - 1, n, k))};")
        for k in range(size[l - 1]):
            for o in range(size[l]):
                dot = " + ".join(f"{a(l - 1, n, k)} * {d(l, n, o)}" for n in range(4))
                out.append(f"{W(l, k, o)} = {W(l, k, o)} - {net.rate} * ({dot});")
        for o in range(size[l]):
            out.append(f"{b(l, o)} = {b(l, o)} - {net.rate} * ({' + '.join(d(l, n, o) for n in range(4))});")
    return out


def run_function(net, form):
    """`run(s, y)`: the state s trained net.epochs epochs further on the targets y."""
    W, b, _, _ = names(net, form)
    size = net.sizes
    lines = ["constexpr state run(const state& s, const matrix<4, 1>& y) {",
             f"    std::array<double, {net.epochs // net.log_every}> log{{}};"]
    if form == "scalars":
        for l in range(1, net.layers + 1):
            weights = [f"{W(l, k, o)} = s.l{l}.W.data[{k * size[l] + o}]" for k in range(size[l - 1]) for o in range(size[l])]
            biases = [f"{b(l, o)} = s.l{l}.b.data[{o}]" for o in range(size[l])]
            lines.append("    double " + ", ".join(weights + biases) + ";")
        lines.append("    " + " ".join(f"const double x{n}_{k} = {INPUTS[n][k]};" for n in range(4) for k in range(2)))
        lines.append("    " + " ".join(f"const double y{n} = y.data[{n}];" for n in range(4)))
    else:
        lines.append("    " + " ".join(f"auto L{l} = s.l{l};" for l in range(1, net.layers + 1)))
        lines.append(f"    const matrix<4, 2> X{INPUTS_INIT};")
        lines.append("    " + " ".join(f"matrix<4, {size[l]}> A{l}{{}}, D{l}{{}};" for l in range(1, net.layers + 1)))
    lines.append(f"    for (std::size_t e = 0; e < {net.epochs}; ++e) {{")
    lines += ["        " + line.replace("\n", "\n        ") for line in epoch(net, form)]
    lines.append("    }")
    if form == "scalars":
        layers = []
        for l in range(1, net.layers + 1):
            w = ", ".join(W(l, k, o) for k in range(size[l - 1]) for o in range(size[l]))
            bias = ", ".join(b(l, o) for o in range(size[l]))
            layers.append(f"{{{{{{{w}}}}}, {{{{{bias}}}}}}}")
        lines.append(f"    return {{{', '.join(layers)}, log}};")
    else:
        lines.append(f"    return {{{', '.join(f'L{l}' for l in range(1, net.layers + 1))}, log}};")
    lines.append("}")
    return lines


def translation_unit(model, net, form, runs, checks):
    size = net.sizes
    layer_types = [f"dense<{size[l - 1]}, {size[l]}, sigmoid>" for l in range(1, net.layers + 1)]
    lines = [f"// {model}'s training written out by hand ({form}): generated by bench/compile_time/by_hand.py.",
             "#include <array>", "#include <cstddef>", "#include <stdexcept>", "", "#include <ctnn/ctnn.hpp>",
             "#ifdef CTNN_BY_HAND_CHECK", f"#include <ctnn/models/{model}.hpp>", "#endif", "",
             f"namespace {model}_by_hand {{", "using namespace ctnn;", "",
             "struct state {"] + [f"    {t} l{l};" for l, t in enumerate(layer_types, 1)] + [
             f"    std::array<double, {net.epochs // net.log_every}> log;", "};", ""]
    lines += run_function(net, form)
    lines += ["", f"using network_type = network<{', '.join(layer_types)}>;", runs, "", "#ifdef CTNN_BY_HAND_CHECK",
              checks, "#endif", f"}}  // namespace {model}_by_hand", ""]
    return "\n".join(lines)


XOR = Net([2, 4, 1], "mse_seed", 0.1, 1000, 1000)
XOR_RUNS = "\n".join(
    ["inline constexpr network_type initial = initialize<network_type>(randn{.seed = 42});",
     "inline constexpr matrix<4, 1> y{{0, 1, 1, 0}};",
     "// Ten constants of 1000 epochs, as models/xor.hpp trains; a function definition after",
     "// each lets GCC collect the garbage of one before the next (train_in_parts.hpp).",
     "inline constexpr state part_0 = run({initial.layer<0>(), initial.layer<1>(), {}}, y);",
     "void part_0_done() {}"] +
    [f"inline constexpr state part_{i} = run(part_{i - 1}, y);\nvoid part_{i}_done() {{}}" for i in range(1, 10)] +
    ["static_assert(part_0.log[0] > 0.0 && part_9.log[0] < part_0.log[0]);",
     "static_assert(network_type{{part_9.l1, part_9.l2}}.predict(matrix<1, 2>{{1, 0}}).data[0] > 0.5);"])
XOR_CHECKS = "\n".join(
    ["namespace model = ctnn::models::xor_gate;",
     "static_assert(part_9.l1 == model::trained.network.layer<0>() && part_9.l2 == model::trained.network.layer<1>(),",
     "              \"XOR by hand and ctnn's XOR disagree\");"] +
    [f"static_assert(part_{i}.log[0] == model::trained.loss_history[{i}]);" for i in range(10)])

GATES = Net([2, 1], "binary_cross_entropy", 2.0, 500, 100)
GATES_RUNS = "\n".join(
    ["inline constexpr network_type initial = initialize<network_type>(randn{.seed = 1});",
     "// One constant each, as models/logic_gates.hpp trains."] +
    [f"inline constexpr state {g} = run({{initial.layer<0>(), {{}}}}, matrix<4, 1>{{{{{y}}}}});\nvoid {g}_done() {{}}"
     for g, y in (("and_gate", "0, 0, 0, 1"), ("or_gate", "0, 1, 1, 1"), ("nand_gate", "1, 1, 1, 0"))] +
    ["constexpr bool answers(const state& s, double y0, double y1, double y2, double y3) {",
     f"    const auto p = network_type{{{{s.l1}}}}.predict(matrix<4, 2>{INPUTS_INIT});",
     "    return (p.data[0] > 0.5) == (y0 > 0.5) && (p.data[1] > 0.5) == (y1 > 0.5) && (p.data[2] > 0.5) == (y2 > 0.5) &&",
     "           (p.data[3] > 0.5) == (y3 > 0.5);", "}",
     "static_assert(answers(and_gate, 0, 0, 0, 1) && answers(or_gate, 0, 1, 1, 1) && answers(nand_gate, 1, 1, 1, 0));"])
GATES_CHECKS = "\n".join(
    ["namespace model = ctnn::models::logic_gates;"] +
    [f"static_assert({g}.l1 == model::{g}.network.layer<0>() && {g}.log == model::{g}.loss_history,\n"
     f"              \"{g} by hand and ctnn's disagree\");" for g in ("and_gate", "or_gate", "nand_gate")])

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for form in ("scalars", "arrays", "inlined"):
        (out / f"xor_{form}.cpp").write_text(translation_unit("xor", XOR, form, XOR_RUNS, XOR_CHECKS))
        (out / f"logic_gates_{form}.cpp").write_text(translation_unit("logic_gates", GATES, form, GATES_RUNS,
                                                                      GATES_CHECKS))
