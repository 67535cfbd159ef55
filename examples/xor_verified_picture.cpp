// ctnn-xor-verified-picture: what ctnn proves about the seed's XOR network over [0, 1]^2,
// drawn with examples/svg.hpp:
//
//   <dir>/xor_verified.svg  [0, 1]^2 split into squares (a quadtree, down to 1/128 of a
//                           side) shaded where certified bounds PROVE the output > 0.5
//                           (red) or < 0.5 (blue) on the whole square; white where no
//                           square of that size could be decided; the network's 0.5
//                           contour; at each corner the largest square of [0, 1]^2
//                           proved to give the corner's answer.
//
//   ctnn-xor-verified-picture [dir]     (default: docs; the directory must exist)
//
// It also prints the figures docs/verification.md quotes: the proved area, the squares
// at the corners and the certified radii, and how much splitting tightens the bounds of
// the output over [0, 1]^2 compared with one interval pass.
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <ctnn/models/xor_verified.hpp>
#include <ctnn/verification.hpp>

#include "svg.hpp"

namespace {

namespace xg = ctnn::models::xor_gate;
namespace xv = ctnn::models::xor_gate::verified;
namespace v = ctnn::verification;
using ctnn_examples::svg::cat;
using ctnn_examples::svg::document;
using ctnn_examples::svg::num;
using ctnn_examples::svg::point;

constexpr int max_depth = 7;  // smallest squares: 1/128 of a side

std::string fixed(double x, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

struct cell {
    v::box<2> square;
    int answer;  // 1: proved > 0.5, 0: proved < 0.5, -1: undecided at the smallest size
};

// The quadtree: a square is kept whole when its bounds decide it, else split in four.
void decide(const v::box<2>& square, int depth, std::vector<cell>& out) {
    // (The interval is built from its ends: Clang 19's new constant interpreter crashes
    // on copying a struct element of an array in a const local, which it tries to do as a
    // constant when compiling the initializer.)
    const v::box<1> bounds = v::output_bounds(xg::trained.network, square);
    const v::interval y{bounds[0].lo, bounds[0].hi};
    if (y.lo > 0.5 || y.hi < 0.5 || depth == max_depth) {
        out.push_back({square, y.lo > 0.5 ? 1 : y.hi < 0.5 ? 0 : -1});
        return;
    }
    const double mx = square[0].middle(), my = square[1].middle();
    for (int q = 0; q < 4; ++q) {
        const v::interval ix = q & 1 ? v::interval{mx, square[0].hi} : v::interval{square[0].lo, mx};
        const v::interval iy = q & 2 ? v::interval{my, square[1].hi} : v::interval{square[1].lo, my};
        decide(v::box<2>{{ix, iy}}, depth + 1, out);
    }
}

// The 0.5 contour of the output sampled on an (n+1)^2 grid (marching squares; a saddle
// cell is split along its first two crossings, which at this resolution does not occur).
std::vector<std::pair<point, point>> contour(std::size_t n) {
    const auto output = [](double x1, double x2) {
        return xg::trained.network.predict(ctnn::matrix<1, 2>{{x1, x2}})(0, 0) - 0.5;
    };
    const double h = 1.0 / static_cast<double>(n);
    std::vector<std::pair<point, point>> segments;
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = 0; i < n; ++i) {
            const double x0 = static_cast<double>(i) * h, y0 = static_cast<double>(j) * h;
            const point p[4] = {{x0, y0}, {x0 + h, y0}, {x0 + h, y0 + h}, {x0, y0 + h}};
            double c[4];
            for (int k = 0; k < 4; ++k) c[k] = output(p[k].x, p[k].y);
            std::vector<point> cuts;
            for (int k = 0; k < 4; ++k) {
                const double a = c[k], b = c[(k + 1) % 4];
                if ((a < 0) != (b < 0)) {
                    const double t = a / (a - b);
                    cuts.push_back({p[k].x + (p[(k + 1) % 4].x - p[k].x) * t, p[k].y + (p[(k + 1) % 4].y - p[k].y) * t});
                }
            }
            if (cuts.size() >= 2) segments.push_back({cuts[0], cuts[1]});
        }
    return segments;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2) {
        std::fprintf(stderr, "usage: %s [output-directory]\n", argv[0]);
        return 2;
    }
    const std::string dir = argc == 2 ? argv[1] : "docs";

