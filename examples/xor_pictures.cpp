// ctnn-xor-pictures: the seed's XOR network in two pictures, drawn with ctnn's own code
// (examples/svg.hpp, no plotting library):
//
//   <dir>/xor_loss.svg      the training loss against the epoch: the compiler's
//                           loss_history (every 1000 epochs) and, for a real curve, the
//                           same training run again at run time through ctnn::train,
//                           logging every 10 epochs
//   <dir>/xor_decision.svg  the compile-time-trained network's output over [0, 1]^2 on a
//                           50 x 50 grid, with its 0.5 contour and the four training points
//
//   ctnn-xor-pictures [dir]     (default: docs; the directory must exist)
//
// The run-time training is checked against the compile-time one (same network, and the
// same loss at every 1000th epoch, bit for bit); the program fails if they differ.
#include <array>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <ctnn/models/xor.hpp>

#include "svg.hpp"

namespace {

namespace xg = ctnn::models::xor_gate;
using ctnn_examples::svg::cat;
using ctnn_examples::svg::document;
using ctnn_examples::svg::num;
using ctnn_examples::svg::point;

constexpr std::size_t curve_every = 10;  // epochs between two points of the run-time curve

// Blue for 0, grey at 0.5, red for 1 (the "coolwarm" diverging map's end and middle colours).
ctnn_examples::svg::rgb output_colour(double y) {
    return ctnn_examples::svg::colormap({{0.230, 0.299, 0.754}, {0.865, 0.865, 0.865}, {0.706, 0.016, 0.150}}, y);
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// --- xor_loss.svg ---

template <std::size_t N>
void loss_picture(const std::array<double, N>& curve, const std::string& path) {
    const double width = 760, height = 470;
    const double left = 80, right = 730, top = 70, bottom = 400;  // the plot area
    const double max_epoch = static_cast<double>(xg::recipe.epochs), max_loss = 0.30;
    const auto at = [&](double epoch, double loss) {
        return point{left + (right - left) * epoch / max_epoch, bottom - (bottom - top) * loss / max_loss};
    };

    document svg(width, height);
    svg.rect(0, 0, width, height, "white");
    svg.text({width / 2, 28}, "XOR, 2-4-1 sigmoid network: training loss", 18, "middle", "font-weight=\"bold\"");
    svg.text({width / 2, 50}, "seed MSE, full-batch gradient descent, learning rate 0.1, numpy randn(seed 42) start",
             12, "middle", "fill=\"#444444\"");

    // Grid, ticks and tick labels.
    for (int i = 0; i <= 5; ++i) {
        const double e = 2000.0 * i;
        svg.line(at(e, 0), at(e, max_loss), "#e4e4e4", 1);
        svg.line(at(e, 0), {at(e, 0).x, bottom + 5}, "#333333", 1);
        svg.text({at(e, 0).x, bottom + 20}, std::to_string(2000 * i), 12, "middle");
    }
    for (int i = 0; i <= 6; ++i) {
        const double l = 0.05 * i;
        svg.line(at(0, l), at(max_epoch, l), "#e4e4e4", 1);
        svg.line({left - 5, at(0, l).y}, at(0, l), "#333333", 1);
        svg.text({left - 9, at(0, l).y + 4}, fixed(l, 2), 12, "end");
    }
    svg.rect(left, top, right - left, bottom - top, "none", "stroke=\"#333333\" stroke-width=\"1\"");
    svg.text({(left + right) / 2, bottom + 45}, "epoch", 14, "middle");
    const point ylabel{24, (top + bottom) / 2};
    svg.text(ylabel, "loss: mean of (y - ŷ)² over the four samples", 14, "middle",
             cat("transform=\"rotate(-90 ", num(ylabel.x), " ", num(ylabel.y), ")\""));

    // The run-time curve, and the compile-time points on it.
    std::vector<point> line;
    for (std::size_t i = 0; i < N; ++i) line.push_back(at(static_cast<double>(i * curve_every), curve[i]));
    svg.polyline(line, "#1f6fb4", 2);
    const auto& logged = xg::trained.loss_history;
    for (std::size_t i = 0; i < logged.size(); ++i) {
        const point p = at(static_cast<double>(i * xg::recipe.log_every), logged[i]);
        svg.circle(p, 5, "#f28e2b", "stroke=\"#7a3d00\" stroke-width=\"1\"");
        svg.text({p.x + 8, p.y - 8}, fixed(logged[i], 4), 11, "start", "fill=\"#7a3d00\"");
    }

    // Legend.
    const double lx = right - 300, ly = top + 18;
    svg.rect(lx - 10, ly - 16, 305, 50, "white", "stroke=\"#bbbbbb\" stroke-width=\"1\"");
    svg.line({lx, ly - 4}, {lx + 28, ly - 4}, "#1f6fb4", 2);
    svg.text({lx + 36, ly}, "ctnn::train at run time, every 10 epochs", 12);
    svg.circle({lx + 14, ly + 20}, 5, "#f28e2b", "stroke=\"#7a3d00\" stroke-width=\"1\"");
    svg.text({lx + 36, ly + 24}, "trained.loss_history (compile time)", 12);
    svg.save(path);
}

// --- xor_decision.svg ---

// The segments of the `level` contour of values sampled on an (n+1) x (n+1) grid of
// corners, by marching squares, in [0, 1]^2 coordinates; a saddle cell is split the way
// its centre value says.
template <class F>
std::vector<std::pair<point, point>> contour(const std::vector<double>& v, std::size_t n, double level, F centre) {
    const auto corner = [&](std::size_t i, std::size_t j) { return v[j * (n + 1) + i]; };  // i: x, j: y
    const double h = 1.0 / static_cast<double>(n);
    std::vector<std::pair<point, point>> out;
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = 0; i < n; ++i) {
            const double x0 = static_cast<double>(i) * h, y0 = static_cast<double>(j) * h;
            // Corners counter-clockwise from (x0, y0); edge k runs from corner k to k+1.
            const double c[4] = {corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)};
            const point p[4] = {{x0, y0}, {x0 + h, y0}, {x0 + h, y0 + h}, {x0, y0 + h}};
            std::vector<point> cuts;  // where the level crosses each edge, in edge order
            std::vector<int> cut_edges;
            for (int k = 0; k < 4; ++k) {
                const double a = c[k] - level, b = c[(k + 1) % 4] - level;
                if ((a < 0) != (b < 0)) {
                    const double t = a / (a - b);
                    const point& pa = p[k];
                    const point& pb = p[(k + 1) % 4];
                    cuts.push_back({pa.x + (pb.x - pa.x) * t, pa.y + (pb.y - pa.y) * t});
                    cut_edges.push_back(k);
                }
            }
            if (cuts.size() == 2) {
                out.push_back({cuts[0], cuts[1]});
            } else if (cuts.size() == 4) {
                // Corners 0 and 2 are on one side, 1 and 3 on the other. If the centre is on
                // corner 0's side, 0 and 2 connect through the middle: cut edges 0-1 and 2-3.
                const bool zero_side = (centre(x0 + h / 2, y0 + h / 2) < level) == (c[0] < level);
                if (zero_side) {
                    out.push_back({cuts[0], cuts[1]});
                    out.push_back({cuts[2], cuts[3]});
                } else {
                    out.push_back({cuts[3], cuts[0]});
                    out.push_back({cuts[1], cuts[2]});
                }
            }
        }
    return out;
}

