#include <shlobj.h>

#include <cstdlib>

#include "core/files/file_system.h"
#include "core/files/win32_files.h"

namespace cut::core::detail {

Result<Done, std::string> makePrivateDir(const std::filesystem::path& dir) {
  PrivateSecurity security;
  if (security.attributes() == nullptr) return fail(std::string("cannot make a private folder"));
  if (::CreateDirectoryW(dir.wstring().c_str(), security.attributes()) ||
      ::GetLastError() == ERROR_ALREADY_EXISTS)
    return Done{};
  return fail(win32ErrorText(::GetLastError()));
}

Result<Done, std::string> removeFile(const std::filesystem::path& path) {
  // DeleteFileW removes a symbolic link itself, never its target.
  if (!::DeleteFileW(path.wstring().c_str()) && !isMissing(::GetLastError()))
    return fail(win32ErrorText(::GetLastError()));
  return Done{};
}

MoveOutcome moveNoReplace(const std::filesystem::path& from, const std::filesystem::path& to,
                          std::string& why) {
  // Without MOVEFILE_REPLACE_EXISTING the move fails on an existing name, atomically.
  if (::MoveFileExW(from.wstring().c_str(), to.wstring().c_str(), MOVEFILE_WRITE_THROUGH))
    return MoveOutcome::Moved;
  const DWORD err = ::GetLastError();
  if (err == ERROR_ALREADY_EXISTS || err == ERROR_FILE_EXISTS) return MoveOutcome::TargetExists;
  if (isMissing(err)) return MoveOutcome::SourceMissing;
  why = win32ErrorText(err);
  return MoveOutcome::Failed;
}

std::optional<FileInfo> fileInfo(const std::filesystem::path& path) {
  WinHandle handle(::CreateFileW(path.wstring().c_str(), FILE_READ_ATTRIBUTES,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                 OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
  HandleInfo info;
  if (!handle.valid() || !handleInfo(handle.get(), info)) return std::nullopt;
  return FileInfo{.mtimeNs = info.mtimeNs, .size = info.size, .device = info.volume, .inode = info.index};
}

std::optional<unsigned> permissionBits(const std::filesystem::path& path) {
  const DWORD attributes = ::GetFileAttributesW(path.wstring().c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) return std::nullopt;
  return (attributes & FILE_ATTRIBUTE_READONLY) != 0 ? 0444u : 0644u;
}

std::optional<std::filesystem::path> homeFromEnvironment() {
  const wchar_t* home = ::_wgetenv(L"USERPROFILE");
  if (home == nullptr || home[0] == L'\0') return std::nullopt;
  return std::filesystem::path(home);
}

std::filesystem::path homeFromAccount() {
  wchar_t* folder = nullptr;
  std::filesystem::path home = "/";
  if (::SHGetKnownFolderPath(FOLDERID_Profile, 0, nullptr, &folder) == S_OK) home = folder;
  ::CoTaskMemFree(folder);
  return home;
}

bool isOwnFile(const std::filesystem::path& path, bool) {
  WinHandle handle(::CreateFileW(path.wstring().c_str(), READ_CONTROL | FILE_READ_ATTRIBUTES,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                 OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
  HandleInfo info;
  return handle.valid() && handleInfo(handle.get(), info) && info.regular && ownedByCurrentUser(handle.get());
}

Result<SecretText, SecretReadError> readSecretFile(const std::filesystem::path& path, std::size_t maxBytes) {
  using Kind = SecretReadError::Kind;
  constexpr DWORD kShare = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
  // WRITE_DAC to tighten through this handle, so a link swapped after opening cannot redirect it; a
  // file the user may read but not re-permission is opened for reading and checked.
  HANDLE raw = ::CreateFileW(path.wstring().c_str(), GENERIC_READ | READ_CONTROL | WRITE_DAC, kShare, nullptr,
                             OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (raw == INVALID_HANDLE_VALUE && ::GetLastError() == ERROR_ACCESS_DENIED)
    raw = ::CreateFileW(path.wstring().c_str(), GENERIC_READ | READ_CONTROL, kShare, nullptr, OPEN_EXISTING,
                        FILE_ATTRIBUTE_NORMAL, nullptr);
  if (raw == INVALID_HANDLE_VALUE) {
    const DWORD err = ::GetLastError();
    const DWORD attributes = ::GetFileAttributesW(path.wstring().c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0)
      return fail(SecretReadError{.kind = Kind::NotRegular});
    return fail(SecretReadError{.kind = isMissing(err) ? Kind::Missing : Kind::Unreadable,
                                .why = win32ErrorText(err)});
  }
  WinHandle handle(raw);
  // A device (NUL, CON) or a named pipe has no file information to give; it is refused as a FIFO
  // is on POSIX, by what it is rather than by the error asking would bring.
  if (::GetFileType(handle.get()) != FILE_TYPE_DISK) return fail(SecretReadError{.kind = Kind::NotRegular});
  HandleInfo info;
  if (!handleInfo(handle.get(), info))
    return fail(SecretReadError{.kind = Kind::Unreadable, .why = win32ErrorText(::GetLastError())});
  if (!info.regular) return fail(SecretReadError{.kind = Kind::NotRegular});
  SecretText secret;
  if (othersAllowed(handle.get(), FILE_READ_DATA)) {
    if (!makePrivate(handle.get()))
      return fail(SecretReadError{.kind = Kind::CannotTighten, .why = win32ErrorText(::GetLastError())});
    secret.tightened = true;
  }
  auto text = readOpenHandle(handle.get(), path, maxBytes);
  if (!text)
    return fail(SecretReadError{.kind = text.error().tooLarge ? Kind::TooLarge : Kind::ReadFailed,
                                .why = text.error().message});
  secret.text = std::move(text).value();
  return secret;
}

std::string makePrivateByHand(const std::filesystem::path& path) {
  return "give it to your account alone in its Properties > Security, or run: icacls \"" + path.string() +
         "\" /inheritance:r /grant:r \"%USERNAME%:F\"";
}

std::string tightenedDescription() { return "only your account can read it now"; }

}  // namespace cut::core::detail
