// The key file's Windows meanings beside files_windows_test.cpp: a device or a named pipe at the key
// path is refused as a FIFO is on Linux, never read or waited on, and never called a missing key.
#include <windows.h>

#include <doctest/doctest.h>
#include <string>

#include "core/files/key_file.h"

namespace key_file_windows_test {

using namespace cut::core;

TEST_CASE("a device or a named pipe at the key path is refused, not read or waited on") {
  // CON is left out: whether it opens at all depends on the console the process has.
  for (const std::string device : {"NUL", "\\\\.\\NUL"}) {
    CAPTURE(device);
    const auto loaded = readKeyFile(device);
    REQUIRE_FALSE(loaded.ok());
    INFO(loaded.error().message);
    CHECK_FALSE(loaded.error().noKey);
    CHECK(loaded.error().message.find("not a regular file") != std::string::npos);
  }
  const std::wstring name = L"\\\\.\\pipe\\cut-key-test-" + std::to_wstring(::GetCurrentProcessId());
  HANDLE pipe = ::CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 2, 4096,
                                   4096, 0, nullptr);
  REQUIRE(pipe != INVALID_HANDLE_VALUE);
  const auto loaded = readKeyFile(std::filesystem::path(name));
  ::CloseHandle(pipe);
  REQUIRE_FALSE(loaded.ok());
  INFO(loaded.error().message);
  CHECK_FALSE(loaded.error().noKey);
  CHECK(loaded.error().message.find("not a regular file") != std::string::npos);
}

}  // namespace key_file_windows_test
