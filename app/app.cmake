# The desktop application. The executable is only the composition root (STYLE.md section 1):
# main.cpp and Application, which pick the concrete classes; everything else lives in libraries.
qt_add_executable(dps-setup WIN32 MACOSX_BUNDLE
    ${CMAKE_CURRENT_LIST_DIR}/main.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Application.cpp
    ${CMAKE_CURRENT_LIST_DIR}/Application.h)
target_link_libraries(dps-setup PRIVATE Dps::Ui dps_cli Qt6::Widgets dps_compile_options)
target_compile_definitions(dps-setup PRIVATE DPS_VERSION="${PROJECT_VERSION}")

install(TARGETS dps-setup
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    BUNDLE DESTINATION .)
