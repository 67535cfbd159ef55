# Configures and builds tests/data_tool/bad_project with a bad data file: the build must fail,
# show the tool's `file:line:column: error: ...` message, and leave no generated header.
#   cmake -DSOURCE=<ctnn source> -DTOOL=<ctnn-dataset> -DCXX=<compiler> -DBAD_FILE=<csv> -DEXPECT=<regex>
#         -DWORK=<dir> -P run_bad_build.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE}/tests/data_tool/bad_project" -B "${WORK}"
                        -DCMAKE_CXX_COMPILER=${CXX} -DCTNN_SOURCE_DIR=${SOURCE} -DCTNN_DATASET_EXECUTABLE=${TOOL}
                        -DBAD_FILE=${BAD_FILE}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "configuring the project failed:\n${out}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK}" RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("build output:\n${out}")
if(result EQUAL 0)
    message(FATAL_ERROR "the build succeeded on bad data")
endif()
if(NOT out MATCHES "${EXPECT}")
    message(FATAL_ERROR "the build output lacks /${EXPECT}/")
endif()
if(EXISTS "${WORK}/generated/bad_data.hpp")
    message(FATAL_ERROR "a header was left behind: ${WORK}/generated/bad_data.hpp")
endif()
file(GLOB left "${WORK}/generated/*")
if(left)
    message(FATAL_ERROR "files left behind: ${left}")
endif()
