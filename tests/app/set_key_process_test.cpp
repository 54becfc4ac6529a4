// `set-key` as a process: what people paste becomes exactly the key plus a newline in a 0600 file,
// only after the server accepted it; anything that fails leaves an existing key file exactly as it
// was (same bytes, same inode), and the key is never echoed.

#include <doctest/doctest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_sandbox.h"
#include "core/claude/error.h"
#include "net/scenarios.h"

using namespace cut;
using core::ErrorKind;
using nlohmann::json;
using test::CliSandbox;
using test::HttpsServer;

TEST_SUITE_BEGIN("process");

namespace {

constexpr const char* kOldKey = "sk-ant-sid01-OLDKEY_zyx987cba";
const std::string kOldKeyFile = std::string(kOldKey) + "\n";

/// A claude.ai stand-in that lists organizations only for `acceptedKey` and answers 401 to anything
/// else, as the real one does for a key that is not signed in.
struct Verifier {
  HttpsServer server;
  explicit Verifier(std::string acceptedKey = test::kTestKey) {
    REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
    const std::string expected = "sessionKey=" + acceptedKey;
    const std::string unauthorized =
        test::readFile(std::filesystem::path(CUT_FIXTURES_DIR) / "error_401.json");
    server.setInterceptor([expected, unauthorized](const test::RecordedRequest& request) {
      return request.header("Cookie") == expected ? std::nullopt
                                                  : std::optional(test::Reply::json(401, unauthorized));
    });
  }
};

std::optional<std::string> rememberedOrg(const CliSandbox& sandbox) {
  const std::string text = test::readWholeFile(sandbox.settingsFile());
  if (text.empty()) return std::nullopt;
  return json::parse(text).value("organization_uuid", "");
}

/// The checks every refused key shares: exit code, a message, the old file untouched, no key shown.
void checkRefused(const CliSandbox& sandbox, const test::ProcessResult& result, ErrorKind kind,
                  ino_t oldInode, const HttpsServer* server, const std::string& pastedKey) {
  CAPTURE(result.out);
  CAPTURE(result.err);
  CHECK(result.exitCode == core::exitCodeFor(kind));
  CHECK(result.err.size() > 20);
  CHECK(test::readWholeFile(sandbox.keyFile()) == kOldKeyFile);
  CHECK(test::fileInode(sandbox.keyFile()) == oldInode);
  CHECK(test::fileMode(sandbox.keyFile()) == 0600);
  sandbox.checkKeyNowhere(result, server, pastedKey);
  sandbox.checkKeyNowhere(result, server, kOldKey);
}

}  // namespace

TEST_CASE("set-key saves exactly the normalized key from every form people paste") {
  const std::string key = test::kTestKey;
  const std::vector<std::string> inputs = {
      key + "\n",
      "   " + key + "   \n",
      "\"" + key + "\"\n",
      "'" + key + "'\n",
      key + "\r\n",
      "sessionKey=" + key + "\n",
      "sessionKey=" + key + "; Path=/; Secure\n",
      "Cookie: anthropic-device-id=4f2a; sessionKey=" + key + "; lastActiveOrg=5b0e7c1a\n",
      "\t \"sessionKey=" + key + "\" \r\n",
      key,  // no newline at all
  };
  for (const auto& input : inputs) {
    CAPTURE(json(input).dump());
    CliSandbox sandbox;
    Verifier verifier;
    const auto result = sandbox.run({"set-key"}, &verifier.server, input);
    CAPTURE(result.err);
    CHECK(result.exitCode == 0);
    CHECK(test::readWholeFile(sandbox.keyFile()) == key + "\n");
    CHECK(test::fileMode(sandbox.keyFile()) == 0600);
    CHECK(rememberedOrg(sandbox) == std::optional<std::string>(test::kFirstOrgUuid));
    CHECK(result.out.find("Northwind Labs") != std::string::npos);
    CHECK(result.out.find(sandbox.keyFile()) != std::string::npos);
    CHECK(verifier.server.requestCount() >= 1);
    sandbox.checkKeyNowhere(result, &verifier.server);
  }
}

