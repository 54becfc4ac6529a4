#include "platform/windows_security.h"

#include <aclapi.h>
#include <sddl.h>

#include <vector>

#include "platform/windows_text.h"

namespace cut::platform::windows {
namespace {

// A TOKEN_USER or TOKEN_OWNER of this process's token, in a buffer sized by the first call.
std::vector<unsigned char> tokenInformation(TOKEN_INFORMATION_CLASS kind) {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return {};
  DWORD size = 0;
  GetTokenInformation(token, kind, nullptr, 0, &size);
  std::vector<unsigned char> buffer(size);
  if (size == 0 || !GetTokenInformation(token, kind, buffer.data(), size, &size)) buffer.clear();
  CloseHandle(token);
  // Returned without a copy: the SID pointers inside point into this very buffer.
  return buffer;
}

PSID userSid(std::vector<unsigned char>& buffer) {
  buffer = tokenInformation(TokenUser);
  return buffer.empty() ? nullptr : reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid;
}

}  // namespace

std::wstring currentUserSid() {
  std::vector<unsigned char> buffer;
  PSID sid = userSid(buffer);
  LPWSTR text = nullptr;
  if (!sid || !ConvertSidToStringSidW(sid, &text)) return {};
  std::wstring result(text);
  LocalFree(text);
  return result;
}

OwnerOnly::OwnerOnly(For what) {
  const std::wstring sid = currentUserSid();
  if (sid.empty()) return;
  // P: protected (nothing inherited from above); one entry: full access for this user, passed on
  // to files (OI) and folders (CI) created inside a folder.
  const std::wstring sddl =
      std::wstring(what == For::Folder ? L"D:P(A;OICI;FA;;;" : L"D:P(A;;FA;;;") + sid + L")";
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &m_descriptor,
                                                            nullptr)) {
    m_descriptor = nullptr;
    return;
  }
  m_attributes.nLength = sizeof m_attributes;
  m_attributes.lpSecurityDescriptor = m_descriptor;
  m_attributes.bInheritHandle = FALSE;
}

OwnerOnly::~OwnerOnly() {
  if (m_descriptor) LocalFree(m_descriptor);
}

bool ownedByCurrentUser(HANDLE handle) {
  PSID owner = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  if (GetSecurityInfo(handle, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, nullptr, nullptr, nullptr,
                      &descriptor) != ERROR_SUCCESS)
    return false;
  std::vector<unsigned char> user;
  PSID userId = userSid(user);
  const auto defaultOwner = tokenInformation(TokenOwner);
  const bool mine = owner != nullptr &&
                    ((userId && EqualSid(owner, userId)) ||
                     (!defaultOwner.empty() &&
                      EqualSid(owner, reinterpret_cast<const TOKEN_OWNER*>(defaultOwner.data())->Owner)));
  LocalFree(descriptor);
  return mine;
}

std::string errorText(DWORD code) {
  LPWSTR text = nullptr;
  const DWORD length = FormatMessageW(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
      code, 0, reinterpret_cast<LPWSTR>(&text), 0, nullptr);
  std::wstring wide = length > 0 ? std::wstring(text, length) : L"error " + std::to_wstring(code);
  if (text) LocalFree(text);
  while (!wide.empty() && (wide.back() == L'\n' || wide.back() == L'\r' || wide.back() == L'.'))
    wide.pop_back();
  return narrow(wide);
}

}  // namespace cut::platform::windows
