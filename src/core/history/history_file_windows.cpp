#include "core/claude/usage_parser.h"
#include "core/files/win32_files.h"
#include "core/history/history_file.h"

namespace cut::core::detail {
namespace {

HistoryError fileError(const std::filesystem::path& path, const std::string& what) {
  return HistoryError{.message = path.string() + ": " + what};
}

// Each missing folder is created private, as on POSIX (0700).
bool makeFolders(const std::filesystem::path& folder, PrivateSecurity& security) {
  if (folder.empty() || ::GetFileAttributesW(folder.wstring().c_str()) != INVALID_FILE_ATTRIBUTES)
    return true;
  if (folder.has_parent_path() && folder.parent_path() != folder &&
      !makeFolders(folder.parent_path(), security))
    return false;
  return ::CreateDirectoryW(folder.wstring().c_str(), security.attributes()) ||
         ::GetLastError() == ERROR_ALREADY_EXISTS;
}

// "2026-11-30T04:16:36Z" → "20261130T041636Z": no colons in a file name.
std::string compactTime(TimePoint now) {
  std::string text;
  for (const char c : formatIsoTimeUtc(now))
    if (c != '-' && c != ':') text += c;
  return text;
}

bool pathExists(const std::filesystem::path& path) {
  return ::GetFileAttributesW(path.wstring().c_str()) != INVALID_FILE_ATTRIBUTES;
}

}  // namespace

Result<FileIdentity, HistoryError> prepareHistoryFile(const std::filesystem::path& path) {
  PrivateSecurity security;
  if (security.attributes() == nullptr) return fail(fileError(path, "cannot make a private file"));
  if (!makeFolders(path.parent_path(), security))
    return fail(
        fileError(path.parent_path(), "cannot create the folder: " + win32ErrorText(::GetLastError())));
  WinHandle handle(
      ::CreateFileW(path.wstring().c_str(), GENERIC_READ | GENERIC_WRITE | READ_CONTROL | WRITE_DAC,
                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, security.attributes(),
                    OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
  if (!handle.valid()) return fail(fileError(path, "cannot open: " + win32ErrorText(::GetLastError())));
  HandleInfo info;
  if (!handleInfo(handle.get(), info))
    return fail(fileError(path, "cannot read its status: " + win32ErrorText(::GetLastError())));
  if (info.reparsePoint) return fail(fileError(path, "is a symbolic link; not followed"));
  if (!info.regular) return fail(fileError(path, "is not a regular file"));
  if (!ownedByCurrentUser(handle.get())) return fail(fileError(path, "belongs to another user"));
  if (othersAllowed(handle.get(), FILE_READ_DATA | FILE_WRITE_DATA) && !makePrivate(handle.get()))
    return fail(fileError(path, "cannot make it private: " + win32ErrorText(::GetLastError())));
  return FileIdentity{info.volume, info.index};
}

std::filesystem::path setAsideHistory(const std::filesystem::path& path, FileIdentity expected,
                                      TimePoint now) {
  {
    WinHandle handle(::CreateFileW(path.wstring().c_str(), FILE_READ_ATTRIBUTES,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                   OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
    HandleInfo info;
    if (!handle.valid() || !handleInfo(handle.get(), info) || info.volume != expected.device ||
        info.index != expected.inode)
      return {};
  }
  const std::string base = path.string() + ".bad-" + compactTime(now);
  std::filesystem::path target = base;
  for (int n = 2; pathExists(target) && n < 1000; ++n) target = base + "-" + std::to_string(n);
  if (!::MoveFileExW(path.wstring().c_str(), target.wstring().c_str(), MOVEFILE_WRITE_THROUGH)) return {};
  // The -wal belongs to the file set aside: left behind, it could be replayed into the new one.
  const std::filesystem::path wal = path.string() + "-wal";
  const std::filesystem::path walTarget = target.string() + "-wal";
  (void)::MoveFileExW(wal.wstring().c_str(), walTarget.wstring().c_str(), MOVEFILE_WRITE_THROUGH);
  const std::filesystem::path shm = path.string() + "-shm";
  (void)::DeleteFileW(shm.wstring().c_str());
  return target;
}

}  // namespace cut::core::detail