void decision_picture(const std::string& path) {
    const auto& net = xg::trained.network;
    const auto output = [&](double x1, double x2) { return net.predict(ctnn::matrix<1, 2>{{x1, x2}})(0, 0); };
    constexpr std::size_t n = 50;  // cells per side
    const double width = 640, height = 560;
    const double left = 80, top = 70, side = 400;  // the plot area, a square
    const auto at = [&](double x1, double x2) { return point{left + side * x1, top + side * (1.0 - x2)}; };

    document svg(width, height);
    svg.rect(0, 0, width, height, "white");
    svg.text({width / 2, 28}, "XOR, 2-4-1 sigmoid network trained by the compiler", 18, "middle",
             "font-weight=\"bold\"");
    svg.text({width / 2, 50}, "network output over [0, 1]², 50 × 50 cells, with its 0.5 contour", 12, "middle",
             "fill=\"#444444\"");

    // The cells, coloured by the output at their centres.
    svg.raw("<g shape-rendering=\"crispEdges\">");
    const double h = 1.0 / static_cast<double>(n);
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = 0; i < n; ++i) {
            const double x1 = (static_cast<double>(i) + 0.5) * h, x2 = (static_cast<double>(j) + 0.5) * h;
            const point corner = at(static_cast<double>(i) * h, static_cast<double>(j + 1) * h);
            svg.rect(corner.x, corner.y, side * h, side * h, output_colour(output(x1, x2)).hex());
        }
    svg.raw("</g>");

    // The 0.5 contour, from the outputs at the cells' corners.
    std::vector<double> corners;
    for (std::size_t j = 0; j <= n; ++j)
        for (std::size_t i = 0; i <= n; ++i)
            corners.push_back(output(static_cast<double>(i) * h, static_cast<double>(j) * h));
    auto segs = contour(corners, n, 0.5, output);
    for (auto& [a, b] : segs) {
        a = at(a.x, a.y);
        b = at(b.x, b.y);
    }
    svg.segments(segs, "black", 2);

    // Axes.
    svg.rect(left, top, side, side, "none", "stroke=\"#333333\" stroke-width=\"1\"");
    for (int k = 0; k <= 5; ++k) {
        const double t = 0.2 * k;
        svg.line(at(t, 0), {at(t, 0).x, top + side + 5}, "#333333", 1);
        svg.text({at(t, 0).x, top + side + 24}, fixed(t, 1), 12, "middle");
        svg.line({left - 5, at(0, t).y}, at(0, t), "#333333", 1);
        svg.text({left - 13, at(0, t).y + 4}, fixed(t, 1), 12, "end");
    }
    svg.text({left + side / 2, top + side + 48}, "first input x₁", 14, "middle");
    const point ylabel{30, top + side / 2};
    svg.text(ylabel, "second input x₂", 14, "middle",
             cat("transform=\"rotate(-90 ", num(ylabel.x), " ", num(ylabel.y), ")\""));

    // The training points, coloured by their targets, labelled with the predictions.
    for (std::size_t s = 0; s < xg::data.samples; ++s) {
        const double x1 = xg::data.x(s, 0), x2 = xg::data.x(s, 1), target = xg::data.y(s, 0);
        const point p = at(x1, x2);
        svg.circle(p, 7, output_colour(target).hex(), "stroke=\"black\" stroke-width=\"2\"");
        const std::string label = cat("XOR(", fixed(x1, 0), ", ", fixed(x2, 0), ") = ", fixed(target, 0), ", net ",
                                      fixed(xg::predictions(s, 0), 3));
        svg.text({p.x + (x1 < 0.5 ? 14 : -14), p.y + (x2 < 0.5 ? -12 : 22)}, label, 12, x1 < 0.5 ? "start" : "end",
                 "font-weight=\"bold\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"");
    }

    // Colour bar.
    const double bx = left + side + 40, bw = 20;
    svg.raw("<g shape-rendering=\"crispEdges\">");
    for (std::size_t k = 0; k < 100; ++k) {
        const double t = (static_cast<double>(k) + 0.5) / 100.0;
        svg.rect(bx, top + side * (1.0 - static_cast<double>(k + 1) / 100.0), bw, side / 100.0, output_colour(t).hex());
    }
    svg.raw("</g>");
    svg.rect(bx, top, bw, side, "none", "stroke=\"#333333\" stroke-width=\"1\"");
    for (int k = 0; k <= 4; ++k) {
        const double t = 0.25 * k, y = top + side * (1.0 - t);
        svg.line({bx + bw, y}, {bx + bw + 5, y}, k == 2 ? "black" : "#333333", k == 2 ? 2 : 1);
        svg.text({bx + bw + 9, y + 4}, fixed(t, 2), 12);
    }
    const point blabel{bx + bw + 58, top + side / 2};
    svg.text(blabel, "network output (0.5: black line)", 13, "middle",
             cat("transform=\"rotate(-90 ", num(blabel.x), " ", num(blabel.y), ")\""));
    svg.save(path);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2) {
        std::fprintf(stderr, "usage: %s [output-directory]\n", argv[0]);
        return 2;
    }
    const std::string dir = argc == 2 ? argv[1] : "docs";

    // The seed's training again, at run time, logging every 10 epochs. The learning rate
    // is read through a volatile so that the optimiser cannot run the training while
    // compiling this call (see examples/xor.cpp).
    volatile double learning_rate = xg::recipe.optimizer.learning_rate;
    const ctnn::recipe recipe{xg::recipe.loss, ctnn::gradient_descent{learning_rate}, ctnn::epochs<xg::recipe.epochs>,
                              ctnn::log_every<curve_every>};
    const auto run = ctnn::train(xg::initial, xg::data, recipe);

    bool same = run.network == xg::trained.network;
    constexpr std::size_t stride = xg::recipe.log_every / curve_every;
    for (std::size_t i = 0; i < xg::trained.loss_history.size(); ++i)
        same = same && run.loss_history[i * stride] == xg::trained.loss_history[i];
    if (!same) {
        std::fprintf(stderr, "ctnn-xor-pictures: the run-time training differs from the compile-time one\n");
        return 1;
    }

    try {
        loss_picture(run.loss_history, dir + "/xor_loss.svg");
        decision_picture(dir + "/xor_decision.svg");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ctnn-xor-pictures: %s\n", e.what());
        return 1;
    }
    std::printf("wrote %s/xor_loss.svg and %s/xor_decision.svg\n", dir.c_str(), dir.c_str());
}
