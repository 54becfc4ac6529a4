// The key: how pasted text becomes one, and the key file's content, bounds and messages, on every
// OS. Modes and symlinks are in key_file_posix_test.cpp, DACLs in files_windows_test.cpp.
#include "core/files/key_file.h"

#include <doctest/doctest.h>
#include <optional>

#include "support/env_scope.h"
#include "support/file_access.h"
#include "support/temp_dir.h"

namespace key_file_test {

using namespace cut::core;
using namespace cut::test;

namespace {

// Short and obviously fake.
const std::string kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

// The message must not give back the pasted text, nor any recognisable part of a key.
void checkMessageHidesInput(const std::string& message, const std::string& pasted) {
  CHECK_FALSE(message.empty());
  CHECK(message.find("TESTKEY") == std::string::npos);
  CHECK(message.find("abc123") == std::string::npos);
  if (pasted.size() >= 4) CHECK(message.find(pasted) == std::string::npos);
}

// Points the home variable (HOME, or USERPROFILE on Windows) at `home`, or unsets it.
class HomeScope {
 public:
  explicit HomeScope(const std::optional<std::string>& home) { m_env.set(homeVariable(), home); }

 private:
  EnvScope m_env;
};

}  // namespace

TEST_CASE("normalizeKey accepts the ways people paste a key") {
  const std::string pastes[] = {
      kKey,
      "  " + kKey + "  \n",
      kKey + "\r\n",
      "\t" + kKey + "\t",
      "\"" + kKey + "\"",
      "'" + kKey + "'",
      "`" + kKey + "`",
      "\xE2\x80\x9C" + kKey + "\xE2\x80\x9D",  // curly double quotes
      "\xE2\x80\x98" + kKey + "\xE2\x80\x99",  // curly single quotes
      " \"" + kKey + "\" \n",
      "\xEF\xBB\xBF" + kKey,           // byte-order mark
      "\xC2\xA0" + kKey + "\xC2\xA0",  // no-break spaces
      kKey + ";",
      "sessionKey=" + kKey,
      "sessionKey=\"" + kKey + "\"",
      "\"sessionKey=" + kKey + "\"",
      "SessionKey=" + kKey,
      "sessionKey = " + kKey,
      "sessionKey: " + kKey,
      "sessionKey:" + kKey,
      "sessionKey\t" + kKey + "\t.claude.ai\t/\t2026-01-01T00:00:00.000Z\t120\t\xE2\x9C\x93",
      "Cookie: sessionKey=" + kKey,
      "cookie: a=b; sessionKey=" + kKey + "; c=d",
      "__cf_bm=x.y-z; anthropic-device-id=1234; sessionKey=" + kKey + "; lastActiveOrg=ab-cd",
      "sessionKey=" + kKey + "; Path=/; Secure; HttpOnly",
      "activitySessionId=abc;sessionKey=" + kKey + ";intercom=1\n",
  };
  for (const auto& pasted : pastes) {
    CAPTURE(pasted);
    const auto result = normalizeKey(pasted);
    REQUIRE(result.ok());
    CHECK(result.value() == kKey);
  }
}

TEST_CASE("normalizeKey accepts other key generations and the length bounds 20 and 500") {
  CHECK(normalizeKey("sk-ant-sid02-TESTKEY_abc123xyz").value() == "sk-ant-sid02-TESTKEY_abc123xyz");
  const std::string shortest = "sk-ant-" + std::string(13, 'x');
  const std::string longest = "sk-ant-" + std::string(493, 'x');
  REQUIRE(shortest.size() == 20);
  REQUIRE(longest.size() == 500);
  CHECK(normalizeKey(shortest).ok());
  CHECK(normalizeKey(longest).ok());
}

TEST_CASE("normalizeKey says what is wrong without repeating the pasted text") {
  struct Bad {
    std::string pasted;
    std::string says;
  };
  const Bad cases[] = {
      {"", "empty"},
      {"   \r\n  ", "empty"},
      {"\"\"", "empty"},
      {"sessionKey=", "empty"},
      {"sk-ant-sid01-TESTKEY abc123xyz", "a space in the middle"},
      {"sk-ant-sid01-TESTKEY\tabc123xyz", "a space in the middle"},
      {"Bearer " + kKey, "a space in the middle"},
      {"sk-ant-sid01-TESTKEY\nabc123xyz", "line break"},
      {"sk-ant-sid01-TESTKEY\r\nabc123xyz", "line break"},
      {"sk-proj-TESTKEY_abc123xyz", "does not start with sk-ant-"},
      {"SK-ANT-sid01-TESTKEY_abc123xyz", "does not start with sk-ant-"},
      {"TESTKEY_abc123xyz", "does not start with sk-ant-"},
      {"sk-ant-TESTKEY", "too short"},
      {"sk-ant-" + std::string(12, 'x'), "too short"},
      {"sk-ant-" + std::string(494, 'x'), "too long"},
      {"sk-ant-sid01-TESTKEY.abc123xyz", "not a letter, digit"},
      {"sk-ant-sid01-TESTKEY_abc123xyz\xE2\x82\xAC", "not a letter, digit"},
      {"sk-ant-sid01-TESTKEY=abc123xyz", "no sessionKey"},
      {"a=b; c=d", "no sessionKey"},
      {"Cookie: __cf_bm=TESTKEY_abc123xyz; lastActiveOrg=x", "no sessionKey"},
  };
  for (const auto& bad : cases) {
    CAPTURE(bad.pasted);
    const auto result = normalizeKey(bad.pasted);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find(bad.says) != std::string::npos);
    checkMessageHidesInput(result.error().message, bad.pasted);
  }
}

