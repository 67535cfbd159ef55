#pragma once
// Just enough SVG for ctnn's pictures (examples/xor_pictures.cpp): a document of shapes
// and text, written with fixed-precision coordinates so that the same pictures come out
// byte for byte on every run and with every compiler. No plotting library.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ctnn_examples::svg {

// Concatenation by appending. (GCC 12's -Wrestrict misfires on `"literal" + std::string`
// at -O2 and above, PR 105329.)
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string s;
    (s += ... += parts);
    return s;
}

// A coordinate or length with at most two decimals, trailing zeros dropped: "12.5", "3".
inline std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

struct rgb {
    double r, g, b;  // 0..1
    std::string hex() const {
        const auto byte = [](double c) { return static_cast<int>(std::clamp(c, 0.0, 1.0) * 255.0 + 0.5); };
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
        return buf;
    }
};

// Piecewise-linear colour map through `stops`, evenly spaced over [0, 1].
inline rgb colormap(const std::vector<rgb>& stops, double t) {
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(stops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    const double f = t - static_cast<double>(i);
    const rgb& a = stops[i];
    const rgb& b = stops[i + 1];
    return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

// Text for an SVG element or attribute.
inline std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

struct point {
    double x, y;
};

class document {
public:
    document(double width, double height) : width_(width), height_(height) {}

    // Any element, as written: for what the helpers below do not cover.
    void raw(std::string_view element) { body_ += cat("  ", element, "\n"); }

    void rect(double x, double y, double w, double h, std::string_view fill, std::string_view extra = {}) {
        raw(cat("<rect x=\"", num(x), "\" y=\"", num(y), "\" width=\"", num(w), "\" height=\"", num(h), "\" fill=\"",
                fill, "\"", attrs(extra), "/>"));
    }
    void line(point a, point b, std::string_view stroke, double width, std::string_view extra = {}) {
        raw(cat("<line x1=\"", num(a.x), "\" y1=\"", num(a.y), "\" x2=\"", num(b.x), "\" y2=\"", num(b.y),
                "\" stroke=\"", stroke, "\" stroke-width=\"", num(width), "\"", attrs(extra), "/>"));
    }
    void polyline(const std::vector<point>& points, std::string_view stroke, double width,
                  std::string_view extra = {}) {
        std::string p;
        for (const auto& q : points) p += cat(p.empty() ? "" : " ", num(q.x), ",", num(q.y));
        raw(cat("<polyline points=\"", p, "\" fill=\"none\" stroke=\"", stroke, "\" stroke-width=\"", num(width),
                "\" stroke-linejoin=\"round\"", attrs(extra), "/>"));
    }
    // Separate segments as one path.
    void segments(const std::vector<std::pair<point, point>>& segs, std::string_view stroke, double width,
                  std::string_view extra = {}) {
        std::string d;
        for (const auto& [a, b] : segs)
            d += cat(d.empty() ? "M" : " M", num(a.x), " ", num(a.y), " L", num(b.x), " ", num(b.y));
        raw(cat("<path d=\"", d, "\" fill=\"none\" stroke=\"", stroke, "\" stroke-width=\"", num(width),
                "\" stroke-linecap=\"round\"", attrs(extra), "/>"));
    }
    void circle(point c, double r, std::string_view fill, std::string_view extra = {}) {
        raw(cat("<circle cx=\"", num(c.x), "\" cy=\"", num(c.y), "\" r=\"", num(r), "\" fill=\"", fill, "\"",
                attrs(extra), "/>"));
    }
    // anchor: start, middle or end; extra e.g. "transform=\"rotate(-90 x y)\"".
    void text(point at, std::string_view s, double size, std::string_view anchor = "start",
              std::string_view extra = {}) {
        raw(cat("<text x=\"", num(at.x), "\" y=\"", num(at.y), "\" font-size=\"", num(size), "\" text-anchor=\"",
                anchor, "\"", attrs(extra), ">", escape(s), "</text>"));
    }

    std::string str() const {
        return cat("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"", num(width_), "\" height=\"", num(height_),
                   "\" viewBox=\"0 0 ", num(width_), " ", num(height_),
                   "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n", body_, "</svg>\n");
    }

    void save(const std::string& path) const {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << str();
        if (!out.flush()) throw std::runtime_error(cat("cannot write ", path));
    }

private:
    static std::string attrs(std::string_view extra) { return extra.empty() ? std::string() : cat(" ", extra); }

    double width_;
    double height_;
    std::string body_;
};

}  // namespace ctnn_examples::svg
