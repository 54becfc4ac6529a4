// The atomic file writer's and the bounded reader's Windows meanings: devices and named pipes are
// refused as a FIFO is on Linux, and a temporary still held by a live writer (open without
// sharing, as the writer keeps it) survives another writer's clean-up.
#include <windows.h>

#include <doctest/doctest.h>
#include <string>

#include "core/files/atomic_file.h"
#include "support/temp_dir.h"

namespace atomic_file_windows_test {

using namespace cut::core;
using namespace cut::test;

TEST_CASE("readFile refuses a device and a named pipe instead of blocking on them") {
  // CON is left out: whether it opens at all depends on the console the process has.
  for (const std::string device : {"NUL", "\\\\.\\NUL"}) {
    CAPTURE(device);
    const auto result = readFile(device, 4096);
    REQUIRE_FALSE(result.ok());
    INFO(result.error().message);
    CHECK_FALSE(result.error().missing);
    CHECK(result.error().message.find("not a regular file") != std::string::npos);
  }
  const std::wstring name = L"\\\\.\\pipe\\cut-test-" + std::to_wstring(::GetCurrentProcessId());
  HANDLE pipe = ::CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 2, 4096,
                                   4096, 0, nullptr);
  REQUIRE(pipe != INVALID_HANDLE_VALUE);
  const auto result = readFile(std::filesystem::path(name), 4096);
  ::CloseHandle(pipe);
  REQUIRE_FALSE(result.ok());
  INFO(result.error().message);
  CHECK(result.error().message.find("not a regular file") != std::string::npos);
}

TEST_CASE("a temporary held open by a live writer is kept by the next write, a dead writer's removed") {
  TempDir dir;
  const auto path = dir / ".claude-session-key";
  const auto stale = dir / "..claude-session-key.tmp-killed0001";
  writeWholeFile(stale, "sk-ant-sid01-STALE_KEY_abcdefgh\n");
  const auto live = dir / "..claude-session-key.tmp-working001";
  writeWholeFile(live, "sk-ant-sid01-LIVE_KEY_abcdefgh\n");
  HANDLE held = ::CreateFileW(live.wstring().c_str(), GENERIC_WRITE | DELETE, 0, nullptr, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
  REQUIRE(held != INVALID_HANDLE_VALUE);
  const auto other = dir / ".settings.json.tmp-killed0001";
  writeWholeFile(other, "{}");

  const auto written = writeFileAtomic(path, "sk-ant-sid01-NEW_KEY_abcdefghij\n", 0600);
  ::CloseHandle(held);
  REQUIRE(written.ok());
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(live));
  CHECK(std::filesystem::exists(other));
  CHECK(readWholeFile(path) == "sk-ant-sid01-NEW_KEY_abcdefghij\n");
}

}  // namespace atomic_file_windows_test
