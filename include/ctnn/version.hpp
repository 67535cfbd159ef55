#pragma once
// ctnn's version, as macros so that C code and the preprocessor can read it too.
//
// It must agree with project(ctnn VERSION ...) in CMakeLists.txt: configuring ctnn fails
// when the two differ (cmake/ctnn-install.cmake), and tests/static/version_static.cpp
// checks it again against the version CMake passes to the compiler.
#define CTNN_VERSION_MAJOR 0
#define CTNN_VERSION_MINOR 1
#define CTNN_VERSION_PATCH 0
#define CTNN_VERSION_STRING "0.1.0"
// One number that orders releases: major * 10000 + minor * 100 + patch.
#define CTNN_VERSION (CTNN_VERSION_MAJOR * 10000 + CTNN_VERSION_MINOR * 100 + CTNN_VERSION_PATCH)
