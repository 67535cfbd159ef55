// Every loss's gradient and every activation's derivative against central finite
// differences of the function itself, at run time.
#include <cmath>
#include <cstddef>

#include <catch2/catch.hpp>
#include <ctnn/ctnn.hpp>

namespace {

// Central difference of f at x: error O(h^2) from truncation, O(eps/h) from rounding.
template <class F>
double numeric_derivative(F f, double x, double h = 1e-6) {
    return (f(x + h) - f(x - h)) / (2 * h);
}

// Prediction-target pairs away from 0 and 1, where every loss is smooth.
constexpr ctnn::matrix<2, 3> y_hat{{0.2, 0.7, 0.1, 0.45, 0.35, 0.2}};
constexpr ctnn::matrix<2, 3> y{{0.0, 1.0, 0.0, 1.0, 0.0, 0.0}};

// Checks loss L's gradient, times `scale`, against the finite difference of L::value.
template <class L>
void check_loss_gradient(double scale) {
    ctnn::matrix<2, 3> grad{};
    L::gradient(y_hat, y, grad);
    for (std::size_t i = 0; i < 6; ++i) {
        const double numeric = numeric_derivative(
            [i](double v) {
                auto p = y_hat;
                p.data[i] = v;
                return L::value(p, y);
            },
            y_hat.data[i]);
        INFO("element " << i);
        REQUIRE(grad.data[i] * scale == Approx(numeric).epsilon(1e-6).margin(1e-9));
    }
}

}  // namespace

TEST_CASE("loss gradients match finite differences", "[gradients]") {
    // The seed's convention drops the 2/N of the mean: its gradient times 2/N is exact.
    check_loss_gradient<ctnn::mse_seed>(2.0 / 6.0);
    check_loss_gradient<ctnn::mse>(1.0);
    check_loss_gradient<ctnn::binary_cross_entropy>(1.0);
    check_loss_gradient<ctnn::categorical_cross_entropy>(1.0);
}

TEMPLATE_TEST_CASE("activation derivatives match finite differences", "[gradients]", ctnn::sigmoid, ctnn::tanh,
                   ctnn::relu, ctnn::leaky_relu<>, ctnn::identity) {
    for (double z : {-3.0, -0.7, -0.01, 0.02, 0.5, 2.5}) {
        INFO("z = " << z);
        const double a = TestType::apply(z);
        REQUIRE(TestType::derivative_from_output(a) ==
                Approx(numeric_derivative([](double v) { return TestType::apply(v); }, z)).epsilon(1e-6));
    }
}

TEST_CASE("activations against the C library", "[activations]") {
    for (double z = -20.0; z <= 20.0; z += 0.37) {
        INFO("z = " << z);
        REQUIRE(ctnn::sigmoid::apply(z) == Approx(1.0 / (1.0 + std::exp(-z))).epsilon(1e-15));
        REQUIRE(ctnn::tanh::apply(z) == Approx(std::tanh(z)).epsilon(1e-13).margin(1e-300));
    }
}

TEST_CASE("softmax rows are probabilities and its backprop is the Jacobian's", "[gradients]") {
    const double z[3] = {0.3, -1.2, 2.0};
    double a[3] = {z[0], z[1], z[2]};
    ctnn::softmax::apply_row(a, 3);
    REQUIRE(a[0] + a[1] + a[2] == Approx(1.0).epsilon(1e-15));
    const double dL_da[3] = {0.5, -1.0, 0.25};
    double delta[3] = {};
    ctnn::softmax::backprop_row(a, dL_da, delta, 3);
    // delta_i = sum_j dL/da_j da_j/dz_i, with da_j/dz_i by finite differences.
    for (std::size_t i = 0; i < 3; ++i) {
        double numeric = 0.0;
        for (std::size_t j = 0; j < 3; ++j)
            numeric += dL_da[j] * numeric_derivative(
                                      [&](double v) {
                                          double r[3] = {z[0], z[1], z[2]};
                                          r[i] = v;
                                          ctnn::softmax::apply_row(r, 3);
                                          return r[j];
                                      },
                                      z[i]);
        INFO("i = " << i);
        REQUIRE(delta[i] == Approx(numeric).epsilon(1e-6));
    }
}
