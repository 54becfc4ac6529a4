# The transport suite on Windows (included by tests/CMakeLists.txt when WIN32): WinHTTP under Wine
# against the Linux test_https_server, which a CTest fixture starts (wine_https_fixture.sh) and whose
# CA wine_trust_ca adds to the Wine prefix's Root store before any test runs. Checks stay on: trust
# is added, never skipped.
set(CUT_HOST_TEST_HTTPS_SERVER "${CMAKE_SOURCE_DIR}/build/tests/test_https_server" CACHE FILEPATH
    "The Linux test_https_server (from a Linux build of this tree) that the Windows transport tests use")
if(NOT COMMAND doctest_discover_tests)
  # doctest's CMake module is the host's (Debian's doctest-dev); the toolchain's root path hides it.
  find_file(CUT_DOCTEST_HOST_MODULE doctest.cmake PATHS /usr/lib/cmake/doctest NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  include("${CUT_DOCTEST_HOST_MODULE}")
endif()
set(cut_wine_server_dir "${CMAKE_CURRENT_BINARY_DIR}/wine-https")

add_executable(wine_trust_ca net/wine_trust_ca.cpp)
target_link_libraries(wine_trust_ca PRIVATE crypt32)
cut_set_warnings(wine_trust_ca)

add_executable(net_tests
  net/request_deadlines_test.cpp
  net/winhttp_errors_test.cpp
  net/winhttp_transport_test.cpp
)
target_link_libraries(net_tests PRIVATE cut_net cut_core cut_test_main)
target_include_directories(net_tests PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
target_compile_definitions(net_tests PRIVATE
  CUT_FIXTURES_DIR="${CMAKE_CURRENT_SOURCE_DIR}/fixtures"
  CUT_WINE_SERVER_DIR="${cut_wine_server_dir}")
cut_set_warnings(net_tests)

add_test(NAME wine_https_server_start
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/net/wine_https_fixture.sh" start "${cut_wine_server_dir}"
          "${CUT_HOST_TEST_HTTPS_SERVER}")
add_test(NAME wine_https_server_stop
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/net/wine_https_fixture.sh" stop "${cut_wine_server_dir}")
add_test(NAME wine_trust_test_ca COMMAND wine_trust_ca "Z:${cut_wine_server_dir}/ca.pem")
# One fixture with two set-up steps in order: the server, then its CA into the prefix.
set_tests_properties(wine_https_server_start PROPERTIES FIXTURES_SETUP wine_https)
set_tests_properties(wine_trust_test_ca PROPERTIES FIXTURES_SETUP wine_https DEPENDS wine_https_server_start)
set_tests_properties(wine_https_server_stop PROPERTIES FIXTURES_CLEANUP wine_https)

# Listed after the build through Wine (CMAKE_CROSSCOMPILING_EMULATOR), each test needing the server.
doctest_discover_tests(net_tests ADD_LABELS 1
  PROPERTIES TIMEOUT 120 FIXTURES_REQUIRED wine_https)
