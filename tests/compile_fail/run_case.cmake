# Runs one compile-fail case: compiles CASE with COMPILER and must see it fail with every
# message its "// EXPECT: <regex>" lines name. Prints the matching lines, so that
# `ctest -L compile-fail -V` shows what a user would read.
#
#   cmake -DCOMPILER=<c++> -DCOMPILER_ID=GNU|Clang -DFLAGS=<a|b|...> -DCASE=<file.cpp> -P run_case.cmake
#
# FLAGS are the ctnn::ctnn target's options and include directories, joined with '|'.
# Directives, read from the case's leading comment lines:
#   // EXPECT: <regex>       one or more; each must match the compiler's output
#   // FLAGS-GCC: <flags>    extra flags for GCC, after the target's (so they win)
#   // FLAGS-CLANG: <flags>  extra flags for Clang
#   // SKIP-WITH-FLAG: <flag> <why>   skip the case when the target's flags contain <flag>
# The compiler runs with LC_ALL=C, so that GCC quotes with ' rather than typographic quotes.
cmake_minimum_required(VERSION 3.25)
foreach(var IN ITEMS COMPILER COMPILER_ID FLAGS CASE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_case.cmake: -D${var}=... is required")
    endif()
endforeach()

string(REPLACE "|" ";" flags "${FLAGS}")
list(FILTER flags EXCLUDE REGEX "^$")

file(STRINGS "${CASE}" directives REGEX "^// (EXPECT|FLAGS-GCC|FLAGS-CLANG|SKIP-WITH-FLAG): ")
set(expects "")
set(extra "")
foreach(line IN LISTS directives)
    if(line MATCHES "^// EXPECT: (.*)$")
        list(APPEND expects "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^// FLAGS-GCC: (.*)$" AND COMPILER_ID STREQUAL "GNU")
        separate_arguments(more UNIX_COMMAND "${CMAKE_MATCH_1}")
        list(APPEND extra ${more})
    elseif(line MATCHES "^// FLAGS-CLANG: (.*)$" AND COMPILER_ID STREQUAL "Clang")
        separate_arguments(more UNIX_COMMAND "${CMAKE_MATCH_1}")
        list(APPEND extra ${more})
    elseif(line MATCHES "^// SKIP-WITH-FLAG: ([^ ]+) (.*)$")
        if(CMAKE_MATCH_1 IN_LIST flags)
            # Matched by the test's SKIP_REGULAR_EXPRESSION.
            message("ctnn-compile-fail: SKIPPED with ${CMAKE_MATCH_1}: ${CMAKE_MATCH_2}")
            return()
        endif()
    endif()
endforeach()
if(NOT expects)
    message(FATAL_ERROR "${CASE}: no '// EXPECT: <regex>' line")
endif()

set(command ${COMPILER} -std=c++20 -fsyntax-only ${flags} ${extra} ${CASE})
execute_process(COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C ${command}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
list(JOIN command " " shown)
message("$ ${shown}")
if(result EQUAL 0)
    message(FATAL_ERROR "compiled without error, but this case must fail to compile")
endif()

# Compiler output is full of ';' (CMake's list separator) and of unbalanced '[' and ']'
# (inside which CMake does not split lists): hide them while splitting lines.
string(ASCII 26 semicolon)
string(ASCII 28 open_bracket)
string(ASCII 29 close_bracket)
string(REPLACE ";" "${semicolon}" escaped "${output}")
string(REPLACE "[" "${open_bracket}" escaped "${escaped}")
string(REPLACE "]" "${close_bracket}" escaped "${escaped}")
string(REPLACE "\n" ";" lines "${escaped}")
set(missing "")
foreach(expect IN LISTS expects)
    set(shown_lines 0)
    foreach(escaped_line IN LISTS lines)
        string(REPLACE "${semicolon}" ";" line "${escaped_line}")
        string(REPLACE "${open_bracket}" "[" line "${line}")
        string(REPLACE "${close_bracket}" "]" line "${line}")
        if(line MATCHES "${expect}")
            if(shown_lines EQUAL 0)
                message("expected /${expect}/, found:")
            endif()
            if(shown_lines LESS 3)
                message("    ${line}")
            endif()
            math(EXPR shown_lines "${shown_lines} + 1")
        endif()
    endforeach()
    if(shown_lines EQUAL 0)
        list(APPEND missing "${expect}")
    endif()
endforeach()
if(missing)
    message("${output}")
    message(FATAL_ERROR "the compiler's output above lacks: ${missing}")
endif()
