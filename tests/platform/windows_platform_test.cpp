// The Windows files of src/platform, against the real Windows API (under Wine here): the folders'
// overrides, the lock file's exclusion, DACL and inheritance, the file watch's wake-ups, the single
// instance and the crash handling. The notifier has its own file (notifier_windows_test.cpp).
#include <aclapi.h>
#include <sddl.h>
#include <windows.h>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/files/win32_files.h"
#include "platform/file_watch.h"
#include "platform/folders.h"
#include "platform/lock_file.h"
#include "platform/process_clock.h"
#include "platform/self_path.h"
#include "platform/single_instance.h"

namespace windows_platform_test {

namespace fs = std::filesystem;
using cut::platform::FileWatch;
using cut::platform::SingleInstance;
using Lock = cut::platform::LockFile;

namespace {

// A fresh folder under %TEMP%, removed afterwards.
struct Scratch {
  fs::path path;
  Scratch() {
    std::random_device random;
    path = fs::temp_directory_path() / ("cut-win-test-" + std::to_string(random()));
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

// Sets one environment variable for a scope (the CRT's copy, which _wgetenv reads).
struct EnvVar {
  std::wstring name;
  std::wstring old;
  bool had = false;
  EnvVar(const wchar_t* variable, const std::wstring& value) : name(variable) {
    if (const wchar_t* current = _wgetenv(variable)) {
      had = true;
      old = current;
    }
    _wputenv_s(variable, value.c_str());
  }
  ~EnvVar() { _wputenv_s(name.c_str(), had ? old.c_str() : L""); }
};

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Waits for `count` to reach `target`; the watch thread signals through the condition.
struct Counter {
  std::mutex mutex;
  std::condition_variable changed;
  int count = 0;
  void bump() {
    std::lock_guard lock(mutex);
    ++count;
    changed.notify_all();
  }
  bool reaches(int target) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, std::chrono::seconds(10), [&] { return count >= target; });
  }
  int now() {
    std::lock_guard lock(mutex);
    return count;
  }
};

fs::path helper() { return cut::platform::ownPath().parent_path() / "windows_helper.exe"; }

struct HelperRun {
  DWORD code = 0;
  std::string output;  ///< stdout and stderr together
};

HelperRun runHelper(const std::wstring& arguments) {
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE readEnd = nullptr, writeEnd = nullptr;
  REQUIRE(CreatePipe(&readEnd, &writeEnd, &inheritable, 0));
  SetHandleInformation(readEnd, HANDLE_FLAG_INHERIT, 0);
  std::wstring line = L"\"" + helper().wstring() + L"\" " + arguments;
  STARTUPINFOW startup{};
  startup.cb = sizeof startup;
  startup.dwFlags = STARTF_USESTDHANDLES;
  startup.hStdInput = nullptr;
  startup.hStdOutput = writeEnd;
  startup.hStdError = writeEnd;
  PROCESS_INFORMATION process{};
  const BOOL started = CreateProcessW(helper().wstring().c_str(), line.data(), nullptr, nullptr, TRUE, 0,
                                      nullptr, nullptr, &startup, &process);
  CloseHandle(writeEnd);
  REQUIRE(started);
  HelperRun run;
  char buffer[4096];
  DWORD n = 0;
  while (ReadFile(readEnd, buffer, sizeof buffer, &n, nullptr) && n > 0) run.output.append(buffer, n);
  CloseHandle(readEnd);
  REQUIRE(WaitForSingleObject(process.hProcess, 30000) == WAIT_OBJECT_0);
  GetExitCodeProcess(process.hProcess, &run.code);
  CloseHandle(process.hThread);
  CloseHandle(process.hProcess);
  return run;
}

}  // namespace

TEST_CASE("the folders come from USERPROFILE, APPDATA and LOCALAPPDATA when they are absolute") {
  EnvVar home(L"USERPROFILE", L"D:\\people\\ada");
  EnvVar config(L"APPDATA", L"D:\\roaming");
  EnvVar state(L"LOCALAPPDATA", L"D:\\local");
  CHECK(cut::platform::homeFolder() == fs::path(L"D:\\people\\ada"));
  CHECK(cut::platform::configBase() == fs::path(L"D:\\roaming"));
  CHECK(cut::platform::stateBase() == fs::path(L"D:\\local"));
}

TEST_CASE("relative folder variables are ignored for the known folders") {
  EnvVar config(L"APPDATA", L"roaming");
  EnvVar state(L"LOCALAPPDATA", L"%LOCALAPPDATA%");
  CHECK(cut::platform::configBase().is_absolute());
  CHECK(cut::platform::configBase() != fs::path(L"roaming"));
  CHECK(cut::platform::stateBase().is_absolute());
  CHECK(cut::platform::stateBase().wstring().find(L'%') == std::wstring::npos);
}

TEST_CASE("a lock file is taken once: a second handle finds it busy until the first lets go") {
  Scratch tmp;
  {
    Lock first(tmp.path / "refresh.lock");
    CHECK(first.state() == Lock::State::Held);
    Lock second(tmp.path / "refresh.lock");
    CHECK(second.state() == Lock::State::Busy);
  }
  Lock again(tmp.path / "refresh.lock");
  CHECK(again.state() == Lock::State::Held);
}

// What CreateFileW is given for the lock file and createPrivateFolder() (core's PrivateSecurity,
// which the key and settings files get too). Checked on the descriptor itself: Wine 8 keeps no DACL
// for files (it answers with one made from the Unix mode bits), so the file's stored DACL can only
// be read back on real Windows. The user's SID is read from the token here, not from the code.
TEST_CASE("the private descriptor is a protected DACL that grants this user alone, and owns as them") {
  HANDLE token = nullptr;
  REQUIRE(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token));
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<BYTE> user(size);
  const bool readUser = GetTokenInformation(token, TokenUser, user.data(), size, &size);
  CloseHandle(token);
  REQUIRE(readUser);
  const PSID me = reinterpret_cast<TOKEN_USER*>(user.data())->User.Sid;