TEST_CASE("set-key replaces an old key and keeps the organization already chosen") {
  CliSandbox sandbox;
  Verifier verifier;
  sandbox.writeKeyFile(kOldKeyFile, 0644);
  sandbox.writeSettings(std::string(R"({"organization_uuid": ")") + test::kSecondOrgUuid + R"("})");
  const auto result = sandbox.run({"set-key"}, &verifier.server, std::string(test::kTestKey) + "\n");
  CHECK(result.exitCode == 0);
  CHECK(test::readWholeFile(sandbox.keyFile()) == std::string(test::kTestKey) + "\n");
  CHECK(test::fileMode(sandbox.keyFile()) == 0600);
  CHECK(rememberedOrg(sandbox) == std::optional<std::string>(test::kSecondOrgUuid));
  sandbox.checkKeyNowhere(result, &verifier.server);
}

TEST_CASE("set-key refuses malformed input and leaves the old key file byte for byte") {
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"sk-ont-sid01-TESTKEY_abc123xyz", "sk-ant-"},     // wrong prefix
      {"sk-ant-sid01-TESTKEY_abc123xyz!", "character"},  // a character keys never hold
      {"sk-ant-sid01-TEST KEY_abc123xyz", "space"},
      {"sk-ant-short", "short"},
      {"sk-ant-sid01-" + std::string(600, 'A'), "long"},
      {"", "empty"},
      {"\"  \"", "empty"},
      {"lastActiveOrg=5b0e7c1a; theme=dark", "sessionkey"},
  };
  for (const auto& [input, hint] : inputs) {
    CAPTURE(input.substr(0, 40));
    CliSandbox sandbox;
    Verifier verifier;
    sandbox.writeKeyFile(kOldKeyFile);
    const ino_t inode = test::fileInode(sandbox.keyFile());
    const auto result = sandbox.run({"set-key"}, &verifier.server, input + "\n");
    checkRefused(sandbox, result, ErrorKind::InvalidKey, inode, &verifier.server, input);
    std::string err = result.err;
    for (char& c : err) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    CHECK_MESSAGE(err.find(hint) != std::string::npos, result.err);
    CHECK(result.out.empty());
    CHECK(verifier.server.requestCount() == 0);  // refused before anything is sent
  }
}

TEST_CASE("set-key refuses a key the server rejects and keeps the old key file") {
  CliSandbox sandbox;
  Verifier verifier(kOldKey);  // the server knows only the old key
  sandbox.writeKeyFile(kOldKeyFile);
  sandbox.writeSettings(std::string(R"({"organization_uuid": ")") + test::kSecondOrgUuid + R"("})");
  const std::string settingsBefore = test::readWholeFile(sandbox.settingsFile());
  const ino_t inode = test::fileInode(sandbox.keyFile());
  const auto result = sandbox.run({"set-key"}, &verifier.server, std::string(test::kTestKey) + "\n");
  checkRefused(sandbox, result, ErrorKind::AuthExpired, inode, &verifier.server, test::kTestKey);
  CHECK(result.err.find("not saved") != std::string::npos);
  CHECK(verifier.server.requestCount() == 1);
  CHECK(test::readWholeFile(sandbox.settingsFile()) == settingsBefore);
}

TEST_CASE("set-key saves nothing when the check fails for any reason") {
  for (const auto& [scenario, kind] :
       std::vector<std::pair<std::string, ErrorKind>>{{"expired", ErrorKind::AuthExpired},
                                                      {"cloudflare", ErrorKind::Cloudflare},
                                                      {"server_error", ErrorKind::Server},
                                                      {"html", ErrorKind::BadResponse}}) {
    CAPTURE(scenario);
    CliSandbox sandbox;
    HttpsServer server;
    REQUIRE(test::installScenario(server, scenario, CUT_FIXTURES_DIR));
    sandbox.writeKeyFile(kOldKeyFile);
    const ino_t inode = test::fileInode(sandbox.keyFile());
    const auto result = sandbox.run({"set-key"}, &server, std::string(test::kTestKey) + "\n");
    checkRefused(sandbox, result, kind, inode, &server, test::kTestKey);
    CHECK(!std::filesystem::exists(sandbox.settingsFile()));
  }
}

TEST_CASE("set-key with a rejected key and no old key file creates nothing") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "expired", CUT_FIXTURES_DIR));
  const auto result = sandbox.run({"set-key"}, &server, std::string(test::kTestKey) + "\n");
  CHECK(result.exitCode == core::exitCodeFor(ErrorKind::AuthExpired));
  CHECK(sandbox.files().empty());
  sandbox.checkKeyNowhere(result, &server);
}

