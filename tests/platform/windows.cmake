# The Windows files of src/platform under Wine (included by tests/CMakeLists.txt on Windows). The
# helper is the child the lock-inheritance and crash tests start; it sits beside the suite, where
# the suite looks for it. It also reads the notification balloon the widget's alert shows.
add_executable(windows_helper platform/windows_helper.cpp platform/balloon_probe.cpp)
target_include_directories(windows_helper PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
target_link_libraries(windows_helper PRIVATE cut_os)
cut_set_warnings(windows_helper)

add_executable(platform_windows_tests platform/windows_platform_test.cpp
  platform/notifier_windows_test.cpp platform/windows_autostart_test.cpp platform/balloon_probe.cpp)
target_include_directories(platform_windows_tests PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
target_link_libraries(platform_windows_tests PRIVATE cut_platform cut_os cut_core cut_test_main advapi32)
target_compile_definitions(platform_windows_tests PRIVATE UNICODE _UNICODE WIN32_LEAN_AND_MEAN NOMINMAX)
add_dependencies(platform_windows_tests windows_helper)
set_target_properties(platform_windows_tests windows_helper PROPERTIES
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
cut_set_warnings(platform_windows_tests)
# One ctest entry per source file, as for the core suites: doctest_discover_tests would start Wine
# once per listing and case. The notification cases are the longest of the Windows tests (each starts
# an Explorer on a desktop of its own): their cost puts them first, not last and alone, on a fresh
# machine, where ctest has no times of an earlier run to order by.
foreach(stem windows_platform_test notifier_windows_test windows_autostart_test)
  add_test(NAME windows.platform.${stem}
    COMMAND platform_windows_tests --source-file=*${stem}.cpp --no-intro=true)
  set_tests_properties(windows.platform.${stem} PROPERTIES LABELS "windows" TIMEOUT 120
    FAIL_REGULAR_EXPRESSION "${CUT_NO_CASES_RAN}")
endforeach()
set_tests_properties(windows.platform.notifier_windows_test PROPERTIES COST 20)

# Start at login through the command line, on the Wine prefix's own Run key, read back with
# `wine reg query`.
add_test(NAME windows.program.autostart
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/windows/autostart_test.sh" $<TARGET_FILE:claude-usage-tracker>)
set_tests_properties(windows.program.autostart PROPERTIES LABELS "windows;process" TIMEOUT 120)

# The widget's alert, end to end: claude.ai (the loopback server's "expired" scenario, served by
# net/windows.cmake's fixture) refuses the key, and the alert must show as a balloon of the
# notification area, not in the widget's footer. The second longest: its cost starts it early.
add_test(NAME windows.program.alert_balloon
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/windows/alert_balloon_test.sh" $<TARGET_FILE:claude-usage-tracker>
          $<TARGET_FILE:windows_helper> "${CMAKE_CURRENT_BINARY_DIR}/wine-https"
          "${CMAKE_CURRENT_BINARY_DIR}/program-alert-balloon")
set_tests_properties(windows.program.alert_balloon PROPERTIES LABELS "windows;process" TIMEOUT 120
  FIXTURES_REQUIRED wine_https COST 10)
