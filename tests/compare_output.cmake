# Runs PROGRAM [ARG] and checks that its standard output equals the file EXPECTED, line
# for line. With --runtime the program appends how long training took; that line (and
# the blank line before it) must be there, and is left out of the comparison.
execute_process(COMMAND ${PROGRAM} ${ARG} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${ARG} exited with ${rc}")
endif()
if(ARG STREQUAL "--runtime")
    if(NOT out MATCHES "\nTrained at run time in [0-9.e+-]+ ms\n$")
        message(FATAL_ERROR "no timing line at the end of:\n${out}")
    endif()
    string(REGEX REPLACE "\nTrained at run time in [0-9.e+-]+ ms\n$" "" out "${out}")
endif()
file(READ ${EXPECTED} expected)
if(NOT out STREQUAL expected)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/actual_output.txt "${out}")
    message(FATAL_ERROR "output differs from ${EXPECTED}:\n--- got ---\n${out}--- expected ---\n${expected}")
endif()
