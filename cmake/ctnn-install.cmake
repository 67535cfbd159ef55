# Installing ctnn as a CMake package, and checking include/ctnn/version.hpp against
# project(VERSION). Included at the end of the top-level CMakeLists.txt.
#
#   cmake --install <build-dir> --prefix <prefix>
#
# puts the headers in <prefix>/include/ctnn/ and the package in <prefix>/share/cmake/ctnn/
# (ctnnConfig.cmake, ctnnConfigVersion.cmake, ctnnTargets.cmake, ctnn-snapshot.cmake,
# ctnn-dataset.cmake and the ctnn-dataset tool's sources), so
# that another project can write
#
#   find_package(ctnn 0.1 CONFIG REQUIRED)   # any 0.x >= 0.1 (SameMajorVersion)
#   target_link_libraries(app PRIVATE ctnn::ctnn)
#
# The installed ctnn::ctnn carries the INTERFACE compile options of the build it was
# installed from: -ffp-contract=off, the constant-evaluation limits, and Clang's
# -fexperimental-new-constant-interpreter if CTNN_NEW_CONSTANT_INTERPRETER was ON. The
# package also defines ctnn_add_snapshot() (cmake/ctnn-snapshot.cmake) and ctnn_add_dataset()
# (cmake/ctnn-dataset.cmake).
include_guard(GLOBAL)

# --- include/ctnn/version.hpp must say what project(ctnn VERSION ...) says ---
set(_ctnn_version_header "${ctnn_SOURCE_DIR}/include/ctnn/version.hpp")
set_property(DIRECTORY "${ctnn_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_ctnn_version_header}")
file(STRINGS "${_ctnn_version_header}" _ctnn_version_lines REGEX "^#define CTNN_VERSION_[A-Z]+ ")
set(_ctnn_header_version "")
foreach(_ctnn_part IN ITEMS MAJOR MINOR PATCH)
    set(_ctnn_want "${ctnn_VERSION_${_ctnn_part}}")
    if(_ctnn_want STREQUAL "")
        set(_ctnn_want 0)
    endif()
    if(NOT _ctnn_version_lines MATCHES "#define CTNN_VERSION_${_ctnn_part} ([0-9]+)")
        message(FATAL_ERROR "${_ctnn_version_header}: no CTNN_VERSION_${_ctnn_part}")
    endif()
    if(NOT CMAKE_MATCH_1 EQUAL _ctnn_want)
        message(FATAL_ERROR "${_ctnn_version_header} says CTNN_VERSION_${_ctnn_part} ${CMAKE_MATCH_1}, "
                            "but project(ctnn VERSION ${ctnn_VERSION}) says ${_ctnn_want}: update the header")
    endif()
    list(APPEND _ctnn_header_version "${CMAKE_MATCH_1}")
endforeach()
list(JOIN _ctnn_header_version "." _ctnn_header_version)
if(NOT _ctnn_version_lines MATCHES "#define CTNN_VERSION_STRING \"${_ctnn_header_version}\"")
    message(FATAL_ERROR "${_ctnn_version_header}: CTNN_VERSION_STRING is not \"${_ctnn_header_version}\"")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/ctnn-snapshot.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/ctnn-dataset.cmake")

# --- install rules (by default only when ctnn is the top-level project) ---
option(CTNN_INSTALL "Generate ctnn's install rules (headers and CMake package)" ${ctnn_IS_TOP_LEVEL})
if(NOT CTNN_INSTALL)
    return()
endif()

include(CMakePackageConfigHelpers)
include(GNUInstallDirs)
# Header-only and architecture-independent, hence share/ rather than lib/.
set(CTNN_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/ctnn"
    CACHE STRING "Where to install ctnn's CMake package files, relative to the prefix")

install(DIRECTORY "${ctnn_SOURCE_DIR}/include/ctnn" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
# ctnn only, not ctnn_strict: warnings are the user's business.
install(TARGETS ctnn EXPORT ctnnTargets INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT ctnnTargets NAMESPACE ctnn:: DESTINATION "${CTNN_INSTALL_CMAKEDIR}")

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/ctnnConfig.cmake.in"
                              "${ctnn_BINARY_DIR}/ctnnConfig.cmake"
                              INSTALL_DESTINATION "${CTNN_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${ctnn_BINARY_DIR}/ctnnConfigVersion.cmake"
                                 VERSION "${ctnn_VERSION}"
                                 COMPATIBILITY SameMajorVersion
                                 ARCH_INDEPENDENT)
install(FILES "${ctnn_BINARY_DIR}/ctnnConfig.cmake" "${ctnn_BINARY_DIR}/ctnnConfigVersion.cmake"
              "${CMAKE_CURRENT_LIST_DIR}/ctnn-snapshot.cmake" "${CMAKE_CURRENT_LIST_DIR}/ctnn-dataset.cmake"
        DESTINATION "${CTNN_INSTALL_CMAKEDIR}")
# ctnn_add_dataset() builds the ctnn-dataset tool from these sources in the using project.
install(DIRECTORY "${ctnn_SOURCE_DIR}/tools/dataset/" DESTINATION "${CTNN_INSTALL_CMAKEDIR}/ctnn-dataset"
        FILES_MATCHING PATTERN "*.cpp" PATTERN "*.hpp" PATTERN "README.md")
