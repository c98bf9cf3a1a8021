# Runs lupdate on a copy of TS_FILE and fails if that changes any message: then the catalogue is
# behind the sources. Source locations are ignored, since moving code doesn't need a new catalogue.
# Arguments: LUPDATE, LUPDATE_OPTIONS (a list), SOURCES_FILE (an lupdate @list), TS_FILE, WORK_DIR.
get_filename_component(ts_name ${TS_FILE} NAME)
set(copy ${WORK_DIR}/${ts_name})
file(MAKE_DIRECTORY ${WORK_DIR})
file(COPY_FILE ${TS_FILE} ${copy})

execute_process(
    COMMAND ${LUPDATE} -silent ${LUPDATE_OPTIONS} @${SOURCES_FILE} -ts ${copy}
    RESULT_VARIABLE result
    ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${result}): ${errors}")
endif()

function(read_messages file out_var)
    file(STRINGS ${file} lines ENCODING UTF-8)
    list(FILTER lines EXCLUDE REGEX "<location ")
    set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()
read_messages(${TS_FILE} before)
read_messages(${copy} after)
if(NOT before STREQUAL after)
    message(FATAL_ERROR "${TS_FILE} is behind the sources. Run "
        "`cmake --build <build dir> --target update_translations`, translate what is new "
        "(Qt Linguist) and commit the catalogue.")
endif()
