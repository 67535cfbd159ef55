/* The XOR snapshot read from C: the plain arrays ctnn-snapshot-xor writes for C
 * (xor_snapshot_layer<i>_W / _b and their size macros), used for a forward pass with the
 * C library's exp. Checks the sizes, the seed's printed weights (to 8 decimals), and that
 * the network computes the seed's predictions; prints the four predictions. Compiled as C99. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <xor_snapshot.hpp>

#if XOR_SNAPSHOT_LAYERS != 2 || XOR_SNAPSHOT_INPUTS != 2 || XOR_SNAPSHOT_OUTPUTS != 1 || \
    XOR_SNAPSHOT_LAYER0_INPUTS != 2 || XOR_SNAPSHOT_LAYER0_OUTPUTS != 4 || XOR_SNAPSHOT_LAYER1_INPUTS != 4 || \
    XOR_SNAPSHOT_LAYER1_OUTPUTS != 1
#error "the XOR snapshot does not have the seed's 2-4-1 shape"
#endif

enum { IN = XOR_SNAPSHOT_LAYER0_INPUTS, HIDDEN = XOR_SNAPSHOT_LAYER0_OUTPUTS };

static int failures = 0;

static void check(int ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "FAILED: %s\n", what);
        ++failures;
    }
}

static double sigmoid(double z) { return 1.0 / (1.0 + exp(-z)); }

/* y = sigmoid(sigmoid(x W1 + b1) W2 + b2), W row-major with the input index as the row. */
static double predict(const double x[IN]) {
    double h[HIDDEN];
    double z;
    int i, k;
    for (i = 0; i < HIDDEN; ++i) {
        z = xor_snapshot_layer0_b[i];
        for (k = 0; k < IN; ++k) z += x[k] * xor_snapshot_layer0_W[k * HIDDEN + i];
        h[i] = sigmoid(z);
    }
    z = xor_snapshot_layer1_b[0];
    for (k = 0; k < HIDDEN; ++k) z += h[k] * xor_snapshot_layer1_W[k];
    return sigmoid(z);
}

int main(void) {
    /* What the seed printed for W1, W2, b1, b2 (8 decimals). */
    static const double W1[8] = {5.22722431,  0.98707488,  0.68186502, 6.01151874,
                                 -3.16613113, -3.99951104, 2.91152228, 5.80878724};
    static const double W2[4] = {-6.57254498, 4.63984181, -3.9456002, 8.04506769};
    static const double b1[4] = {1.24785544, 0.50324162, -2.14896976, -2.053226};
    static const double b2 = -1.53894177;
    static const double inputs[4][2] = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static const int xor_of[4] = {0, 1, 1, 0};
    static const double seed_predictions[4] = {0.0372988, 0.94914558, 0.94481534, 0.06424562};
    int i;

    check(sizeof xor_snapshot_layer0_W == 8 * sizeof(double), "layer 0 W has 2 x 4 doubles");
    check(sizeof xor_snapshot_layer1_b == 1 * sizeof(double), "layer 1 b has 1 double");
    check(strcmp(XOR_SNAPSHOT_LAYER0_TYPE, "ctnn::dense<2, 4, ctnn::sigmoid>") == 0, "layer 0 is a sigmoid layer");
    check(strcmp(XOR_SNAPSHOT_LAYER1_TYPE, "ctnn::dense<4, 1, ctnn::sigmoid>") == 0, "layer 1 is a sigmoid layer");
    for (i = 0; i < 8; ++i) check(fabs(xor_snapshot_layer0_W[i] - W1[i]) <= 0.5e-8, "W1 is the seed's");
    for (i = 0; i < 4; ++i) check(fabs(xor_snapshot_layer1_W[i] - W2[i]) <= 0.5e-8, "W2 is the seed's");
    for (i = 0; i < 4; ++i) check(fabs(xor_snapshot_layer0_b[i] - b1[i]) <= 0.5e-8, "b1 is the seed's");
    check(fabs(xor_snapshot_layer1_b[0] - b2) <= 0.5e-8, "b2 is the seed's");

    for (i = 0; i < 4; ++i) {
        const double p = predict(inputs[i]);
        printf("XOR(%g, %g) = %.8f\n", inputs[i][0], inputs[i][1], p);
        check((p > 0.5) == xor_of[i], "the prediction is XOR");
        check(fabs(p - seed_predictions[i]) <= 0.5e-8, "the prediction is the seed's");
    }
    return failures == 0 ? 0 : 1;
}
