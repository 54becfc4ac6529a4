#pragma once
// Internal to the Windows files: handles, error texts and the security descriptors that make a
// file or folder private to this user. Included only from *_windows.cpp files (src/core's, and
// src/platform's lock file and folders, so both mean the same by "private").
//
// "Private" is the Windows counterpart of mode 0600/0700: a protected DACL (inheritance from the
// folder cut off) with one entry granting the current user full control. Nobody else is listed, so
// only the user, and administrators by taking ownership, can get in (see SECURITY.md).

#include <windows.h>

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/files/atomic_file.h"
#include "core/result.h"

namespace cut::core::detail {

/// The system's text for a Win32 error code, e.g. "Access is denied", without the closing full stop
/// and line break (the caller's message punctuates).
std::string win32ErrorText(DWORD code);

/// Closes a handle on scope exit. INVALID_HANDLE_VALUE and null are both "no handle".
class WinHandle {
 public:
  explicit WinHandle(HANDLE handle) : m_handle(handle) {}
  WinHandle(const WinHandle&) = delete;
  WinHandle& operator=(const WinHandle&) = delete;
  ~WinHandle();

  HANDLE get() const { return m_handle; }
  bool valid() const { return m_handle != INVALID_HANDLE_VALUE && m_handle != nullptr; }

 private:
  HANDLE m_handle;
};

/// A security descriptor granting only the current user, for CreateFileW and CreateDirectoryW,
/// so a file is private from the moment it exists. `attributes()` is null when it could not be
/// built (no token); callers then fail rather than create a file others could read.
class PrivateSecurity {
 public:
  PrivateSecurity();
  PrivateSecurity(const PrivateSecurity&) = delete;
  PrivateSecurity& operator=(const PrivateSecurity&) = delete;
  ~PrivateSecurity();

  SECURITY_ATTRIBUTES* attributes() { return m_descriptor != nullptr ? &m_attributes : nullptr; }
  /// The DACL alone, for SetSecurityInfo on an existing file.
  PACL dacl() const;

 private:
  PSECURITY_DESCRIPTOR m_descriptor = nullptr;
  SECURITY_ATTRIBUTES m_attributes{};
};

/// Whether the open file or folder is owned by the current user.
bool ownedByCurrentUser(HANDLE handle);

/// Whether the DACL of the open file or folder allows anyone but the current user, SYSTEM and the
/// Administrators group (the counterparts of root) to do what `mask` names (for example
/// FILE_GENERIC_READ, or FILE_WRITE_DATA | FILE_APPEND_DATA | DELETE). A null DACL allows everyone.
/// Needs READ_CONTROL on the handle.
bool othersAllowed(HANDLE handle, ACCESS_MASK mask);

/// Gives the open file the private DACL (needs WRITE_DAC); false with GetLastError() set on failure.
bool makePrivate(HANDLE handle);

/// Attributes of the open file: whether it is a plain file (not a folder, not a reparse point such
/// as a symlink), and its identity.
struct HandleInfo {
  bool regular = false;
  bool directory = false;
  bool reparsePoint = false;
  std::uint64_t volume = 0;
  std::uint64_t index = 0;
  std::int64_t size = 0;
  std::int64_t mtimeNs = 0;  ///< since the Unix epoch
};
bool handleInfo(HANDLE handle, HandleInfo& info);

/// Reads an open file to its end, at most `maxBytes` (a longer file is `tooLarge`, found after
/// reading at most `maxBytes + 1` bytes). `path` only names the file in messages.
Result<std::string, ReadError> readOpenHandle(HANDLE handle, const std::filesystem::path& path,
                                              std::size_t maxBytes);

/// Whether a Win32 error means "nothing there".
inline bool isMissing(DWORD code) { return code == ERROR_FILE_NOT_FOUND || code == ERROR_PATH_NOT_FOUND; }

}  // namespace cut::core::detail
