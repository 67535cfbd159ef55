# ctnn_add_snapshot(): a trained network written, at build time, as a standalone header of
# constants (the writer calls ctnn::write_snapshot, see include/ctnn/snapshot.hpp).
#
#   ctnn_add_snapshot(<name> <header>
#                     SOURCES <writer.cpp>... | WRITER <executable-target>
#                     [ARGS <arg>...])
#
# Builds the writer -- from SOURCES as the executable <name>_writer linked to ctnn::ctnn,
# or takes the existing executable target WRITER -- and runs it as
# `<writer> <header> <args>...` whenever the writer is rebuilt; the writer must create
# <header> (a relative <header> is under the current binary directory). <name> becomes an
# INTERFACE library: linking it puts the header's directory on the include path and makes
# the header exist before anything that includes it compiles. C++ code that includes the
# header links ctnn::ctnn as well (the header's C++ part uses ctnn's network types); C code
# needs only <name>.
#
# Example (a test keeps the snapshot honest by including both it and the model):
#   ctnn_add_snapshot(xor_snapshot snapshots/xor_snapshot.hpp SOURCES write_xor.cpp)
#   target_link_libraries(app PRIVATE ctnn::ctnn xor_snapshot)   # #include <xor_snapshot.hpp>
include_guard(GLOBAL)

function(ctnn_add_snapshot name header)
    cmake_parse_arguments(PARSE_ARGV 2 arg "" "WRITER" "SOURCES;ARGS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_snapshot(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if((arg_WRITER AND arg_SOURCES) OR (NOT arg_WRITER AND NOT arg_SOURCES))
        message(FATAL_ERROR "ctnn_add_snapshot(${name}): give either SOURCES or WRITER")
    endif()
    if(NOT IS_ABSOLUTE "${header}")
        set(header "${CMAKE_CURRENT_BINARY_DIR}/${header}")
    endif()
    get_filename_component(dir "${header}" DIRECTORY)

    if(arg_SOURCES)
        set(writer ${name}_writer)
        add_executable(${writer} ${arg_SOURCES})
        target_link_libraries(${writer} PRIVATE ctnn::ctnn)
    else()
        set(writer ${arg_WRITER})
        if(NOT TARGET ${writer})
            message(FATAL_ERROR "ctnn_add_snapshot(${name}): WRITER ${writer} is not a target")
        endif()
    endif()

    add_custom_command(OUTPUT "${header}"
                       COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
                       COMMAND ${writer} "${header}" ${arg_ARGS}
                       DEPENDS ${writer}
                       COMMENT "ctnn snapshot: writing ${header}"
                       VERBATIM)
    add_custom_target(${name}_generate DEPENDS "${header}")
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE "$<BUILD_INTERFACE:${dir}>")
    # Followed transitively: whatever links ${name} is built after the header exists.
    add_dependencies(${name} ${name}_generate)
endfunction()
