# The Windows cross-build's suites, run through Wine (the toolchain's CMAKE_CROSSCOMPILING_EMULATOR;
# scripts/windows-test.sh starts Wine around ctest). Included by CMakeLists.txt when WIN32.
# doctest_discover_tests would run each suite under Wine at build time to list its cases, so each
# source file becomes one CTest test instead (doctest's --source-file filter).

# Temporary folders, whole-file helpers and file_access.h over DACLs; POSIX modes and umasks have no
# meaning here.
add_library(cut_test_files STATIC support/file_access_windows.cpp support/temp_dir_common.cpp
  support/temp_dir_windows.cpp)
target_include_directories(cut_test_files PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
target_link_libraries(cut_test_files PUBLIC advapi32)
target_compile_definitions(cut_test_files PRIVATE CUT_FIXTURES_DIR="${CMAKE_CURRENT_SOURCE_DIR}/fixtures")
cut_set_warnings(cut_test_files)

# The core suites, each file the OS-neutral half of a suite (content, bounds, atomicity, locks,
# messages, privacy through support/file_access.h) or a Windows meaning (*_windows_test.cpp: DACLs,
# devices and named pipes, share modes). Their POSIX halves (*_posix_test.cpp: modes, umask, uids,
# FIFOs, symlinks, fork) are in the Linux list only. Left out: autostart_test, whose subject (XDG
# autostart) is Linux's; the Windows Run key has its own suite (platform/windows_autostart_test.cpp).
# Local time is set through TZ as a name and an offset ("UTC0", "CET-1"), which both C runtimes
# read; summer-time rules are POSIX's (format_posix_test.cpp).
include(core/shared_tests.cmake)
set(CUT_WINDOWS_CORE_TESTS
  ${CUT_CORE_SHARED_TESTS}
  core/files/atomic_file_windows_test.cpp
  core/files/files_windows_test.cpp
  core/files/key_file_windows_test.cpp
)
add_executable(core_tests ${CUT_WINDOWS_CORE_TESTS})
target_link_libraries(core_tests PRIVATE cut_test_files cut_core cut_test_main cut::json)
target_compile_definitions(core_tests PRIVATE CUT_FIXTURES_DIR="${CMAKE_CURRENT_SOURCE_DIR}/fixtures"
  CUT_GOLDEN_DIR="${CMAKE_CURRENT_SOURCE_DIR}/golden")
cut_set_warnings(core_tests)
# doctest passes a filter that selects nothing: an entry whose file lost its cases (or was renamed)
# fails instead of passing empty.
set(CUT_NO_CASES_RAN "test cases: +0 [|]")
foreach(source IN LISTS CUT_WINDOWS_CORE_TESTS)
  get_filename_component(stem "${source}" NAME_WE)
  add_test(NAME windows.core.${stem} COMMAND core_tests --source-file=*${stem}.cpp --no-intro=true)
  set_tests_properties(windows.core.${stem} PROPERTIES LABELS "windows;unit" TIMEOUT 120
    FAIL_REGULAR_EXPRESSION "${CUT_NO_CASES_RAN}")
endforeach()

# The program itself under Wine: status --json and set-key against the Linux test_https_server
# (net/windows.cmake's fixture serves it and trusts its CA in the prefix), the status line, and the
# demo widget's screenshot read by the Linux build's png_probe, as the Linux screenshot test reads it.
set(CUT_HOST_PNG_PROBE "${CMAKE_SOURCE_DIR}/build/tests/gui/gui_png_probe" CACHE FILEPATH
    "The Linux gui_png_probe (from a Linux build of this tree) that reads the Windows screenshot")
foreach(case status set_key statusline screenshot)
  add_test(NAME windows.program.${case}
    COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/windows/program_test.sh" $<TARGET_FILE:claude-usage-tracker>
            "${CMAKE_CURRENT_BINARY_DIR}/wine-https" "${CMAKE_CURRENT_SOURCE_DIR}/fixtures"
            "${CMAKE_CURRENT_BINARY_DIR}/program-${case}" "${CUT_HOST_PNG_PROBE}" ${case})
  set_tests_properties(windows.program.${case} PROPERTIES LABELS "windows;process" TIMEOUT 120
    FIXTURES_REQUIRED wine_https)
endforeach()
