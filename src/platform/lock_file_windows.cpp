// LockFile on Windows: LockFileEx on one byte far past the end of the file, so reading and writing
// the file itself is never blocked by the lock (Windows byte-range locks are mandatory). The lock
// belongs to the file object, which an inherited handle shares: it lasts until the last handle to
// it is closed, in whichever process, as an inherited flock does on Linux.
#include <windows.h>

#include <string>

#include "core/files/win32_files.h"
#include "platform/lock_file.h"
#include "platform/windows_text.h"

namespace cut::platform {
namespace {

constexpr DWORD kLockOffsetHigh = 0x7fffffff;

HANDLE handleOf(std::intptr_t file) { return reinterpret_cast<HANDLE>(file); }

OVERLAPPED lockRegion() {
  OVERLAPPED region{};
  region.OffsetHigh = kLockOffsetHigh;
  return region;
}

std::chrono::system_clock::time_point fromFileTime(const FILETIME& time) {
  // FILETIME counts 100 ns steps since 1601-01-01; the system clock counts from 1970-01-01.
  constexpr long long kUnixEpochAsFileTime = 116444736000000000LL;
  const long long ticks = static_cast<long long>(
      (static_cast<unsigned long long>(time.dwHighDateTime) << 32) | time.dwLowDateTime);
  const std::chrono::microseconds sinceUnix((ticks - kUnixEpochAsFileTime) / 10);
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(sinceUnix));
}

}  // namespace

LockFile::LockFile(const std::filesystem::path& path) {
  core::detail::PrivateSecurity security;
  // Delete sharing lets `forget` and cleanup remove the file while a refresh holds it, as on Linux.
  // FILE_FLAG_OPEN_REPARSE_POINT opens a symbolic link itself (refused below), never its target.
  HANDLE file = CreateFileW(path.wstring().c_str(), GENERIC_READ | GENERIC_WRITE,
                            FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, security.attributes(),
                            OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (file == INVALID_HANDLE_VALUE) return;
  BY_HANDLE_FILE_INFORMATION info{};
  // A link, or a lock file planted by another user, is not ours to hold or to touch.
  if (!GetFileInformationByHandle(file, &info) ||
      (info.dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY)) != 0 ||
      !core::detail::ownedByCurrentUser(file)) {
    CloseHandle(file);
    return;
  }
  m_file = reinterpret_cast<std::intptr_t>(file);
  OVERLAPPED region = lockRegion();
  m_state = LockFileEx(file, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &region)
                ? State::Held
                : State::Busy;
}

LockFile::~LockFile() {
  if (m_file != -1) CloseHandle(handleOf(m_file));
}

std::optional<std::chrono::system_clock::time_point> LockFile::lastTouched() const {
  BY_HANDLE_FILE_INFORMATION info{};
  if (m_file == -1 || !GetFileInformationByHandle(handleOf(m_file), &info)) return std::nullopt;
  if (info.nFileSizeHigh == 0 && info.nFileSizeLow == 0) return std::nullopt;
  return fromFileTime(info.ftLastWriteTime);
}

void LockFile::touch() {
  if (m_state != State::Held) return;
  HANDLE file = handleOf(m_file);
  OVERLAPPED start{};
  DWORD written = 0;
  WriteFile(file, "1", 1, &written, &start);
  // NTFS may defer the write time of an open file; set it so another process reads it at once.
  FILETIME now{};
  GetSystemTimeAsFileTime(&now);
  SetFileTime(file, nullptr, nullptr, &now);
}

bool startDetached(const std::vector<std::string>& args, const LockFile& inherited) {
  if (args.empty()) return false;
  std::wstring commandLine;
  for (const std::string& arg : args) {
    if (!commandLine.empty()) commandLine.push_back(L' ');
    commandLine += windows::quoteArgument(windows::widen(arg));
  }
  SECURITY_ATTRIBUTES inheritable{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
  HANDLE nul = CreateFileW(L"NUL", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           &inheritable, OPEN_EXISTING, 0, nullptr);
  if (nul == INVALID_HANDLE_VALUE) return false;

  // Only these handles reach the child: a pipe from Claude Code would keep it waiting for EOF.
  HANDLE lock = handleOf(inherited.m_file);
  HANDLE handles[2] = {nul, lock};
  const DWORD handleCount = inherited.m_file != -1 ? 2 : 1;
  if (handleCount == 2) SetHandleInformation(lock, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
  SIZE_T size = 0;
  InitializeProcThreadAttributeList(nullptr, 1, 0, &size);
  std::string attributeBuffer(size, '\0');
  auto* attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributeBuffer.data());
  bool started = false;
  if (InitializeProcThreadAttributeList(attributes, 1, 0, &size) &&
      UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, handles,
                                handleCount * sizeof(HANDLE), nullptr, nullptr)) {
    STARTUPINFOEXW startup{};
    startup.StartupInfo.cb = sizeof startup;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = nul;
    startup.StartupInfo.hStdOutput = nul;
    startup.StartupInfo.hStdError = nul;
    const std::wstring program = windows::widen(args[0]);
    const DWORD flags = EXTENDED_STARTUPINFO_PRESENT | DETACHED_PROCESS | CREATE_NEW_PROCESS_GROUP;
    PROCESS_INFORMATION process{};
    // Out of the caller's job where it allows that (a terminal or Node closing its job would
    // otherwise end the refresh half way); inside it where it does not.
    for (const DWORD extra : {static_cast<DWORD>(CREATE_BREAKAWAY_FROM_JOB), static_cast<DWORD>(0)}) {
      std::wstring mutableLine = commandLine;  // CreateProcessW may write into it
      if (CreateProcessW(program.c_str(), mutableLine.data(), nullptr, nullptr, TRUE, flags | extra, nullptr,
                         nullptr, &startup.StartupInfo, &process)) {
        started = true;
        break;
      }
    }
    if (started) {
      CloseHandle(process.hThread);
      CloseHandle(process.hProcess);
    }
    DeleteProcThreadAttributeList(attributes);
  }
  if (handleCount == 2) SetHandleInformation(lock, HANDLE_FLAG_INHERIT, 0);
  CloseHandle(nul);
  return started;
}

}  // namespace cut::platform
