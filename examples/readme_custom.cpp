// The README's "your own network" example, verbatim, plus a main that runs it: built
// and run by the tests so the README cannot drift from the API.
#include <ctnn/ctnn.hpp>
using namespace ctnn;

// The diagram: 2 inputs -> 8 tanh units -> 3-way softmax.
using net = network<dense<2, 8, tanh>, dense<8, 3, softmax>>;

constexpr dataset<6, 2, 3> data{{{0, 0, 0.1, 0.2, 1, 1, 0.9, 1.1, 0, 1, 0.1, 0.9}},   // inputs, one row each
                                {{1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1}}};  // one-hot targets
constexpr recipe how{categorical_cross_entropy{}, adam{.learning_rate = 0.05},
                     epochs<200>, log_every<50>, batch_size<2>};

constexpr auto result = train(initialize<net>(xavier_normal{.seed = 3}), data, how);  // by the compiler
static_assert(result.loss_history.back() < 0.01);
static_assert(result.network.predict(matrix<1, 2>{{0.95, 1.0}})(0, 1) > 0.9);        // a query

auto at_run_time() { return train(initialize<net>(xavier_normal{.seed = 3}), data, how); }  // same bits

int main() {
    const auto run_time = at_run_time();
    return run_time.network == result.network && run_time.loss_history == result.loss_history ? 0 : 1;
}
