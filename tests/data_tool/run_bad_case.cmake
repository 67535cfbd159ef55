# Runs ctnn-dataset on bad input and checks that it fails as documented: exit status 1 (or
# STATUS: 2 for a bad command line), the
# message EXPECT (a regex) on stderr, and no file left in the output directory -- neither the
# header, nor its temporary, nor the stale header an earlier good run left there.
#   cmake -DTOOL=<ctnn-dataset> -DARGS=<a;b;...> -DEXPECT=<regex> -DWORK=<empty dir> [-DSTATUS=2] -P run_bad_case.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED STATUS)
    set(STATUS 1)
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(output "${WORK}/data.hpp")
file(WRITE "${output}" "// a header from an earlier run\n")
execute_process(COMMAND "${TOOL}" ${ARGS} --namespace bad --output "${output}"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("ctnn-dataset ${ARGS}\n  exit status ${result}, stderr: ${err}")
if(NOT result EQUAL STATUS)
    message(FATAL_ERROR "expected exit status ${STATUS}, got ${result}")
endif()
if(NOT err MATCHES "${EXPECT}")
    message(FATAL_ERROR "stderr lacks /${EXPECT}/")
endif()
file(GLOB left "${WORK}/*")
if(left)
    message(FATAL_ERROR "files left behind: ${left}")
endif()
