// The Windows meanings of the file code, checked on real files through the Win32 security API
// itself (not through the code under test): a private file's DACL grants this user alone, replace
// is atomic, a lock excludes a second handle, and looser files and folders are tightened or refused.
#include <aclapi.h>
#include <doctest/doctest.h>
#include <sddl.h>
#include <windows.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "core/files/atomic_file.h"
#include "core/files/file_lock.h"
#include "core/files/key_file.h"
#include "core/files/private_dir.h"
#include "core/statusline/claude_code_settings.h"
#include "support/temp_dir.h"

namespace files_windows_test {

namespace {

using cut::test::TempDir;

struct Free {
  void operator()(void* p) const { ::LocalFree(p); }
};

std::wstring sidText(PSID sid) {
  wchar_t* text = nullptr;
  REQUIRE(::ConvertSidToStringSidW(sid, &text));
  std::unique_ptr<void, Free> owner(text);
  return text;
}

std::wstring userSid() {
  HANDLE token = nullptr;
  REQUIRE(::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY, &token));
  DWORD size = 0;
  ::GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::vector<BYTE> buffer(size);
  REQUIRE(::GetTokenInformation(token, TokenUser, buffer.data(), size, &size));
  ::CloseHandle(token);
  return sidText(reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid);
}

struct Dacl {
  bool isProtected = false;
  std::vector<std::wstring> allowed;  // the SID of each access-allowed entry
  std::vector<ACCESS_MASK> masks;     // and its rights
};

Dacl daclOf(const std::filesystem::path& path) {
  PACL acl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  REQUIRE(::GetNamedSecurityInfoW(path.wstring().c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                  nullptr, &acl, nullptr, &descriptor) == ERROR_SUCCESS);
  std::unique_ptr<void, Free> owner(descriptor);
  Dacl dacl;
  SECURITY_DESCRIPTOR_CONTROL control = 0;
  DWORD revision = 0;
  REQUIRE(::GetSecurityDescriptorControl(descriptor, &control, &revision));
  dacl.isProtected = (control & SE_DACL_PROTECTED) != 0;
  REQUIRE(acl != nullptr);
  for (DWORD i = 0; i < acl->AceCount; ++i) {
    void* entry = nullptr;
    REQUIRE(::GetAce(acl, i, &entry));
    if (static_cast<ACE_HEADER*>(entry)->AceType != ACCESS_ALLOWED_ACE_TYPE) continue;
    dacl.allowed.push_back(sidText(&static_cast<ACCESS_ALLOWED_ACE*>(entry)->SidStart));
    dacl.masks.push_back(static_cast<ACCESS_ALLOWED_ACE*>(entry)->Mask);
  }
  return dacl;
}

// Gives `path` a DACL from SDDL, e.g. Everyone (WD) full access: a file as loose as 0666.
void setDacl(const std::filesystem::path& path, const std::wstring& sddl) {
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  REQUIRE(::ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1, &descriptor,
                                                                 nullptr));
  std::unique_ptr<void, Free> owner(descriptor);
  BOOL present = FALSE, defaulted = FALSE;
  PACL acl = nullptr;
  REQUIRE(::GetSecurityDescriptorDacl(descriptor, &present, &acl, &defaulted));
  REQUIRE(::SetNamedSecurityInfoW(const_cast<wchar_t*>(path.wstring().c_str()), SE_FILE_OBJECT,
                                  DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, nullptr,
                                  nullptr, acl, nullptr) == ERROR_SUCCESS);
}

// Only this user, and SYSTEM or Administrators (root's counterparts, which Wine always lists), may
// be in the DACL. Real Windows shows the protected one-entry DACL we set; Wine keeps a file's
// access as its Unix mode and reports it as such a list, so the protected flag is not checked.
void requirePrivate(const std::filesystem::path& path) {
  const Dacl dacl = daclOf(path);
  std::string who;
  for (const auto& sid : dacl.allowed) who += std::filesystem::path(sid).string() + " ";
  INFO("allowed: ", who);
  const std::wstring me = userSid();
  CHECK(std::find(dacl.allowed.begin(), dacl.allowed.end(), me) != dacl.allowed.end());
  for (const auto& sid : dacl.allowed) CHECK((sid == me || sid == L"S-1-5-18" || sid == L"S-1-5-32-544"));
}

