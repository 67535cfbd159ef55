# Runs ctnn-dataset and compares its header with a committed one, byte for byte.
#   cmake -DTOOL=<ctnn-dataset> -DARGS=<a;b;...> -DFRESH=<new header> -DCOMMITTED=<header> -P compare_generated.cmake
cmake_minimum_required(VERSION 3.25)
get_filename_component(dir "${FRESH}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${TOOL}" ${ARGS} --output "${FRESH}" RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "ctnn-dataset failed (${result}):\n${errors}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${FRESH}" "${COMMITTED}" RESULT_VARIABLE different)
if(different)
    execute_process(COMMAND diff -u "${COMMITTED}" "${FRESH}" OUTPUT_VARIABLE diff)
    string(SUBSTRING "${diff}" 0 4000 diff)
    message(FATAL_ERROR "${COMMITTED} differs from a fresh run of ctnn-dataset (regenerate it with the target "
                        "ctnn-regenerate-models-data):\n${diff}")
endif()
message("${COMMITTED}: equal to a fresh run of ctnn-dataset on ${ARGS}")
