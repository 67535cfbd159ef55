#include <bad_data.hpp>

int main() { return bad_data::train.x.data[0] > 0 ? 0 : 1; }