  cut::core::detail::PrivateSecurity security;
  REQUIRE(security.attributes() != nullptr);
  PSECURITY_DESCRIPTOR descriptor = security.attributes()->lpSecurityDescriptor;
  SECURITY_DESCRIPTOR_CONTROL control = 0;
  DWORD revision = 0;
  REQUIRE(GetSecurityDescriptorControl(descriptor, &control, &revision));
  CHECK((control & SE_DACL_PROTECTED) != 0);
  PSID owner = nullptr;
  BOOL ownerDefaulted = FALSE;
  REQUIRE(GetSecurityDescriptorOwner(descriptor, &owner, &ownerDefaulted));
  REQUIRE(owner != nullptr);
  CHECK(EqualSid(owner, me));
  BOOL present = FALSE, defaulted = FALSE;
  PACL dacl = nullptr;
  REQUIRE(GetSecurityDescriptorDacl(descriptor, &present, &dacl, &defaulted));
  REQUIRE(present);
  REQUIRE(dacl != nullptr);
  CHECK(dacl->AceCount == 1);
  void* ace = nullptr;
  REQUIRE(GetAce(dacl, 0, &ace));
  const auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(ace);
  CHECK(allowed->Header.AceType == ACCESS_ALLOWED_ACE_TYPE);
  CHECK(allowed->Mask == FILE_ALL_ACCESS);
  // Passed on to what a private folder holds; meaningless (and harmless) on a file.
  const BYTE inherit = OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE;
  CHECK((allowed->Header.AceFlags & inherit) == inherit);
  CHECK(EqualSid(const_cast<DWORD*>(&allowed->SidStart), me));
}

TEST_CASE("a lock file records its last touch") {
  Scratch tmp;
  Lock lock(tmp.path / "refresh.lock");
  REQUIRE(lock.state() == Lock::State::Held);
  CHECK_FALSE(lock.lastTouched().has_value());
  lock.touch();
  REQUIRE(lock.lastTouched().has_value());
  const auto age = std::chrono::system_clock::now() - *lock.lastTouched();
  CHECK(age >= -std::chrono::seconds(2));
  CHECK(age < std::chrono::minutes(1));
}

TEST_CASE("a process started detached holds the inherited lock until it exits") {
  Scratch tmp;
  const fs::path path = tmp.path / "refresh.lock";
  {
    Lock lock(path);
    REQUIRE(lock.state() == Lock::State::Held);
    REQUIRE(cut::platform::startDetached({helper().string(), "sleep", "3000"}, lock));
  }
  // This process let go; the child still holds the file object that holds the lock.
  CHECK(Lock(path).state() == Lock::State::Busy);
  bool released = false;
  for (int i = 0; i < 100 && !released; ++i) {
    Sleep(100);
    released = Lock(path).state() == Lock::State::Held;
  }
  CHECK(released);
}

TEST_CASE("starting a program that does not exist reports failure") {
  Scratch tmp;
  Lock lock(tmp.path / "refresh.lock");
  CHECK_FALSE(cut::platform::startDetached({(tmp.path / "missing.exe").string()}, lock));
}

TEST_CASE("the file watch wakes on a rename over the file and on a write, not on other files") {
  Scratch tmp;
  const fs::path cache = tmp.path / "usage-cache.json";
  Counter changes;
  FileWatch watch(cache, [&] { changes.bump(); });
  REQUIRE(watch.active());
  write(tmp.path / "unrelated.txt", "x");
  write(tmp.path / ".usage-cache.json.tmp", "{}");
  REQUIRE(MoveFileExW((tmp.path / ".usage-cache.json.tmp").wstring().c_str(), cache.wstring().c_str(),
                      MOVEFILE_REPLACE_EXISTING));
  CHECK(changes.reaches(1));
  const int afterRename = changes.now();
  write(cache, "{\"a\":1}");
  CHECK(changes.reaches(afterRename + 1));
}

TEST_CASE("a file watch on a folder that does not exist is inactive") {
  Scratch tmp;
  FileWatch watch(tmp.path / "missing" / "usage-cache.json", [] {});
  CHECK_FALSE(watch.active());
}

TEST_CASE("a second instance on the same state folder is refused and brings the first forward") {
  Scratch tmp;
  Counter activations;
  SingleInstance first(tmp.path / "state", [&] { activations.bump(); });
  REQUIRE(first.outcome() == SingleInstance::Outcome::First);
  {
    SingleInstance second(tmp.path / "state", [] {});
    CHECK(second.outcome() == SingleInstance::Outcome::AlreadyRunning);
  }
  CHECK(activations.reaches(1));
  SingleInstance elsewhere(tmp.path / "other", [] {});
  CHECK(elsewhere.outcome() == SingleInstance::Outcome::First);
}

// Without the hardening Wine starts its debugger, which prints a backtrace (Windows would start
// Windows Error Reporting); with it the process just ends.
TEST_CASE("a crash after the hardening ends the process with the exception's code, without a report") {
  const HelperRun run = runHelper(L"crash");
  CHECK(run.code == static_cast<DWORD>(EXCEPTION_ACCESS_VIOLATION));
  CHECK(run.output == "");
}

TEST_CASE("the process clock and CPU time are plausible") {
  const auto age = cut::platform::millisecondsSinceProcessStart();
  REQUIRE(age.has_value());
  CHECK(*age > 0.0);
  CHECK(*age < 86'400'000.0);
  CHECK(cut::platform::processCpuSeconds() >= 0.0);
}

}  // namespace windows_platform_test