std::uint64_t fileIndex(const std::filesystem::path& path) {
  HANDLE handle = ::CreateFileW(path.wstring().c_str(), FILE_READ_ATTRIBUTES,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                                OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  REQUIRE(handle != INVALID_HANDLE_VALUE);
  BY_HANDLE_FILE_INFORMATION info{};
  const bool ok = ::GetFileInformationByHandle(handle, &info);
  ::CloseHandle(handle);
  REQUIRE(ok);
  return (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
}

}  // namespace

TEST_CASE("a 0600 file is created with a protected DACL that grants only this user") {
  TempDir dir;
  const auto path = dir / "secret.json";
  REQUIRE(cut::core::writeFileAtomic(path, "{}", 0600));
  CHECK(cut::test::readWholeFile(path) == "{}");
  requirePrivate(path);
}

TEST_CASE("the key file is private from creation and its folders are too") {
  TempDir dir;
  const auto path = dir / "new" / "folder" / "key";
  REQUIRE(cut::core::writeKeyFile(path, "sk-ant-sid01-abcdefghijklmnopqrstuvwxyz"));
  requirePrivate(path);
  requirePrivate(dir / "new");
  requirePrivate(dir / "new" / "folder");
}

TEST_CASE("replacing a file puts a new file in its place whole, never rewriting the old one") {
  TempDir dir;
  const auto path = dir / "settings.json";
  REQUIRE(cut::core::writeFileAtomic(path, "old content", 0600));
  const std::uint64_t before = fileIndex(path);
  const auto replaced = cut::core::writeFileAtomic(path, "new content, longer", 0600);
  INFO((replaced ? std::string() : replaced.error().message));
  REQUIRE(replaced);
  CHECK(fileIndex(path) != before);
  CHECK(cut::test::readWholeFile(path) == "new content, longer");
  CHECK(cut::test::entryCount(dir.path()) == 1);  // no temporary left behind
}

TEST_CASE("a temporary left by a writer that died is removed by the next write") {
  TempDir dir;
  const auto path = dir / "usage-cache.json";
  cut::test::writeWholeFile(dir / ".usage-cache.json.tmp-abandoned1", "a secret");
  REQUIRE(cut::core::writeFileAtomic(path, "{}", 0600));
  CHECK_FALSE(std::filesystem::exists(dir / ".usage-cache.json.tmp-abandoned1"));
  CHECK(cut::test::entryCount(dir.path()) == 1);
}

TEST_CASE("a file lock excludes a second handle until the first is released") {
  TempDir dir;
  const auto path = dir / "usage-cache.lock";
  {
    const cut::core::FileLock first(path, std::chrono::milliseconds(0));
    REQUIRE(first.locked());
    const cut::core::FileLock second(path, std::chrono::milliseconds(20));
    CHECK_FALSE(second.locked());
  }
  const cut::core::FileLock third(path, std::chrono::milliseconds(0));
  CHECK(third.locked());
}

TEST_CASE("a key file that everyone can read is made private before it is used, with a warning") {
  TempDir dir;
  const auto path = dir / "key";
  cut::test::writeWholeFile(path, "sk-ant-sid01-abcdefghijklmnopqrstuvwxyz\n");
  setDacl(path, L"D:P(A;;FA;;;WD)(A;;FA;;;" + userSid() + L")");
  const auto loaded = cut::core::readKeyFile(path);
  REQUIRE(loaded);
  CHECK(loaded.value().permissionsTightened);
  CHECK(loaded.value().key == "sk-ant-sid01-abcdefghijklmnopqrstuvwxyz");
  // Real Windows shows the one-entry DACL (requirePrivate). Wine 8 maps a DACL set on an existing
  // file onto its Unix mode bits and keeps others' read bits, so here only the loss of every other
  // right is visible: Everyone may no longer write or change the file.
  const Dacl after = daclOf(path);
  for (std::size_t i = 0; i < after.allowed.size(); ++i) {
    if (after.allowed[i] == userSid() || after.allowed[i] == L"S-1-5-18") continue;
    CHECK((after.masks[i] & (FILE_WRITE_DATA | FILE_APPEND_DATA | WRITE_DAC | WRITE_OWNER | DELETE)) == 0);
  }
  CHECK(cut::core::tightenedKeyFileWarning(path).find("only your account") != std::string::npos);
}

TEST_CASE("a folder that others can write to is refused; a private one is used") {
  TempDir dir;
  const auto shared = dir / "shared";
  std::filesystem::create_directory(shared);
  setDacl(shared, L"D:P(A;OICI;FA;;;WD)(A;OICI;FA;;;" + userSid() + L")");
  const auto refused = cut::core::checkPrivateDir(shared);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("other users can write to it") != std::string::npos);

  const auto mine = dir / "mine";
  std::filesystem::create_directory(mine);
  setDacl(mine, L"D:P(A;OICI;FA;;;" + userSid() + L")");
  CHECK(cut::core::checkPrivateDir(mine));
  CHECK(cut::core::checkPrivateDir(dir / "missing"));
}

TEST_CASE("reading refuses a folder and reports a missing file as missing") {
  TempDir dir;
  const auto folder = cut::core::readFile(dir.path(), 100);
  REQUIRE_FALSE(folder);
  CHECK(folder.error().message.find("not a regular file") != std::string::npos);
  const auto missing = cut::core::readFile(dir / "nothing", 100);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().missing);
  cut::test::writeWholeFile(dir / "big", std::string(101, 'x'));
  const auto big = cut::core::readFile(dir / "big", 100);
  REQUIRE_FALSE(big);
  CHECK(big.error().tooLarge);
}

TEST_CASE("Claude Code's folder is %USERPROFILE%\\.claude unless CLAUDE_CONFIG_DIR names one") {
  TempDir dir;
  REQUIRE(::_putenv_s("USERPROFILE", dir.path().string().c_str()) == 0);
  REQUIRE(::_putenv_s("CLAUDE_CONFIG_DIR", "") == 0);
  CHECK(cut::core::claudeConfigDir() == dir.path() / ".claude");
  const auto custom = dir / "custom";
  REQUIRE(::_putenv_s("CLAUDE_CONFIG_DIR", custom.string().c_str()) == 0);
  CHECK(cut::core::claudeConfigDir() == custom);
  REQUIRE(::_putenv_s("CLAUDE_CONFIG_DIR", "relative\\folder") == 0);
  CHECK(cut::core::claudeConfigDir() == dir.path() / ".claude");
  REQUIRE(::_putenv_s("CLAUDE_CONFIG_DIR", "") == 0);
}

}  // namespace files_windows_test
