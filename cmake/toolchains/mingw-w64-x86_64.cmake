# Cross-build for 64-bit Windows with Debian's mingw-w64 (scripts/windows-build.sh uses it):
#   cmake -S . -B build-windows --toolchain cmake/toolchains/mingw-w64-x86_64.cmake
# The -posix compilers, because the -win32 ones have no std::thread or std::mutex. Programs and tests
# run here through Wine, which CMake and CTest call for every cross-built executable.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(CUT_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${CUT_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CUT_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${CUT_MINGW_TRIPLE}-windres)
set(CMAKE_AR ${CUT_MINGW_TRIPLE}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${CUT_MINGW_TRIPLE}-ranlib CACHE FILEPATH "")

# Only the mingw sysroot for libraries and headers; programs (ccache, python3) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${CUT_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# libgcc, libstdc++ and winpthread linked in, so an .exe imports only DLLs that Windows has
# (check: x86_64-w64-mingw32-objdump -p X.exe | grep 'DLL Name').
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")

# Wine gets a prefix of its own in the build folder (made on first use, without the Mono and Gecko
# installers it would otherwise offer) and keeps its debug channels quiet, so a test's output is the
# program's. scripts/windows-test.sh starts this prefix's wineserver around ctest.
find_program(CUT_WINE wine)
if(CUT_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR
      env "WINEPREFIX=${CMAKE_BINARY_DIR}/wine" WINEDEBUG=-all "WINEDLLOVERRIDES=mscoree,mshtml=" "${CUT_WINE}")
endif()