TEST_CASE("set-key --no-verify saves the key without sending any request") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  sandbox.writeKeyFile(kOldKeyFile, 0644);
  const auto result =
      sandbox.run({"set-key", "--no-verify"}, &server, "sessionKey=" + std::string(test::kTestKey) + "\r\n");
  CHECK(result.exitCode == 0);
  CHECK(server.requestCount() == 0);
  CHECK(test::readWholeFile(sandbox.keyFile()) == std::string(test::kTestKey) + "\n");
  CHECK(test::fileMode(sandbox.keyFile()) == 0600);
  CHECK(!std::filesystem::exists(sandbox.settingsFile()));
  sandbox.checkKeyNowhere(result, &server);
}

TEST_CASE("set-key --no-verify still refuses malformed input") {
  CliSandbox sandbox;
  sandbox.writeKeyFile(kOldKeyFile);
  const ino_t inode = test::fileInode(sandbox.keyFile());
  const auto result = sandbox.run({"set-key", "--no-verify"}, nullptr, "sk-ant-\n");
  checkRefused(sandbox, result, ErrorKind::InvalidKey, inode, nullptr, "sk-ant-");
}

TEST_CASE("set-key replaces a symlinked key file and leaves the link's target untouched") {
  CliSandbox sandbox;
  Verifier verifier;
  const std::string target = sandbox.home() + "/elsewhere";
  REQUIRE(std::filesystem::create_directories(target));
  const std::string targetFile = target + "/real-key";
  {
    FILE* f = std::fopen(targetFile.c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs(kOldKeyFile.c_str(), f);
    std::fclose(f);
  }
  REQUIRE(::symlink(targetFile.c_str(), sandbox.keyFile().c_str()) == 0);
  const auto result = sandbox.run({"set-key"}, &verifier.server, std::string(test::kTestKey) + "\n");
  CHECK(result.exitCode == 0);
  CHECK(!std::filesystem::is_symlink(sandbox.keyFile()));
  CHECK(std::filesystem::is_regular_file(sandbox.keyFile()));
  CHECK(test::readWholeFile(sandbox.keyFile()) == std::string(test::kTestKey) + "\n");
  CHECK(test::fileMode(sandbox.keyFile()) == 0600);
  CHECK(test::readWholeFile(targetFile) == kOldKeyFile);
}

TEST_CASE("set-key that cannot write the key file says so with exit 1") {
  CliSandbox sandbox;
  Verifier verifier;
  const std::string notAFolder = sandbox.home() + "/plain-file";
  std::ofstream(notAFolder) << "a file where a folder would be\n";
  const auto result = sandbox.run({"set-key", "--key-file", notAFolder + "/key"}, &verifier.server,
                                  std::string(test::kTestKey) + "\n");
  CHECK(result.exitCode == 1);
  CHECK(result.err.find(notAFolder) != std::string::npos);
  CHECK(!std::filesystem::exists(sandbox.keyFile()));
  sandbox.checkKeyNowhere(result, &verifier.server);
}

TEST_CASE("set-key reads only the first line of its input") {
  CliSandbox sandbox;
  Verifier verifier;
  const auto result = sandbox.run({"set-key"}, &verifier.server,
                                  std::string(test::kTestKey) + "\nsk-ant-sid01-SECONDLINE_x\n");
  CHECK(result.exitCode == 0);
  CHECK(test::readWholeFile(sandbox.keyFile()) == std::string(test::kTestKey) + "\n");
}

TEST_SUITE_END();
