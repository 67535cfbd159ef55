#include <ctnn/ctnn.hpp>
#include <flowers.hpp>  // from iris.csv, by ctnn_add_dataset()
using net = ctnn::network<ctnn::dense<flowers::inputs, 8, ctnn::relu>, ctnn::dense<8, flowers::outputs, ctnn::softmax>>;
constexpr ctnn::recipe recipe{ctnn::categorical_cross_entropy{}, ctnn::adam{.learning_rate = 0.03}, ctnn::epochs<20>, ctnn::log_every<20>, ctnn::batch_size<12>};
constexpr auto trained = ctnn::train(ctnn::initialize<net>(ctnn::he_normal{.seed = 0}), flowers::train, recipe);
int main() { static_assert(ctnn::accuracy(trained.network.predict(flowers::test.x), flowers::test_labels) >= 0.9); }
