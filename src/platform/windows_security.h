#pragma once
// Windows meanings of "owner-only" for the platform files: the 0600 and the st_uid check of the
// POSIX files. Internal to src/platform; Windows only (windows_security.cpp).

#include <windows.h>

#include <string>

namespace cut::platform::windows {

/// A security descriptor whose protected DACL grants the current user full access and nobody else
/// any (no inherited entries: a folder's looser ACL does not reach the object). For a folder the
/// entry is inherited by what is created in it. `attributes()` is for CreateFileW and friends;
/// null when the user's SID could not be read, and the object then gets the default of its place.
class OwnerOnly {
 public:
  enum class For { File, Folder };
  explicit OwnerOnly(For what = For::File);
  ~OwnerOnly();
  OwnerOnly(const OwnerOnly&) = delete;
  OwnerOnly& operator=(const OwnerOnly&) = delete;

  SECURITY_ATTRIBUTES* attributes() { return m_descriptor ? &m_attributes : nullptr; }

 private:
  PSECURITY_DESCRIPTOR m_descriptor = nullptr;
  SECURITY_ATTRIBUTES m_attributes{};
};

/// True when the object behind `handle` is owned by this process's user, or by the token's default
/// owner (an elevated administrator's files are owned by the Administrators group).
bool ownedByCurrentUser(HANDLE handle);

/// The current user's SID as "S-1-5-21-...", or empty.
std::wstring currentUserSid();

/// FormatMessageW's text for `code`, in UTF-8, without the trailing line break.
std::string errorText(DWORD code);

}  // namespace cut::platform::windows
