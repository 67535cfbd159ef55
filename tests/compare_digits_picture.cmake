# cmake -DPROGRAM=ctnn-digits -DOUT=<file> -DDOCS=<source>/docs/digits_test.svg -P compare_digits_picture.cmake
# Runs `ctnn-digits --svg OUT` and fails unless OUT equals the committed picture byte for byte.
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
file(REMOVE "${OUT}")
execute_process(COMMAND "${PROGRAM}" --svg "${OUT}" OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --svg ${OUT} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}" "${DOCS}" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
    message(FATAL_ERROR "${DOCS} is stale: regenerate it with\n  ${PROGRAM} --svg ${DOCS}")
endif()
