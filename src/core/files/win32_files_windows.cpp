#include <aclapi.h>
#include <sddl.h>

#include <memory>
#include <vector>

#include "core/files/win32_files.h"

namespace cut::core::detail {
namespace {

// The current user's SID, from the process token; empty when the token cannot be read.
std::vector<BYTE> currentUserSid() {
  HANDLE token = nullptr;
  if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
  WinHandle guard(token);
  DWORD size = 0;
  ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<BYTE> buffer(size);
  if (size == 0 || !::GetTokenInformation(token, TokenUser, buffer.data(), size, &size)) return {};
  const PSID sid = reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
  std::vector<BYTE> copy(::GetLengthSid(sid));
  if (!::CopySid(static_cast<DWORD>(copy.size()), copy.data(), sid)) return {};
  return copy;
}

const std::vector<BYTE>& userSid() {
  static const std::vector<BYTE> sid = currentUserSid();
  return sid;
}

bool isWellKnown(PSID sid, WELL_KNOWN_SID_TYPE type) { return ::IsWellKnownSid(sid, type) != FALSE; }

struct LocalFreeDeleter {
  void operator()(void* p) const { ::LocalFree(p); }
};

}  // namespace

std::string win32ErrorText(DWORD code) {
  wchar_t* text = nullptr;
  const DWORD length = ::FormatMessageW(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
      code, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), reinterpret_cast<wchar_t*>(&text), 0, nullptr);
  std::unique_ptr<void, LocalFreeDeleter> owner(text);
  if (length == 0 || text == nullptr) return "error " + std::to_string(code);
  std::wstring wide(text, length);
  // The system's sentences end with a full stop; the callers' messages put their own punctuation
  // after the text ("Cannot read X: Access is denied."), so it is dropped here.
  while (!wide.empty() &&
         (wide.back() == L'\n' || wide.back() == L'\r' || wide.back() == L' ' || wide.back() == L'.'))
    wide.pop_back();
  const int bytes = ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), nullptr, 0,
                                          nullptr, nullptr);
  std::string narrow(static_cast<std::size_t>(bytes > 0 ? bytes : 0), '\0');
  if (bytes > 0)
    ::WideCharToMultiByte(CP_UTF8, 0, wide.data(), static_cast<int>(wide.size()), narrow.data(), bytes,
                          nullptr, nullptr);
  return narrow;
}

WinHandle::~WinHandle() {
  if (valid()) ::CloseHandle(m_handle);
}

PrivateSecurity::PrivateSecurity() {
  const auto& sid = userSid();
  if (sid.empty()) return;
  wchar_t* sidText = nullptr;
  if (!::ConvertSidToStringSidW(const_cast<BYTE*>(sid.data()), &sidText)) return;
  std::unique_ptr<void, LocalFreeDeleter> owner(sidText);
  // Owner: the user. DACL: protected (P: nothing inherited from the folder), one entry giving the
  // user full access (FA), inherited by what a folder made with it will hold (OICI).
  const std::wstring sddl = L"O:" + std::wstring(sidText) + L"D:P(A;OICI;FA;;;" + sidText + L")";
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (!::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &descriptor,
                                                              nullptr))
    return;
  m_descriptor = descriptor;
  m_attributes.nLength = sizeof m_attributes;
  m_attributes.lpSecurityDescriptor = m_descriptor;
  m_attributes.bInheritHandle = FALSE;
}

PrivateSecurity::~PrivateSecurity() {
  if (m_descriptor != nullptr) ::LocalFree(m_descriptor);
}

PACL PrivateSecurity::dacl() const {
  if (m_descriptor == nullptr) return nullptr;
  BOOL present = FALSE;
  BOOL defaulted = FALSE;
  PACL acl = nullptr;
  if (!::GetSecurityDescriptorDacl(m_descriptor, &present, &acl, &defaulted) || !present) return nullptr;
  return acl;
}

bool ownedByCurrentUser(HANDLE handle) {
  const auto& sid = userSid();
  if (sid.empty()) return false;
  PSID owner = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (::GetSecurityInfo(handle, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, nullptr, nullptr, nullptr,
                        &descriptor) != ERROR_SUCCESS)
    return false;
  std::unique_ptr<void, LocalFreeDeleter> free(descriptor);
  return owner != nullptr && ::EqualSid(owner, const_cast<BYTE*>(sid.data()));
}

