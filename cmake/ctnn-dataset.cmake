# ctnn_add_dataset(): a CSV or IDX data file turned, at build time, into a header of
# constexpr ctnn::datasets (train and test parts), class names and scaling constants, by the
# ctnn-dataset tool (tools/dataset/README.md describes the header and every option).
#
#   ctnn_add_dataset(<name>
#                    INPUT <file> OUTPUT <header> NAMESPACE <c++-namespace>
#                    [FORMAT csv|idx] [LABELS <idx-labels-file>]
#                    [TEST_INPUT <file> [TEST_LABELS <idx-labels-file>]]
#                    [HEADER] [TARGET_COLUMNS <list>] [INPUT_COLUMNS <list>]
#                    [CLASS_NAMES <name>...] [SCALE none|standardize|min-max|divide:<d>]
#                    [TEST_FRACTION <f>] [SEED <s>]
#                    [OPTIONS <more ctnn-dataset options>...])
#
# A relative <header> is under the current binary directory, relative input files under the
# current source directory. <name> becomes an INTERFACE library: linking it puts the
# header's directory on the include path, links ctnn::ctnn, and makes the header exist (and
# be current) before anything that includes it compiles. The header is rewritten whenever an
# input file or the tool changes. Bad data stops the build with the tool's message,
# `file:line:column: error: ...`, and leaves no header behind.
#
# The tool is built from source the first time it is needed, as the target ctnn-dataset
# (it needs zlib: Debian's zlib1g-dev). Set CTNN_DATASET_EXECUTABLE to use a ctnn-dataset
# that is already built instead (e.g. when cross-compiling).
#
# Example: sklearn's iris file, standardised, 20 % held out with numpy's RandomState(0):
#   ctnn_add_dataset(iris_data INPUT iris.csv OUTPUT data/iris_data.hpp NAMESPACE iris
#                    CLASS_NAMES setosa versicolor virginica SCALE standardize
#                    OPTIONS --skip-lines 1 --label-type integer)
#   target_link_libraries(app PRIVATE iris_data)   # #include <iris_data.hpp>
include_guard(GLOBAL)

# The tool's sources: installed next to this file, or in ctnn's source tree.
if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/ctnn-dataset/ctnn_dataset.cpp")
    set_property(GLOBAL PROPERTY ctnn_dataset_tool_dir "${CMAKE_CURRENT_LIST_DIR}/ctnn-dataset")
else()
    set_property(GLOBAL PROPERTY ctnn_dataset_tool_dir "${CMAKE_CURRENT_LIST_DIR}/../tools/dataset")
endif()
set(CTNN_DATASET_EXECUTABLE "" CACHE FILEPATH "A ctnn-dataset executable to use instead of building one")

# The ctnn-dataset tool: a target built from source, unless CTNN_DATASET_EXECUTABLE is set.
function(_ctnn_dataset_tool out)
    if(CTNN_DATASET_EXECUTABLE)
        set(${out} "${CTNN_DATASET_EXECUTABLE}" PARENT_SCOPE)
        return()
    endif()
    if(NOT TARGET ctnn-dataset)
        get_property(dir GLOBAL PROPERTY ctnn_dataset_tool_dir)
        find_package(ZLIB REQUIRED)
        add_executable(ctnn-dataset "${dir}/ctnn_dataset.cpp")
        target_link_libraries(ctnn-dataset PRIVATE ctnn::ctnn ZLIB::ZLIB)
        if(TARGET ctnn_strict)  # ctnn's own build: warnings are errors there
            target_link_libraries(ctnn-dataset PRIVATE ctnn_strict)
        endif()
    endif()
    set(${out} ctnn-dataset PARENT_SCOPE)
endfunction()

function(ctnn_add_dataset name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "HEADER"
                          "INPUT;OUTPUT;NAMESPACE;FORMAT;LABELS;TEST_INPUT;TEST_LABELS;TARGET_COLUMNS;INPUT_COLUMNS;SCALE;TEST_FRACTION;SEED"
                          "CLASS_NAMES;OPTIONS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "ctnn_add_dataset(${name}): unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    foreach(required IN ITEMS INPUT OUTPUT NAMESPACE)
        if(NOT arg_${required})
            message(FATAL_ERROR "ctnn_add_dataset(${name}): ${required} is required")
        endif()
    endforeach()
    set(header "${arg_OUTPUT}")
    if(NOT IS_ABSOLUTE "${header}")
        set(header "${CMAKE_CURRENT_BINARY_DIR}/${header}")
    endif()
    get_filename_component(dir "${header}" DIRECTORY)

    set(command_args "")
    set(inputs "")
    foreach(file_arg IN ITEMS INPUT LABELS TEST_INPUT TEST_LABELS)
        if(arg_${file_arg})
            set(file "${arg_${file_arg}}")
            if(NOT IS_ABSOLUTE "${file}")
                set(file "${CMAKE_CURRENT_SOURCE_DIR}/${file}")
            endif()
            string(TOLOWER "${file_arg}" option)
            string(REPLACE "_" "-" option "${option}")
            list(APPEND command_args "--${option}" "${file}")
            list(APPEND inputs "${file}")
        endif()
    endforeach()
    if(arg_FORMAT)
        list(APPEND command_args --format "${arg_FORMAT}")
    endif()
    if(arg_HEADER)
        list(APPEND command_args --header)
    endif()
    foreach(value_arg IN ITEMS TARGET_COLUMNS INPUT_COLUMNS SCALE TEST_FRACTION SEED)
        if(DEFINED arg_${value_arg})
            string(TOLOWER "${value_arg}" option)
            string(REPLACE "_" "-" option "${option}")
            list(APPEND command_args "--${option}" "${arg_${value_arg}}")
        endif()
    endforeach()
    if(arg_CLASS_NAMES)
        list(JOIN arg_CLASS_NAMES "," names)
        list(APPEND command_args --class-names "${names}")
    endif()
    list(APPEND command_args ${arg_OPTIONS} --namespace "${arg_NAMESPACE}" --output "${header}")

    _ctnn_dataset_tool(tool)
    set(depends ${inputs})
    if(TARGET ${tool})
        list(APPEND depends ${tool})
    endif()
    add_custom_command(OUTPUT "${header}"
                       COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
                       COMMAND ${tool} ${command_args}
                       DEPENDS ${depends}
                       COMMENT "ctnn dataset: writing ${header}"
                       VERBATIM)
    add_custom_target(${name}_generate DEPENDS "${header}")
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE "$<BUILD_INTERFACE:${dir}>")
    target_link_libraries(${name} INTERFACE ctnn::ctnn)
    # Followed transitively: whatever links ${name} is built after the header exists.
    add_dependencies(${name} ${name}_generate)
endfunction()
