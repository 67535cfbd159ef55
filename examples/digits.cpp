// ctnn-digits: the handwritten-digit classifier that the compiler trained
// (include/ctnn/models/digits.hpp), on the 357 images it never saw in training.
//
//   ctnn-digits               prints the held-out accuracy and the confusion matrix
//   ctnn-digits --svg FILE    also draws the held-out images with the predicted digits,
//                             the misclassified ones framed in red (docs/digits_test.svg)
//
// Every number printed is a compile-time constant of the model header: the program does
// no training and no inference of its own. (tests/data/digits_output.txt is the same
// report written by numpy from its own training; a test compares the two.)
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <ctnn/models/digits.hpp>

#include "svg.hpp"

namespace {

namespace dg = ctnn::models::digits;
using ctnn_examples::svg::cat;
using ctnn_examples::svg::document;
using ctnn_examples::svg::point;

constexpr std::size_t classes = dg::data::outputs;
constexpr std::size_t held_out = dg::data::test_samples;

void print_report() {
    std::printf("Handwritten digits (scikit-learn's copy of UCI optdigits, 8 x 8 pixels), learned by the compiler\n");
    std::printf("A 64-10 softmax regression trained on %zu images; %zu held out.\n\n", dg::data::train_samples,
                held_out);
    std::printf("Held-out accuracy: %zu of %zu = %.2f %%\n\n", dg::test_correct, held_out,
                100.0 * static_cast<double>(dg::test_correct) / static_cast<double>(held_out));
    std::printf("Confusion matrix (row: true digit, column: predicted digit):\n");
    std::printf("     ");
    for (std::size_t p = 0; p < classes; ++p) std::printf("%5s", std::string(dg::data::classes[p]).c_str());
    std::printf("\n");
    for (std::size_t t = 0; t < classes; ++t) {
        std::printf("%5s", std::string(dg::data::classes[t]).c_str());
        for (std::size_t p = 0; p < classes; ++p) std::printf("%5zu", dg::test_confusion(t, p));
        std::printf("\n");
    }
}

// Held-out image i's pixels as they were in the file, 0 (white) to 16 (black): the
// header holds them standardised, and undoing that recovers the integers to well
// within rounding.
std::vector<int> raw_pixels(std::size_t i) {
    std::vector<int> out(dg::data::inputs);
    for (std::size_t k = 0; k < dg::data::inputs; ++k) {
        const double scaled = dg::data::test.x(i, k);
        out[k] = static_cast<int>(std::lround(scaled * dg::data::scaling.divisor[k] + dg::data::scaling.offset[k]));
    }
    return out;
}

// One image at (x, y), `cell` units per pixel, with its predicted digit below it; a
// misclassified one in a red frame, with the true digit too.
void draw_digit(document& svg, std::size_t i, double x, double y, double cell) {
    const std::vector<int> px = raw_pixels(i);
    const std::size_t predicted = dg::test_predictions[i];
    const std::size_t truth = dg::data::test_labels[i];
    const bool right = predicted == truth;
    const double side = 8 * cell;
    svg.raw("<g shape-rendering=\"crispEdges\">");
    for (std::size_t r = 0; r < 8; ++r)
        for (std::size_t c = 0; c < 8; ++c) {
            const int v = px[r * 8 + c];
            if (v <= 0) continue;
            const double grey = 1.0 - static_cast<double>(v > 16 ? 16 : v) / 16.0;
            svg.rect(x + static_cast<double>(c) * cell, y + static_cast<double>(r) * cell, cell, cell,
                     ctnn_examples::svg::rgb{grey, grey, grey}.hex());
        }
    svg.raw("</g>");
    if (right) {
        svg.rect(x, y, side, side, "none", "stroke=\"#bbbbbb\" stroke-width=\"1\"");
        svg.text({x + side / 2, y + side + 15}, std::string(dg::data::classes[predicted]), 13, "middle");
    } else {
        svg.rect(x - 1.5, y - 1.5, side + 3, side + 3, "none", "stroke=\"#d62728\" stroke-width=\"3\"");
        svg.text({x + side / 2, y + side + 15},
                 cat(std::string(dg::data::classes[predicted]), " (is ", std::string(dg::data::classes[truth]), ")"),
                 11, "middle", "fill=\"#d62728\" font-weight=\"bold\"");
    }
}

void picture(const std::string& path) {
    constexpr std::size_t columns = 20;
    constexpr std::size_t first_rows = 5;  // the first 100 held-out images
    const double cell = 4, pitch_x = 52, pitch_y = 56, left = 20, top = 70;
    std::vector<std::size_t> wrong;
    for (std::size_t i = 0; i < held_out; ++i)
        if (dg::test_predictions[i] != dg::data::test_labels[i]) wrong.push_back(i);
    const std::size_t wrong_rows = (wrong.size() + columns - 1) / columns;
    const double second_top = top + static_cast<double>(first_rows) * pitch_y + 40;
    const double width = left * 2 + static_cast<double>(columns) * pitch_x - (pitch_x - 8 * cell);
    const double height = second_top + static_cast<double>(wrong_rows) * pitch_y + 10;

    document svg(width, height);
    svg.rect(0, 0, width, height, "white");
    svg.text({width / 2, 26}, "Held-out handwritten digits, classified by a network the compiler trained", 17, "middle",
             "font-weight=\"bold\"");
    svg.text({width / 2, 46},
             cat("ctnn::models::digits: 64-10 softmax regression, ", std::to_string(dg::test_correct), " of ",
                 std::to_string(held_out), " right; the label is the predicted digit, red where it is wrong"),
             12, "middle", "fill=\"#444444\"");
    for (std::size_t k = 0; k < columns * first_rows && k < held_out; ++k)
        draw_digit(svg, k, left + static_cast<double>(k % columns) * pitch_x,
                   top + static_cast<double>(k / columns) * pitch_y, cell);
    svg.text({left, second_top - 14}, cat("Every misclassified held-out image (", std::to_string(wrong.size()), ")"),
             13, "start", "font-weight=\"bold\"");
    for (std::size_t k = 0; k < wrong.size(); ++k)
        draw_digit(svg, wrong[k], left + static_cast<double>(k % columns) * pitch_x,
                   second_top + static_cast<double>(k / columns) * pitch_y, cell);
    svg.save(path);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string svg_path;
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            if (arg == "--svg" && i + 1 < argc) {
                svg_path = argv[++i];
            } else {
                std::fprintf(stderr, "usage: ctnn-digits [--svg FILE]\n");
                return 2;
            }
        }
        print_report();
        if (!svg_path.empty()) picture(svg_path);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ctnn-digits: %s\n", e.what());
        return 1;
    }
}