    std::vector<cell> cells;
    decide(xv::unit_square, 0, cells);
    double area[2] = {0, 0};
    std::size_t decided = 0;
    for (const auto& c : cells)
        if (c.answer >= 0) {
            area[c.answer] += c.square[0].width() * c.square[1].width();
            ++decided;
        }

    // The largest squares of [0, 1]^2 at the corners, and the radii of the balls around
    // them (the latter also proved by the compiler in models/xor_verified.hpp).
    struct corner_result {
        double x1, x2;
        bool one;
        v::certified_radius_result<2> square, ball;
    };
    std::vector<corner_result> corners;
    for (const auto& [x1, x2] : {std::pair{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}}) {
        const ctnn::matrix<1, 2> x{{x1, x2}};
        const bool one = x1 != x2;
        corners.push_back({x1, x2, one,
                           one ? v::certified_radius(xg::trained.network, x, xv::gives_1, xv::unit_square)
                               : v::certified_radius(xg::trained.network, x, xv::gives_0, xv::unit_square),
                           one ? v::certified_radius(xg::trained.network, x, xv::gives_1)
                               : v::certified_radius(xg::trained.network, x, xv::gives_0)});
    }

    // One interval pass over [0, 1]^2, against the union of the bounds of 4^d squares,
    // and the range the network really takes on a fine grid (inside both).
    const v::box<1> whole = v::output_bounds(xg::trained.network, xv::unit_square);
    const v::interval one_pass{whole[0].lo, whole[0].hi};
    std::printf("output over [0,1]^2, one interval pass: [%.6f, %.6f]\n", one_pass.lo, one_pass.hi);
    for (int d = 1; d <= 8; ++d) {
        const std::size_t k = std::size_t{1} << d;
        double lo = 1, hi = 0;
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j) {
                const double a = static_cast<double>(i) / static_cast<double>(k);
                const double b = static_cast<double>(j) / static_cast<double>(k);
                const double s = 1.0 / static_cast<double>(k);
                const v::box<1> piece = v::output_bounds(xg::trained.network, v::box<2>{{{a, a + s}, {b, b + s}}});
                const v::interval y{piece[0].lo, piece[0].hi};
                lo = std::min(lo, y.lo);
                hi = std::max(hi, y.hi);
            }
        std::printf("  split into %zu x %zu squares: [%.6f, %.6f]\n", k, k, lo, hi);
    }
    double lo = 1, hi = 0;
    for (int i = 0; i <= 1000; ++i)
        for (int j = 0; j <= 1000; ++j) {
            const double y = xg::trained.network.predict(ctnn::matrix<1, 2>{{i / 1000.0, j / 1000.0}})(0, 0);
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
    std::printf("  network on a 1001 x 1001 grid: [%.6f, %.6f]\n", lo, hi);
    std::printf("quadtree to 1/%d: %zu squares, %zu decided; proved > 0.5 on %.4f of the area, < 0.5 on %.4f\n",
                1 << max_depth, cells.size(), decided, area[1], area[0]);
    for (const auto& c : corners)
        std::printf("corner (%g, %g): certified radius %.6f (%zu proofs, %zu boxes; next step %s), "
                    "largest square in [0,1]^2 of side %.6f (%zu boxes; next step %s)\n",
                    c.x1, c.x2, c.ball.radius, c.ball.proofs, c.ball.boxes,
                    c.ball.beyond == v::verdict::disproved ? "disproved" : "undecided", c.square.radius,
                    c.square.boxes, c.square.beyond == v::verdict::disproved ? "disproved" : "undecided");

    // --- the picture ---
    const double width = 640, height = 600;
    const double left = 80, top = 70, side = 400;
    const auto at = [&](double x1, double x2) { return point{left + side * x1, top + side * (1.0 - x2)}; };
    document svg(width, height);
    svg.rect(0, 0, width, height, "white");
    svg.text({width / 2, 28}, "XOR, 2-4-1 sigmoid network: what the compiler proves", 18, "middle",
             "font-weight=\"bold\"");
    svg.text({width / 2, 50},
             cat("squares where certified bounds prove the output > 0.5 or < 0.5 (down to 1/", std::to_string(1 << max_depth),
                 " of a side)"),
             12, "middle", "fill=\"#444444\"");
    svg.raw("<g shape-rendering=\"crispEdges\">");
    for (const auto& c : cells) {
        const point corner = at(c.square[0].lo, c.square[1].hi);
        const char* fill = c.answer == 1 ? "#e8a29c" : c.answer == 0 ? "#a5b9e8" : "white";
        svg.rect(corner.x, corner.y, side * c.square[0].width(), side * c.square[1].width(), fill,
                 "stroke=\"#ffffff\" stroke-width=\"0.5\"");
    }
    svg.raw("</g>");
    auto segs = contour(200);
    for (auto& [a, b] : segs) {
        a = at(a.x, a.y);
        b = at(b.x, b.y);
    }
    svg.segments(segs, "black", 2);
    for (const auto& c : corners) {
        const double s = c.square.radius;
        const point p0 = at(c.x1 == 0 ? 0 : 1 - s, c.x2 == 0 ? s : 1);
        svg.rect(p0.x, p0.y, side * s, side * s, "none",
                 cat("stroke=\"", c.one ? "#8b0000" : "#0b2a78", "\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\""));
        const point label = at(c.x1 == 0 ? 0.02 : 0.98, c.x2 == 0 ? 0.03 : 0.95);
        svg.text(label, cat(c.one ? "> 0.5" : "< 0.5", " on side ", fixed(s, 3)), 12,
                 c.x1 == 0 ? "start" : "end",
                 "font-weight=\"bold\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"");
    }
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
    // Legend.
    const double lx = left + side + 20, ly = top + 10;
    const std::pair<const char*, const char*> legend[] = {
        {"#e8a29c", "proved > 0.5"}, {"#a5b9e8", "proved < 0.5"}, {"white", "undecided"}};
    for (std::size_t i = 0; i < 3; ++i) {
        const double y = ly + 26.0 * static_cast<double>(i);
        svg.rect(lx, y, 16, 16, legend[i].first, "stroke=\"#333333\" stroke-width=\"1\"");
        svg.text({lx + 22, y + 13}, legend[i].second, 12);
    }
    svg.line({lx, ly + 90}, {lx + 16, ly + 90}, "black", 2);
    svg.text({lx + 22, ly + 94}, "output = 0.5", 12);
    svg.rect(lx, ly + 108, 16, 16, "none", "stroke=\"#333333\" stroke-width=\"2\" stroke-dasharray=\"4 2\"");
    svg.text({lx + 22, ly + 121}, "largest proved", 12);
    svg.text({lx + 22, ly + 137}, "square at a corner", 12);
    svg.text({left, top + side + 80},
             cat("proved > 0.5 on ", fixed(100 * area[1], 1), "% of the square, < 0.5 on ", fixed(100 * area[0], 1),
                 "%; sound for the network as ctnn computes it in floating point"),
             12, "start", "fill=\"#444444\"");
    try {
        svg.save(dir + "/xor_verified.svg");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ctnn-xor-verified-picture: %s\n", e.what());
        return 1;
    }
    std::printf("wrote %s/xor_verified.svg\n", dir.c_str());
}