bool othersAllowed(HANDLE handle, ACCESS_MASK mask) {
  const auto& sid = userSid();
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (::GetSecurityInfo(handle, SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &dacl, nullptr,
                        &descriptor) != ERROR_SUCCESS)
    return true;  // unknown: assume the worst
  std::unique_ptr<void, LocalFreeDeleter> free(descriptor);
  if (dacl == nullptr) return true;
  // The generic rights an entry may hold stand for these specific ones on files.
  GENERIC_MAPPING mapping{FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
  for (DWORD i = 0; i < dacl->AceCount; ++i) {
    void* entry = nullptr;
    if (!::GetAce(dacl, i, &entry)) return true;
    const auto* header = static_cast<ACE_HEADER*>(entry);
    if (header->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    if ((header->AceFlags & INHERIT_ONLY_ACE) != 0) continue;  // applies to children only
    auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
    const PSID who = &allowed->SidStart;
    if (!sid.empty() && ::EqualSid(who, const_cast<BYTE*>(sid.data()))) continue;
    if (isWellKnown(who, WinLocalSystemSid) || isWellKnown(who, WinBuiltinAdministratorsSid)) continue;
    ACCESS_MASK rights = allowed->Mask;
    ::MapGenericMask(&rights, &mapping);
    if ((rights & mask) != 0) return true;
  }
  return false;
}

bool makePrivate(HANDLE handle) {
  PrivateSecurity security;
  PACL acl = security.dacl();
  if (acl == nullptr) return false;
  const DWORD rc = ::SetSecurityInfo(handle, SE_FILE_OBJECT,
                                     DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                     nullptr, acl, nullptr);
  if (rc != ERROR_SUCCESS) ::SetLastError(rc);
  return rc == ERROR_SUCCESS;
}

bool handleInfo(HANDLE handle, HandleInfo& info) {
  BY_HANDLE_FILE_INFORMATION data{};
  if (!::GetFileInformationByHandle(handle, &data)) return false;
  info.directory = (data.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
  info.reparsePoint = (data.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
  info.regular = !info.directory && !info.reparsePoint && ::GetFileType(handle) == FILE_TYPE_DISK;
  info.volume = data.dwVolumeSerialNumber;
  info.index = (static_cast<std::uint64_t>(data.nFileIndexHigh) << 32) | data.nFileIndexLow;
  info.size =
      static_cast<std::int64_t>((static_cast<std::uint64_t>(data.nFileSizeHigh) << 32) | data.nFileSizeLow);
  // FILETIME counts 100 ns steps from 1601-01-01; the Unix epoch is 11644473600 s later.
  const std::uint64_t ticks = (static_cast<std::uint64_t>(data.ftLastWriteTime.dwHighDateTime) << 32) |
                              data.ftLastWriteTime.dwLowDateTime;
  info.mtimeNs = (static_cast<std::int64_t>(ticks) - 116'444'736'000'000'000) * 100;
  return true;
}

Result<std::string, ReadError> readOpenHandle(HANDLE handle, const std::filesystem::path& path,
                                              std::size_t maxBytes) {
  auto tooLarge = [&] {
    return fail(ReadError{.message = path.string() + " is larger than " + std::to_string(maxBytes) + " bytes",
                          .tooLarge = true});
  };
  // A device (NUL, CON) or a named pipe has no file information: refused for what it is.
  if (::GetFileType(handle) != FILE_TYPE_DISK)
    return fail(ReadError{.message = path.string() + " is not a regular file"});
  HandleInfo info;
  if (!handleInfo(handle, info))
    return fail(
        ReadError{.message = "cannot read " + path.string() + ": " + win32ErrorText(::GetLastError())});
  if (!info.regular) return fail(ReadError{.message = path.string() + " is not a regular file"});
  if (info.size > 0 && static_cast<std::uint64_t>(info.size) > maxBytes) return tooLarge();

  // The size can change under us (a file being appended to), so the cap is enforced while reading too.
  std::string data;
  char buffer[8192];
  for (;;) {
    DWORD got = 0;
    if (!::ReadFile(handle, buffer, sizeof buffer, &got, nullptr))
      return fail(
          ReadError{.message = "cannot read " + path.string() + ": " + win32ErrorText(::GetLastError())});
    if (got == 0) break;
    if (data.size() + got > maxBytes) return tooLarge();
    data.append(buffer, got);
  }
  return data;
}

}  // namespace cut::core::detail
