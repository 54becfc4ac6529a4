// The Windows meanings of the file code, checked on real files through the Win32 security API
// itself (not through the code under test): a private file's DACL grants this user alone, replace
// is atomic, a lock excludes a second handle, and looser files and folders are tightened or refused.
#include <doctest/doctest.h>
#include <windows.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "core/files/atomic_file.h"
#include "core/files/file_lock.h"
#include "core/files/key_file.h"
#include "core/files/private_dir.h"
#include "core/statusline/claude_code_settings.h"
#include "support/dacl_windows.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace files_windows_test {

namespace {

using cut::test::currentUserSid;
using cut::test::Dacl;
using cut::test::fileIdentity;
using cut::test::readDacl;
using cut::test::setDacl;
using cut::test::TempDir;

// Only this user, and SYSTEM or Administrators (root's counterparts, which Wine always lists), may
// be in the DACL. Real Windows shows the protected one-entry DACL we set; Wine keeps a file's
// access as its Unix mode and reports it as such a list, so the protected flag is not checked.
void requirePrivate(const std::filesystem::path& path) {
  const std::optional<Dacl> dacl = readDacl(path);
  REQUIRE(dacl);
  REQUIRE_FALSE(dacl->isNull);
  std::string who;
  for (const auto& sid : dacl->allowed) who += std::filesystem::path(sid).string() + " ";
  INFO("allowed: ", who);
  const std::wstring me = currentUserSid();
  CHECK(std::find(dacl->allowed.begin(), dacl->allowed.end(), me) != dacl->allowed.end());
  for (const auto& sid : dacl->allowed) CHECK((sid == me || sid == L"S-1-5-18" || sid == L"S-1-5-32-544"));
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
  const std::uint64_t before = fileIdentity(path);
  REQUIRE(before != 0);
  const auto replaced = cut::core::writeFileAtomic(path, "new content, longer", 0600);
  INFO((replaced ? std::string() : replaced.error().message));
  REQUIRE(replaced);
  CHECK(fileIdentity(path) != before);
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
  setDacl(path, L"D:P(A;;FA;;;WD)(A;;FA;;;" + currentUserSid() + L")");
  const auto loaded = cut::core::readKeyFile(path);
  REQUIRE(loaded);
  CHECK(loaded.value().permissionsTightened);
  CHECK(loaded.value().key == "sk-ant-sid01-abcdefghijklmnopqrstuvwxyz");
  // Real Windows shows the one-entry DACL (requirePrivate). Wine 8 maps a DACL set on an existing
  // file onto its Unix mode bits and keeps others' read bits, so here only the loss of every other
  // right is visible: Everyone may no longer write or change the file.
  const std::optional<Dacl> after = readDacl(path);
  REQUIRE(after);
  REQUIRE_FALSE(after->isNull);
  for (std::size_t i = 0; i < after->allowed.size(); ++i) {
    if (after->allowed[i] == currentUserSid() || after->allowed[i] == L"S-1-5-18") continue;
    CHECK((after->masks[i] & (FILE_WRITE_DATA | FILE_APPEND_DATA | WRITE_DAC | WRITE_OWNER | DELETE)) == 0);
  }
  CHECK(cut::core::tightenedKeyFileWarning(path).find("only your account") != std::string::npos);
}

TEST_CASE("a folder that others can write to is refused; a private one is used") {
  TempDir dir;
  const auto shared = dir / "shared";
  std::filesystem::create_directory(shared);
  setDacl(shared, L"D:P(A;OICI;FA;;;WD)(A;OICI;FA;;;" + currentUserSid() + L")");
  const auto refused = cut::core::checkPrivateDir(shared);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("other users can write to it") != std::string::npos);

  const auto mine = dir / "mine";
  std::filesystem::create_directory(mine);
  setDacl(mine, L"D:P(A;OICI;FA;;;" + currentUserSid() + L")");
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
