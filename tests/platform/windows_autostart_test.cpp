// Start at login on Windows against the real registry (the Wine prefix's here): each case works on
// a Run-like key of its own under HKEY_CURRENT_USER\Software, removed afterwards, and checks that
// the user's own Run key was left as it was, so a run on real Windows never touches it.
#include <windows.h>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/files/autostart.h"

namespace windows_autostart_test {

namespace fs = std::filesystem;
using namespace cut::core;

namespace {

constexpr const wchar_t* kValue = L"Claude Usage Tracker";
constexpr const wchar_t* kUserRunKey = L"Software\\Microsoft\\Windows\\CurrentVersion\\Run";

/// The value's data and type, or nullopt-like {false} when missing.
struct Raw {
  bool present = false;
  DWORD type = 0;
  std::wstring data;
};

Raw rawValue(const fs::path& key, const wchar_t* name = kValue) {
  Raw raw;
  DWORD size = 0;
  if (RegGetValueW(HKEY_CURRENT_USER, key.c_str(), name, RRF_RT_ANY, &raw.type, nullptr, &size) !=
      ERROR_SUCCESS)
    return raw;
  std::vector<BYTE> bytes(size + sizeof(wchar_t), 0);
  if (RegGetValueW(HKEY_CURRENT_USER, key.c_str(), name, RRF_RT_ANY, &raw.type, bytes.data(), &size) !=
      ERROR_SUCCESS)
    return raw;
  raw.present = true;
  if (raw.type == REG_SZ || raw.type == REG_EXPAND_SZ)
    raw.data = reinterpret_cast<const wchar_t*>(bytes.data());
  return raw;
}

void setString(const fs::path& key, const std::wstring& data) {
  REQUIRE(RegSetKeyValueW(HKEY_CURRENT_USER, key.c_str(), kValue, REG_SZ, data.c_str(),
                          static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
}

/// A Run-like key of the test's own, `Software\ClaudeUsageTrackerTest-N\Run`, and a look at the
/// user's real Run value before and after.
struct TestKey {
  fs::path root;
  fs::path run;
  Raw userRunBefore = rawValue(kUserRunKey);

  TestKey() {
    std::random_device random;
    root = L"Software\\ClaudeUsageTrackerTest-" + std::to_wstring(random());
    run = root / L"Run";
  }
  ~TestKey() {
    RegDeleteTreeW(HKEY_CURRENT_USER, root.c_str());
    RegDeleteKeyW(HKEY_CURRENT_USER, root.c_str());
    const Raw after = rawValue(kUserRunKey);
    CHECK_MESSAGE(after.present == userRunBefore.present, "the user's Run key was touched");
    CHECK_MESSAGE(after.data == userRunBefore.data, "the user's Run key was touched");
  }
};

const fs::path kProgram = L"C:\\Program Files\\Claude Usage Tracker\\claude-usage-tracker.exe";

}  // namespace

TEST_CASE("the default place is the current user's Run key, and people are told so") {
  CHECK(autostartPlace(L"C:\\Users\\pat\\AppData\\Roaming").wstring() == kUserRunKey);
  CHECK(
      autostartEntryName(autostartPlace({})) ==
      "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run value \"Claude Usage Tracker\"");
}

TEST_CASE("on writes the quoted program path as a string value; off removes it; both twice are fine") {
  TestKey key;
  CHECK_FALSE(readAutostart(key.run).present);
  REQUIRE(enableAutostart(key.run, kProgram));
  const Raw raw = rawValue(key.run);
  CHECK(raw.present);
  CHECK(raw.type == REG_SZ);
  CHECK(raw.data == L"\"" + kProgram.wstring() + L"\"");
  const AutostartState state = readAutostart(key.run);
  CHECK(state.present);
  CHECK(state.ours);
  CHECK(state.enabled);
  CHECK(state.program == kProgram);
  CHECK(state.problem.empty());
  REQUIRE(enableAutostart(key.run, kProgram));

  REQUIRE(disableAutostart(key.run));
  CHECK_FALSE(rawValue(key.run).present);
  CHECK_FALSE(readAutostart(key.run).present);
  CHECK(disableAutostart(key.run));
}

TEST_CASE("an entry of a moved program is ours, names where it was, and on points it here") {
  TestKey key;
  setString(key.run, L"\"D:\\Old Place\\CLAUDE-USAGE-TRACKER.EXE\"");
  AutostartState state = readAutostart(key.run);
  CHECK(state.present);
  CHECK(state.ours);
  CHECK(state.enabled);
  CHECK(state.program == fs::path(L"D:\\Old Place\\CLAUDE-USAGE-TRACKER.EXE"));
  REQUIRE(enableAutostart(key.run, kProgram));
  CHECK(readAutostart(key.run).program == kProgram);
}

TEST_CASE("a value of the same name that starts another program is left alone") {
  TestKey key;
  const std::wstring foreign = L"\"C:\\Tools\\other.exe\" --tray";
  setString(key.run, foreign);
  const AutostartState state = readAutostart(key.run);
  CHECK(state.present);
  CHECK_FALSE(state.ours);
  CHECK(state.program == fs::path(L"C:\\Tools\\other.exe"));
  const auto on = enableAutostart(key.run, kProgram);
  REQUIRE_FALSE(on);
  CHECK(on.error().message.find("was not written by this program") != std::string::npos);
  CHECK_FALSE(disableAutostart(key.run));
  CHECK(rawValue(key.run).data == foreign);
}

TEST_CASE("an unquoted path with spaces is read whole; arguments after a quoted path are not the program") {
  TestKey key;
  setString(key.run, L"C:\\Program Files\\Claude Usage Tracker\\claude-usage-tracker.exe");
  CHECK(readAutostart(key.run).program == kProgram);
  setString(key.run, L"  \"" + kProgram.wstring() + L"\" --demo");
  CHECK(readAutostart(key.run).program == kProgram);
  CHECK(readAutostart(key.run).ours);
}

TEST_CASE("an entry turned off in Task Manager reads as off, and on turns it back on") {
  TestKey key;
  REQUIRE(enableAutostart(key.run, kProgram));
  const fs::path approved = key.root / L"Explorer" / L"StartupApproved" / L"Run";
  const BYTE off[12] = {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  REQUIRE(RegSetKeyValueW(HKEY_CURRENT_USER, approved.c_str(), kValue, REG_BINARY, off, sizeof off) ==
          ERROR_SUCCESS);
  AutostartState state = readAutostart(key.run);
  CHECK(state.present);
  CHECK_FALSE(state.enabled);
  REQUIRE(enableAutostart(key.run, kProgram));
  CHECK(readAutostart(key.run).enabled);
  CHECK_FALSE(rawValue(approved).present);
}

TEST_CASE(
    "a program path that is relative or holds a quote or line break is refused, and nothing is written") {
  TestKey key;
  CHECK_FALSE(enableAutostart(key.run, L"claude-usage-tracker.exe"));
  CHECK_FALSE(enableAutostart(key.run, L"C:\\a\"b\\claude-usage-tracker.exe"));
  CHECK_FALSE(enableAutostart(key.run, L"C:\\a\nb\\claude-usage-tracker.exe"));
  CHECK_FALSE(rawValue(key.run).present);
}

TEST_CASE("a value that is not a string is reported present and not ours, and left alone") {
  TestKey key;
  const DWORD number = 1;
  REQUIRE(RegSetKeyValueW(HKEY_CURRENT_USER, key.run.c_str(), kValue, REG_DWORD, &number, sizeof number) ==
          ERROR_SUCCESS);
  const AutostartState state = readAutostart(key.run);
  CHECK(state.present);
  CHECK_FALSE(state.ours);
  CHECK_FALSE(enableAutostart(key.run, kProgram));
  CHECK(rawValue(key.run).type == REG_DWORD);
}

}  // namespace windows_autostart_test
