// The atomic writer on Windows: a temporary file beside the target, created private when the mode
// has no group or other bits (see win32_files.h), held open without sharing while it is filled and
// flushed (FlushFileBuffers), then moved over the target with MoveFileExW(MOVEFILE_REPLACE_EXISTING
// | MOVEFILE_WRITE_THROUGH). The moved file keeps its own security descriptor, as a renamed file
// keeps its mode on POSIX; ReplaceFileW would instead copy the old file's ACL onto the new content,
// so a key file others could read would stay readable.

#include "core/files/atomic_file.h"
#include "core/files/atomic_write_steps.h"
#include "core/files/temp_name.h"
#include "core/files/win32_files.h"

namespace cut::core {
namespace {

using detail::win32ErrorText;
using detail::WinHandle;

FileError fileError(const std::filesystem::path& path, std::string_view what, DWORD err) {
  return FileError{.message = "cannot write " + path.string() + ": " + std::string(what) + " (" +
                              win32ErrorText(err) + ")"};
}

bool wantsPrivate(mode_t mode) { return (mode & 077) == 0; }

std::wstring tempPrefix(const std::filesystem::path& name) { return L"." + name.wstring() + L".tmp-"; }

Result<Done, FileError> writeAll(HANDLE handle, const std::filesystem::path& target,
                                 std::string_view content) {
  while (!content.empty()) {
    const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(content.size(), 1u << 30));
    DWORD written = 0;
    if (!::WriteFile(handle, content.data(), chunk, &written, nullptr))
      return fail(fileError(target, "write failed", ::GetLastError()));
    content.remove_prefix(written);
  }
  return Done{};
}

}  // namespace

namespace atomic_write {

FileError notAFileName(const std::filesystem::path& target) {
  return fileError(target, "not a file name", ERROR_INVALID_NAME);
}

// Creates each missing folder of `dir`, private; existing folders are kept as they are.
Result<Done, FileError> makeParents(const std::filesystem::path& target, const std::filesystem::path& dir) {
  detail::PrivateSecurity security;
  std::filesystem::path current;
  for (const auto& part : dir) {
    current /= part;
    if (current == current.root_name() || current == current.root_path()) continue;  // "C:" or "C:\"
    if (::CreateDirectoryW(current.wstring().c_str(), security.attributes())) continue;
    const DWORD err = ::GetLastError();
    if (err != ERROR_ALREADY_EXISTS && err != ERROR_ACCESS_DENIED)
      return fail(fileError(target, "cannot create folder " + current.string(), err));
    const DWORD attributes = ::GetFileAttributesW(current.wstring().c_str());
    if (attributes == INVALID_FILE_ATTRIBUTES)
      return fail(fileError(target, "cannot create folder " + current.string(), err));
    if ((attributes & FILE_ATTRIBUTE_DIRECTORY) == 0)
      return fail(fileError(target, current.string() + " is not a folder", ERROR_DIRECTORY));
  }
  return Done{};
}

// A writer holds its temporary open without sharing from creation to the move, so a temporary that
// can be opened belongs to a writer that died and would otherwise keep its content, a session key
// perhaps, forever. Only plain files of this user are removed.
void removeStaleTemporaries(const std::filesystem::path& dir, const std::filesystem::path& name) {
  WIN32_FIND_DATAW found{};
  const std::wstring pattern = (dir / (tempPrefix(name) + L"*")).wstring();
  HANDLE search = ::FindFirstFileW(pattern.c_str(), &found);
  if (search == INVALID_HANDLE_VALUE) return;
  do {
    const std::filesystem::path file = dir / found.cFileName;
    WinHandle handle(::CreateFileW(file.wstring().c_str(), DELETE | READ_CONTROL | FILE_READ_ATTRIBUTES, 0,
                                   nullptr, OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, nullptr));
    if (!handle.valid()) continue;
    detail::HandleInfo info;
    if (!detail::handleInfo(handle.get(), info) || !info.regular || !detail::ownedByCurrentUser(handle.get()))
      continue;
    FILE_DISPOSITION_INFO dispose{};
    dispose.DeleteFile = TRUE;
    ::SetFileInformationByHandle(handle.get(), FileDispositionInfo, &dispose, sizeof dispose);
  } while (::FindNextFileW(search, &found));
  ::FindClose(search);
}

// One attempt: a new temporary filled, flushed, closed, then moved over `path`. Sets `retry` when
// another process's clean-up removed the temporary between the close and the move.
Result<Done, FileError> writeOnce(const std::filesystem::path& path, const std::filesystem::path& dir,
                                  std::string_view content, mode_t mode, bool& retry) {
  detail::PrivateSecurity security;
  SECURITY_ATTRIBUTES* attributes = nullptr;
  if (wantsPrivate(mode)) {
    attributes = security.attributes();
    if (attributes == nullptr) return fail(fileError(path, "cannot make a private file", ::GetLastError()));
  }
  std::filesystem::path temp;
  HANDLE raw = INVALID_HANDLE_VALUE;
  for (int attempt = 0; attempt < 100 && raw == INVALID_HANDLE_VALUE; ++attempt) {
    temp = dir / (tempPrefix(path.filename()) + std::filesystem::path(detail::randomTempSuffix()).wstring());
    // CREATE_NEW makes the name ours alone (a planted file or link makes it fail); no sharing
    // keeps the clean-up of other writers away while it is filled.
    raw = ::CreateFileW(temp.wstring().c_str(), GENERIC_WRITE | DELETE, 0, attributes, CREATE_NEW,
                        FILE_ATTRIBUTE_NORMAL, nullptr);
    if (raw == INVALID_HANDLE_VALUE && ::GetLastError() != ERROR_FILE_EXISTS &&
        ::GetLastError() != ERROR_ALREADY_EXISTS)
      return fail(fileError(path, "cannot create a temporary file", ::GetLastError()));
  }
  if (raw == INVALID_HANDLE_VALUE)
    return fail(fileError(path, "cannot create a temporary file", ERROR_FILE_EXISTS));

  Result<Done, FileError> filled = Done{};
  {
    WinHandle handle(raw);
    filled = writeAll(handle.get(), path, content);
    if (filled && !::FlushFileBuffers(handle.get()))
      filled = fail(fileError(path, "cannot flush to disk", ::GetLastError()));
  }
  if (filled && !::MoveFileExW(temp.wstring().c_str(), path.wstring().c_str(),
                               MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const DWORD err = ::GetLastError();
    retry = detail::isMissing(err);
    filled = fail(fileError(path, "cannot replace the file", err));
  }
  if (!filled) ::DeleteFileW(temp.wstring().c_str());
  return filled;
}

// MOVEFILE_WRITE_THROUGH already returned only once the move was on disk.
void syncFolder(const std::filesystem::path&) {}

}  // namespace atomic_write

Result<std::string, ReadError> readFile(const std::filesystem::path& path, std::size_t maxBytes) {
  // Sharing everything: a reader never stops a writer from moving a new file into place.
  WinHandle handle(::CreateFileW(path.wstring().c_str(), GENERIC_READ,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                 OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
  if (!handle.valid()) {
    const DWORD err = ::GetLastError();
    const DWORD attributes = ::GetFileAttributesW(path.wstring().c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0)
      return fail(ReadError{.message = path.string() + " is not a regular file"});
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + win32ErrorText(err),
                          .missing = detail::isMissing(err)});
  }
  return detail::readOpenHandle(handle.get(), path, maxBytes);
}

}  // namespace cut::core
