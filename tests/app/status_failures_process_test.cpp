// `status --json` as a process against every failing scenario of the loopback server: one JSON object
// on stdout, the error kind, HTTP status and Retry-After, the documented exit code, a message a
// person can act on, nothing written, and the key nowhere but the key file and the Cookie header.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

struct Expected {
  ErrorKind kind;
  int httpStatus = 0;  ///< 0: null in the JSON
  std::optional<std::int64_t> retryAfter;
  /// A word the message must hold (lower case), telling the person what happened or what to do.
  std::string hint;
};

/// Parses stdout as exactly one JSON object on one line (json::parse refuses trailing content).
json parseOne(const std::string& out) {
  CAPTURE(out);
  REQUIRE(!out.empty());
  CHECK(out.back() == '\n');
  CHECK(out.find('\n') == out.size() - 1);
  json parsed;
  REQUIRE_NOTHROW(parsed = json::parse(out));
  REQUIRE(parsed.is_object());
  return parsed;
}

std::string lower(std::string text) {
  for (char& c : text) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return text;
}

/// The checks every failed `status --json` shares; returns the parsed object.
json checkFailure(const CliSandbox& sandbox, const test::ProcessResult& result, const Expected& expected,
                  const HttpsServer* server) {
  CAPTURE(result.out);
  CAPTURE(result.err);
  CHECK(result.exitCode == core::exitCodeFor(expected.kind));
  const json doc = parseOne(result.out);
  CHECK(result.out.starts_with(R"({"ok":false,"source":"claude.ai","fetched_at":")"));
  CHECK(result.out.find(R"("error":{"kind":")") != std::string::npos);
  CHECK(doc["ok"] == false);
  CHECK(doc["limits"] == json::array());
  CHECK(doc["organization"].is_null());
  REQUIRE(doc["error"].is_object());
  const json& error = doc["error"];
  CHECK(error["kind"] == std::string(core::errorKindName(expected.kind)));
  if (expected.httpStatus == 0) {
    CHECK(error["http_status"].is_null());
  } else {
    CHECK(error["http_status"] == expected.httpStatus);
  }
  if (!expected.retryAfter) {
    CHECK(error["retry_after_seconds"].is_null());
  } else {
    REQUIRE(error["retry_after_seconds"].is_number_integer());
    // An HTTP date is converted when received: allow for the seconds the run took.
    CHECK(error["retry_after_seconds"].get<std::int64_t>() <= *expected.retryAfter);
    CHECK(error["retry_after_seconds"].get<std::int64_t>() >= *expected.retryAfter - 20);
  }
  const std::string message = error["message"].get<std::string>();
  CHECK(message.size() >= 20);
  CHECK(message.find('<') == std::string::npos);  // no page dumped into it
  CHECK_MESSAGE(lower(message).find(expected.hint) != std::string::npos, message);
  // Failure output goes to stdout as JSON only: nothing on stderr repeats the message as plain text.
  CHECK(result.err.find(message) == std::string::npos);
  // A failed fetch writes nothing: no settings, no state, only the key file that was there.
  CHECK(sandbox.files() == std::vector<std::string>{sandbox.keyFile()});
  sandbox.checkKeyNowhere(result, server);
  return doc;
}

test::ProcessResult runScenario(const CliSandbox& sandbox, HttpsServer& server, std::string_view scenario,
                                HttpsServer* other, std::vector<std::string> extra = {}) {
  REQUIRE(test::installScenario(server, scenario, CUT_FIXTURES_DIR, other));
  sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  std::vector<std::string> args = {"status", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return sandbox.run(args, &server);
}

}  // namespace

TEST_CASE("status --json reports each failing scenario with its kind and exit code and advice") {
  const std::vector<std::pair<std::string, Expected>> cases = {
      {"expired", {ErrorKind::AuthExpired, 401, {}, "set-key"}},
      {"forbidden_json", {ErrorKind::AuthExpired, 403, {}, "set-key"}},
      {"cloudflare", {ErrorKind::Cloudflare, 403, {}, "cloudflare"}},
      {"cloudflare_header", {ErrorKind::Cloudflare, 403, {}, "cloudflare"}},
      {"org_permission", {ErrorKind::OrgPermission, 403, {}, "organization"}},
      {"rate_limited", {ErrorKind::RateLimited, 429, 120, "429"}},
      {"rate_limited_date", {ErrorKind::RateLimited, 429, 120, "429"}},
      {"server_error", {ErrorKind::Server, 500, {}, "trouble"}},
      {"service_unavailable", {ErrorKind::Server, 503, {}, "trouble"}},
      {"html", {ErrorKind::BadResponse, 200, {}, "claude.ai"}},
      {"malformed", {ErrorKind::BadResponse, 200, {}, "claude.ai"}},
      {"truncated", {ErrorKind::BadResponse, 200, {}, "claude.ai"}},
      {"huge", {ErrorKind::TooLarge, 0, {}, "large"}},
      {"huge_chunked", {ErrorKind::TooLarge, 0, {}, "large"}},
      {"redirect", {ErrorKind::BadResponse, 302, {}, "redirect"}},
  };
  for (const auto& [scenario, expected] : cases) {
    CAPTURE(scenario);
    CliSandbox sandbox;
    HttpsServer server;
    HttpsServer other;
    const auto result = runScenario(sandbox, server, scenario, &other);
    checkFailure(sandbox, result, expected, &server);
    CHECK(other.requestCount() == 0);  // a redirect is never followed
  }
}

TEST_CASE("every scenario the test server knows is covered by a status test") {
  // A new scenario must be added to one of the lists in this file or in status_process_test.cpp.
  const std::vector<std::string> covered = {"alert_steps",
                                            "cloudflare",
                                            "cloudflare_header",
                                            "drip",
                                            "expired",
                                            "forbidden_json",
                                            "hang",
                                            "html",
                                            "huge",
                                            "huge_chunked",
                                            "malformed",
                                            "ok",
                                            "ok_legacy",
                                            "org_permission",
                                            "org_permission_then_ok",
                                            "rate_limited",
                                            "rate_limited_date",
                                            "redirect",
                                            "server_error",
                                            "service_unavailable",
                                            "truncated"};
  CHECK(test::scenarioNames() == covered);
}

TEST_CASE("status --json with --timeout 2 returns a timeout from a server that never answers") {
  for (const char* scenario : {"hang", "drip"}) {
    CAPTURE(scenario);
    CliSandbox sandbox;
    HttpsServer server;
    const auto result = runScenario(sandbox, server, scenario, nullptr, {"--timeout", "2"});
    checkFailure(sandbox, result, {ErrorKind::Timeout, 0, {}, "timed out"}, &server);
  }
}

TEST_CASE("status --json reports an untrusted certificate as tls and sends nothing") {
  CliSandbox sandbox;
  HttpsServer server(HttpsServer::Identity::Untrusted);
  const auto result = runScenario(sandbox, server, "ok", nullptr);
  checkFailure(sandbox, result, {ErrorKind::Tls, 0, {}, "certificate"}, &server);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("status --json reports a closed port as a network failure") {
  CliSandbox sandbox;
  sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  int port = 0;
  std::string caFile;
  {
    HttpsServer gone;
    port = gone.port();
    caFile = gone.caFile().string();
  }
  const auto result = sandbox.run(
      {"status", "--json", "--api-base", "https://127.0.0.1:" + std::to_string(port), "--ca-file", caFile},
      nullptr);
  checkFailure(sandbox, result, {ErrorKind::Network, 0, {}, "connection"}, nullptr);
}

TEST_CASE("status --json without a key file says no_key and names set-key and sends nothing") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  const auto result = sandbox.run({"status", "--json"}, &server);
  CHECK(result.exitCode == core::exitCodeFor(ErrorKind::NoKey));
  const json doc = parseOne(result.out);
  CHECK(doc["ok"] == false);
  CHECK(doc["error"]["kind"] == "no_key");
  CHECK(doc["error"]["message"].get<std::string>().find("set-key") != std::string::npos);
  CHECK(server.requestCount() == 0);
  CHECK(sandbox.files().empty());
}

TEST_CASE("plain status without a key file tells on stderr how to add one") {
  CliSandbox sandbox;
  const auto result = sandbox.run({"status"}, nullptr);
  CHECK(result.exitCode == core::exitCodeFor(ErrorKind::NoKey));
  CHECK(result.out.empty());
  CHECK(result.err.find("set-key") != std::string::npos);
}

TEST_CASE("plain status on a failure prints the advice on stderr and nothing on stdout") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "expired", CUT_FIXTURES_DIR));
  sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  const auto result = sandbox.run({"status"}, &server);
  CHECK(result.exitCode == core::exitCodeFor(ErrorKind::AuthExpired));
  CHECK(result.out.empty());
  CHECK(result.err.find("set-key") != std::string::npos);
  sandbox.checkKeyNowhere(result, &server);
}

TEST_CASE("a key file holding no valid key is invalid_key and nothing is sent") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  sandbox.writeKeyFile("not-a-key-at-all\n");
  const auto result = sandbox.run({"status", "--json"}, &server);
  CHECK(result.exitCode == core::exitCodeFor(ErrorKind::InvalidKey));
  const json doc = parseOne(result.out);
  CHECK(doc["error"]["kind"] == "invalid_key");
  CHECK(doc["error"]["message"].get<std::string>().find("not-a-key-at-all") == std::string::npos);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("a corrupt settings file is kept as settings.json.bad and status still answers") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  sandbox.writeSettings("{ this is not json");
  const auto result = sandbox.run({"status", "--json"}, &server);
  CHECK(result.exitCode == 0);
  CHECK(parseOne(result.out)["ok"] == true);
  CHECK(result.err.find("settings.json.bad") != std::string::npos);
  CHECK(test::readWholeFile(sandbox.settingsFile() + ".bad") == "{ this is not json");
}

TEST_SUITE_END();
