// Private folders on Windows: the folder must be owned by this user and no one else (bar SYSTEM and
// Administrators, root's counterparts) may add, remove or change what it holds. The folders above
// are not walked as on POSIX: a user's profile folders are protected by their own ACLs, and one
// inherited from a writable parent still shows up here as an entry granting others.
#include "core/files/private_dir.h"
#include "core/files/win32_files.h"

namespace cut::core {
namespace {

std::string refuse(const std::filesystem::path& dir, const std::string& why) {
  return "refusing to use " + dir.string() + ": " + why +
         ". Use a folder only you can write to (--config-dir / --state-dir), or give it to your account "
         "alone (Properties > Security).";
}

constexpr ACCESS_MASK kChangeContents =
    FILE_ADD_FILE | FILE_ADD_SUBDIRECTORY | FILE_DELETE_CHILD | DELETE | WRITE_DAC | WRITE_OWNER;

}  // namespace

Result<Done, FileError> checkPrivateDir(const std::filesystem::path& dir) {
  detail::WinHandle handle(::CreateFileW(dir.wstring().c_str(), READ_CONTROL | FILE_READ_ATTRIBUTES,
                                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                         OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr));
  if (!handle.valid()) {
    const DWORD err = ::GetLastError();
    if (detail::isMissing(err)) return Done{};
    return fail(FileError{.message = "cannot check " + dir.string() + ": " + detail::win32ErrorText(err)});
  }
  detail::HandleInfo info;
  if (!detail::handleInfo(handle.get(), info) || !info.directory)
    return fail(FileError{.message = refuse(dir, "it is not a folder")});
  if (!detail::ownedByCurrentUser(handle.get()))
    return fail(FileError{.message = refuse(dir, "it belongs to another user")});
  if (detail::othersAllowed(handle.get(), kChangeContents))
    return fail(FileError{.message = refuse(dir, "other users can write to it")});
  return Done{};
}

Result<std::string, ReadError> readPrivateFile(const std::filesystem::path& path, std::size_t maxBytes) {
  detail::WinHandle handle(::CreateFileW(path.wstring().c_str(), GENERIC_READ | READ_CONTROL,
                                         FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                         OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
  if (!handle.valid()) {
    const DWORD err = ::GetLastError();
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + detail::win32ErrorText(err),
                          .missing = detail::isMissing(err)});
  }
  detail::HandleInfo info;
  if (detail::handleInfo(handle.get(), info) && info.reparsePoint)
    return fail(ReadError{.message = path.string() + " is a symbolic link; it was not followed"});
  if (!detail::ownedByCurrentUser(handle.get()))
    return fail(ReadError{.message = path.string() + " belongs to another user; it was not read"});
  return detail::readOpenHandle(handle.get(), path, maxBytes);
}

}  // namespace cut::core