TEST_CASE("the position of a bad character is given, not the character") {
  const auto result = normalizeKey("sk-ant-sid01-TESTKEY#abc123xyz");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("character 21") != std::string::npos);
  CHECK(result.error().message.find('#') == std::string::npos);
}

TEST_CASE("the default key file is .claude-session-key in the home folder the environment names") {
  TempDir dir;
  HomeScope home(dir.path().string());
  CHECK(defaultKeyFilePath() == dir / ".claude-session-key");
}

TEST_CASE("without a home variable the default key file is in the account's home folder") {
  HomeScope home(std::nullopt);
  const auto path = defaultKeyFilePath();
  CHECK(path.filename() == ".claude-session-key");
  CHECK(path.is_absolute());
}

TEST_CASE("a written key file holds the key and a newline, is private and is read back as written") {
  TempDir dir;
  const auto path = dir / ".claude-session-key";
  REQUIRE(writeKeyFile(path, kKey).ok());
  CHECK(readWholeFile(path) == kKey + "\n");
  CHECK(othersWithAccess(path) == "");

  const auto loaded = readKeyFile(path);
  REQUIRE(loaded.ok());
  CHECK(loaded->key == kKey);
  CHECK_FALSE(loaded->permissionsTightened);
}

TEST_CASE("a key file others can read is reported as tightened and still read") {
  TempDir dir;
  const auto path = dir / "key";
  writeWholeFile(path, kKey + "\n");
  makeReadableByOthers(path);
  REQUIRE(othersWithAccess(path) != "");
  const auto loaded = readKeyFile(path);
  REQUIRE(loaded.ok());
  CHECK(loaded->key == kKey);
  CHECK(loaded->permissionsTightened);
}

TEST_CASE("writeKeyFile stores the normalized key from a pasted cookie") {
  TempDir dir;
  const auto path = dir / "key";
  REQUIRE(writeKeyFile(path, "  Cookie: a=b; sessionKey=\"" + kKey + "\"; c=d\r\n").ok());
  CHECK(readWholeFile(path) == kKey + "\n");
}

