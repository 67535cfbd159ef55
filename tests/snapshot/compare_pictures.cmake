# cmake -DPROGRAM=ctnn-xor-pictures -DOUT=<dir> -DDOCS=<source>/docs -P compare_pictures.cmake
# Runs ctnn-xor-pictures into OUT and fails unless every picture equals the one in DOCS.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${PROGRAM}" "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${OUT} failed (${rc})")
endif()
foreach(picture IN ITEMS xor_loss.svg xor_decision.svg)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT}/${picture}" "${DOCS}/${picture}"
                    RESULT_VARIABLE differ)
    if(NOT differ EQUAL 0)
        message(FATAL_ERROR "docs/${picture} is stale: regenerate the pictures with\n"
                            "  ${PROGRAM} ${DOCS}")
    endif()
endforeach()
