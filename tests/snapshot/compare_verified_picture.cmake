# cmake -DPROGRAM=ctnn-xor-verified-picture -DOUT=<dir> -DDOCS=<source>/docs -P compare_verified_picture.cmake
# Runs the program into OUT and fails unless docs/xor_verified.svg equals what it wrote.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${PROGRAM}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${OUT} failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/xor_verified.svg" "${DOCS}/xor_verified.svg"
                RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
    message(FATAL_ERROR "docs/xor_verified.svg is stale: regenerate it with\n  ${PROGRAM} ${DOCS}")
endif()