TEST_CASE("a key that fails the check leaves an existing key file exactly as it was") {
  TempDir dir;
  const auto path = dir / "key";
  const std::string old = "sk-ant-sid01-OLDKEY_keep_me\n";
  writeWholeFile(path, old);
  const auto identity = fileIdentity(path);

  const auto result = writeKeyFile(path, "sk-ant-sid01-TESTKEY abc123xyz");
  REQUIRE_FALSE(result.ok());
  checkMessageHidesInput(result.error().message, "sk-ant-sid01-TESTKEY abc123xyz");
  CHECK(readWholeFile(path) == old);
  CHECK(fileIdentity(path) == identity);
  CHECK(cut::test::entryCount(dir.path()) == 1);
}

TEST_CASE("a missing key file says how to add a key") {
  TempDir dir;
  HomeScope home(dir.path().string());
  const auto loaded = readKeyFile(defaultKeyFilePath());
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().noKey);
  CHECK(loaded.error().message.find("claude-usage-tracker set-key`") != std::string::npos);
  CHECK(loaded.error().message.find("widget") != std::string::npos);
  CHECK(loaded.error().message.find(defaultKeyFilePath().string()) != std::string::npos);
}

TEST_CASE("for a key file elsewhere the advice names it with --key-file") {
  TempDir dir;
  const auto path = dir / "custom-key";
  const auto loaded = readKeyFile(path);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().noKey);
  CHECK(loaded.error().message.find("set-key --key-file " + path.string()) != std::string::npos);
}

TEST_CASE("an empty or blank key file counts as no key") {
  for (const std::string content : {"", "\n", "  \r\n\t", "\"\""}) {
    TempDir dir;
    writeWholeFile(dir / "key", content);
    const auto loaded = readKeyFile(dir / "key");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().noKey);
    CHECK(loaded.error().message.find("empty") != std::string::npos);
    CHECK(loaded.error().message.find("set-key") != std::string::npos);
  }
}

TEST_CASE("a key file with something that is not a key is an invalid key, not repeated") {
  TempDir dir;
  const std::string content = "sk-ant-sid01-TESTKEY abc123xyz\n";
  writeWholeFile(dir / "key", content);
  const auto loaded = readKeyFile(dir / "key");
  REQUIRE_FALSE(loaded.ok());
  CHECK_FALSE(loaded.error().noKey);
  CHECK(loaded.error().message.find("space in the middle") != std::string::npos);
  checkMessageHidesInput(loaded.error().message, content);
}

TEST_CASE("a key file over 4 KiB is refused without its content in the message") {
  TempDir dir;
  writeWholeFile(dir / "key", kKey + std::string(4100, 'z'));
  const auto loaded = readKeyFile(dir / "key");
  REQUIRE_FALSE(loaded.ok());
  CHECK_FALSE(loaded.error().noKey);
  CHECK(loaded.error().message.find("4 KiB") != std::string::npos);
  checkMessageHidesInput(loaded.error().message, "zzzz");
}

TEST_CASE("a folder at the key path is an error, not a crash or a hang") {
  TempDir dir;
  const auto loaded = readKeyFile(dir.path());
  REQUIRE_FALSE(loaded.ok());
  CHECK_FALSE(loaded.error().noKey);
  CHECK(loaded.error().message.find("not a regular file") != std::string::npos);
}

TEST_CASE("removeKeyFile deletes the file and accepts a missing one") {
  TempDir dir;
  const auto path = dir / "key";
  writeWholeFile(path, kKey);
  REQUIRE(removeKeyFile(path).ok());
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(removeKeyFile(path).ok());
}

TEST_CASE("removeKeyFile reports a path it cannot remove") {
  TempDir dir;
  std::filesystem::create_directory(dir / "key");
  const auto result = removeKeyFile(dir / "key");
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find((dir / "key").string()) != std::string::npos);
  CHECK(std::filesystem::is_directory(dir / "key"));
}

}  // namespace key_file_test
