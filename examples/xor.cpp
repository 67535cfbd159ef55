// ctnn-xor: the seed's report, printed from the network the compiler trained while
// building this program. With --runtime it trains the same network at run time instead,
// with the same code, and says how long that took.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <ctnn/models/xor.hpp>

#include "numpy_format.hpp"

namespace {

namespace xg = ctnn::models::xor_gate;

template <class Trained>
void report(const Trained& t) {
    for (std::size_t i = 0; i < t.loss_history.size(); ++i)
        std::printf("Epoch %zu, Loss: %.4f\n", i * xg::recipe.log_every, t.loss_history[i]);
    std::fflush(stdout);
    const auto& hidden = t.network.template layer<0>();
    const auto& output = t.network.template layer<1>();
    ctnn_examples::print_numpy(std::cout, hidden.W);
    ctnn_examples::print_numpy(std::cout, output.W);
    ctnn_examples::print_numpy(std::cout, hidden.b);
    ctnn_examples::print_numpy(std::cout, output.b);

    const auto predictions = t.network.predict(xg::data.x);
    std::cout << "\nFinal predictions:\n";
    ctnn_examples::print_numpy(std::cout, predictions);

    int binary[predictions.size];
    for (std::size_t i = 0; i < predictions.size; ++i) binary[i] = predictions.data[i] > 0.5 ? 1 : 0;
    std::cout << "\nBinary output:\n";
    ctnn_examples::print_numpy_ints<predictions.rows, predictions.cols>(std::cout, binary);
}

}  // namespace

int main(int argc, char** argv) {
    const bool at_run_time = argc > 1 && std::strcmp(argv[1], "--runtime") == 0;
    if (argc > 2 || (argc == 2 && !at_run_time)) {
        std::fprintf(stderr, "usage: %s [--runtime]\n", argv[0]);
        return 2;
    }
    if (!at_run_time) {
        report(xg::trained);  // trained by the compiler: nothing is computed here but printing
        return 0;
    }
    // The learning rate is read through a volatile: were every argument a constant, the
    // optimiser could evaluate the whole training while compiling this call.
    volatile double learning_rate = xg::recipe.optimizer.learning_rate;
    const ctnn::recipe recipe{xg::recipe.loss, ctnn::gradient_descent{learning_rate},
                              ctnn::epochs<xg::recipe.epochs>, ctnn::log_every<xg::recipe.log_every>};
    const auto start = std::chrono::steady_clock::now();
    const auto trained = ctnn::train(xg::initial, xg::data, recipe);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    report(trained);
    std::cout << "\nTrained at run time in " << took.count() << " ms\n";
}
