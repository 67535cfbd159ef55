// include/ctnn/version.hpp agrees with project(ctnn VERSION ...): CMake passes its version
// as CTNN_EXPECTED_VERSION_{MAJOR,MINOR,PATCH,STRING} (tests/snapshot/CMakeLists.txt).
// (Configuring already fails on a mismatch, cmake/ctnn-install.cmake; this checks what the
// compiler sees.)
#include <string_view>

#include <ctnn/version.hpp>

static_assert(CTNN_VERSION_MAJOR == CTNN_EXPECTED_VERSION_MAJOR, "version.hpp: major version is not project()'s");
static_assert(CTNN_VERSION_MINOR == CTNN_EXPECTED_VERSION_MINOR, "version.hpp: minor version is not project()'s");
static_assert(CTNN_VERSION_PATCH == CTNN_EXPECTED_VERSION_PATCH, "version.hpp: patch version is not project()'s");
static_assert(std::string_view(CTNN_VERSION_STRING) == CTNN_EXPECTED_VERSION_STRING,
              "version.hpp: CTNN_VERSION_STRING is not project()'s version");
static_assert(CTNN_VERSION ==
              CTNN_EXPECTED_VERSION_MAJOR * 10000 + CTNN_EXPECTED_VERSION_MINOR * 100 + CTNN_EXPECTED_VERSION_PATCH);
