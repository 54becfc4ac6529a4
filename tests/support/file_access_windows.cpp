// The Windows side of file_access.h, and dacl_windows.h: DACLs through the Win32 security API and
// file indexes through GetFileInformationByHandle.
#include <aclapi.h>
#include <sddl.h>
#include <windows.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "support/dacl_windows.h"
#include "support/file_access.h"

namespace cut::test {
namespace {

struct LocalFreer {
  void operator()(void* p) const { ::LocalFree(p); }
};

std::wstring sidText(PSID sid) {
  wchar_t* text = nullptr;
  if (!::ConvertSidToStringSidW(sid, &text)) throw std::runtime_error("ConvertSidToStringSidW failed");
  std::unique_ptr<void, LocalFreer> owner(text);
  return text;
}

std::string narrow(const std::wstring& text) { return std::filesystem::path(text).string(); }

// Gives `path` a protected DACL: Everyone with `everyone` rights (SDDL, e.g. FR), this user full
// control, both inherited by what a folder holds.
void loosen(const std::filesystem::path& path, const std::wstring& everyone) {
  const std::wstring inherit = std::filesystem::is_directory(path) ? L"OICI" : L"";
  setDacl(path, L"D:P(A;" + inherit + L";" + everyone + L";;;WD)(A;" + inherit + L";FA;;;" +
                    currentUserSid() + L")");
}

}  // namespace

std::wstring currentUserSid() {
  HANDLE token = nullptr;
  if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token))
    throw std::runtime_error("OpenProcessToken failed");
  DWORD size = 0;
  ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<BYTE> buffer(size);
  const bool ok = ::GetTokenInformation(token, TokenUser, buffer.data(), size, &size);
  ::CloseHandle(token);
  if (!ok) throw std::runtime_error("GetTokenInformation failed");
  return sidText(reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid);
}

std::optional<Dacl> readDacl(const std::filesystem::path& path) {
  PACL acl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (::GetNamedSecurityInfoW(path.wstring().c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                              nullptr, &acl, nullptr, &descriptor) != ERROR_SUCCESS)
    return std::nullopt;
  std::unique_ptr<void, LocalFreer> owner(descriptor);
  Dacl dacl;
  dacl.isNull = acl == nullptr;
  for (DWORD i = 0; acl != nullptr && i < acl->AceCount; ++i) {
    void* entry = nullptr;
    if (!::GetAce(acl, i, &entry)) return std::nullopt;
    if (static_cast<ACE_HEADER*>(entry)->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    const auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(entry);
    dacl.allowed.push_back(sidText(const_cast<DWORD*>(&allowed->SidStart)));
    dacl.masks.push_back(allowed->Mask);
  }
  return dacl;
}

void setDacl(const std::filesystem::path& path, const std::wstring& sddl) {
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (!::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &descriptor,
                                                              nullptr))
    throw std::runtime_error("cannot build a security descriptor");
  std::unique_ptr<void, LocalFreer> owner(descriptor);
  BOOL present = FALSE, defaulted = FALSE;
  PACL acl = nullptr;
  ::GetSecurityDescriptorDacl(descriptor, &present, &acl, &defaulted);
  if (::SetNamedSecurityInfoW(const_cast<wchar_t*>(path.wstring().c_str()), SE_FILE_OBJECT,
                              DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                              nullptr, acl, nullptr) != ERROR_SUCCESS)
    throw std::runtime_error("cannot set the DACL of " + path.string());
}

std::string othersWithAccess(const std::filesystem::path& path) {
  const std::optional<Dacl> dacl = readDacl(path);
  if (!dacl) return "unknown: cannot read the DACL of " + path.string();
  if (dacl->isNull) return "everyone, by a null DACL";
  const std::wstring me = currentUserSid();
  std::string others;
  for (std::size_t i = 0; i < dacl->allowed.size(); ++i) {
    const std::wstring& sid = dacl->allowed[i];
    if (sid == me || sid == L"S-1-5-18" || sid == L"S-1-5-32-544" || dacl->masks[i] == 0) continue;
    char mask[16];
    std::snprintf(mask, sizeof mask, "%#lx", static_cast<unsigned long>(dacl->masks[i]));
    others += (others.empty() ? "" : ", ") + narrow(sid) + " with rights " + mask;
  }
  return others;
}

void makeReadableByOthers(const std::filesystem::path& path) { loosen(path, L"FR"); }

void makeWritableByOthers(const std::filesystem::path& path) { loosen(path, L"FA"); }

std::uint64_t fileIdentity(const std::filesystem::path& path) {
  HANDLE handle = ::CreateFileW(
      path.wstring().c_str(), FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
      nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return 0;
  BY_HANDLE_FILE_INFORMATION info{};
  const bool ok = ::GetFileInformationByHandle(handle, &info);
  ::CloseHandle(handle);
  if (!ok) return 0;
  return (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
}

}  // namespace cut::test
