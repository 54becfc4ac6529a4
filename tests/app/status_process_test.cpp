// `status` as a process against the loopback server when the fetch succeeds: the exact JSON shape of
// `--json`, the readable table, the key file's permissions, the remembered organization, and the
// command line it refuses.

#include <doctest/doctest.h>
#include <time.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/cli_sandbox.h"
#include "core/claude/error.h"
#include "core/files/usage_cache.h"
#include "net/scenarios.h"

using namespace cut;
using nlohmann::json;
using test::CliSandbox;
using test::HttpsServer;

TEST_SUITE_BEGIN("process");

namespace {

const std::regex kIsoUtc(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)");

/// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS[.fff]Z".
std::int64_t epochOf(const std::string& iso) {
  tm t{};
  REQUIRE(std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour,
                      &t.tm_min, &t.tm_sec) == 6);
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&t));
}

std::string isoAfter(std::chrono::seconds fromNow) {
  const time_t when = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + fromNow);
  tm utc{};
  gmtime_r(&when, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::set<std::string> keysOf(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

/// Runs `status --json` against a healthy `server` and checks the parts of the shape every success
/// shares; returns the document.
json successJson(const CliSandbox& sandbox, const HttpsServer& server) {
  const auto result = sandbox.run({"status", "--json"}, &server);
  CAPTURE(result.out);
  CAPTURE(result.err);
  REQUIRE(result.exitCode == 0);
  CHECK(result.out.find('\n') == result.out.size() - 1);
  // Keys in the documented order, for people reading the output.
  CHECK(result.out.starts_with(R"({"ok":true,"source":"claude.ai","fetched_at":")"));
  CHECK(result.out.find(R"j({"id":"five_hour","label":"Session (5h)","used_percent":)j") !=
        std::string::npos);
  json doc;
  REQUIRE_NOTHROW(doc = json::parse(result.out));
  CHECK(keysOf(doc) == std::set<std::string>{"ok", "source", "fetched_at", "organization", "limits",
                                             "extra_usage", "error"});
  CHECK(doc["ok"] == true);
  CHECK(doc["source"] == "claude.ai");
  CHECK(doc["error"].is_null());
  CHECK(std::regex_match(doc["fetched_at"].get<std::string>(), kIsoUtc));
  CHECK(keysOf(doc["organization"]) == std::set<std::string>{"uuid", "name"});
  REQUIRE(doc["limits"].is_array());
  const auto fetchedAt = epochOf(doc["fetched_at"].get<std::string>());
  for (const auto& limit : doc["limits"]) {
    CAPTURE(limit.dump());
    CHECK(keysOf(limit) == std::set<std::string>{"id", "label", "used_percent", "resets_at", "window_seconds",
                                                 "source", "pace"});
    CHECK(keysOf(limit["pace"]) == std::set<std::string>{"tier", "projected_percent", "limit_at"});
    CHECK(limit["source"] == "claude.ai");
    CHECK(!limit["label"].get<std::string>().empty());
    CHECK(limit["used_percent"].is_number());
    if (!limit["resets_at"].is_null()) {
      CHECK(std::regex_match(limit["resets_at"].get<std::string>(), kIsoUtc));
      // A window whose reset time has passed has reset: 0 % whatever the server said.
      if (epochOf(limit["resets_at"].get<std::string>()) <= fetchedAt) CHECK(limit["used_percent"] == 0.0);
    }
  }
  sandbox.checkKeyNowhere(result, &server);
  return doc;
}

std::vector<std::string> idsOf(const json& doc) {
  std::vector<std::string> ids;
  for (const auto& limit : doc["limits"]) ids.push_back(limit["id"].get<std::string>());
  return ids;
}

/// used_percent as the server said it, or 0 when the fixture's reset time is already past.
double expectedPercent(double raw, const std::string& resetsAt, const json& doc) {
  return epochOf(resetsAt) <= epochOf(doc["fetched_at"].get<std::string>()) ? 0.0 : raw;
}

struct Healthy {
  CliSandbox sandbox;
  HttpsServer server;
  explicit Healthy(std::string_view scenario = "ok") {
    REQUIRE(test::installScenario(server, scenario, CUT_FIXTURES_DIR));
    sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  }
};

}  // namespace

TEST_CASE("status --json prints the limits array and organization and overage of usage_limits.json") {
  Healthy h("ok");
  const json doc = successJson(h.sandbox, h.server);
  CHECK(doc["organization"]["uuid"] == test::kFirstOrgUuid);
  CHECK(doc["organization"]["name"] == "pat@example.org's Organization");
  CHECK(idsOf(doc) == std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus"});
  const json& limits = doc["limits"];
  CHECK(limits[0]["label"] == "Session (5h)");
  CHECK(limits[0]["window_seconds"] == 18000);
  CHECK(limits[0]["used_percent"] == expectedPercent(91.0, "2026-11-29T01:00:00Z", doc));
  CHECK(limits[0]["resets_at"] == "2026-11-29T01:00:00Z");
  CHECK(limits[1]["window_seconds"] == 604800);
  CHECK(limits[1]["used_percent"] == expectedPercent(23.0, "2026-12-03T09:00:00Z", doc));
  CHECK(limits[2]["used_percent"] == expectedPercent(57.0, "2026-12-03T09:00:00Z", doc));
  // From /overage_spend_limit, in minor units there: money is reported in major units.
  CHECK(doc["extra_usage"] == json{{"used", 15.38}, {"limit", 25.0}, {"currency", "EUR"}});
}

TEST_CASE("status --json prints the legacy per-model buckets and extra usage of usage_legacy.json") {
  Healthy h("ok_legacy");
  const json doc = successJson(h.sandbox, h.server);
  CHECK(idsOf(doc) ==
        std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus", "seven_day_sonnet"});
  const json& opus = doc["limits"][2];
  CHECK(opus["resets_at"].is_null());
  CHECK(opus["used_percent"] == 12.0);
  CHECK(doc["limits"][3]["resets_at"] == "2026-12-02T16:59:59Z");
  CHECK(doc["extra_usage"] == json{{"used", 12.75}, {"limit", 50.0}, {"currency", "USD"}});
  CHECK(h.server.requests().size() == 2);  // organizations and usage; no overage request
}

TEST_CASE("status --json against alert_steps reads the session rising, then once at 0 with its reset kept") {
  Healthy h("alert_steps");
  std::vector<double> percents;
  std::vector<std::string> resets;
  for (int i = 0; i < 6; ++i) {
    const json doc = successJson(h.sandbox, h.server);
    REQUIRE(idsOf(doc) == std::vector<std::string>{"five_hour", "seven_day"});
    percents.push_back(doc["limits"][0]["used_percent"].get<double>());
    resets.push_back(doc["limits"][0]["resets_at"].get<std::string>());
  }
  CHECK(percents == std::vector<double>{50.0, 80.0, 92.0, 0.0, 92.0, 92.0});
  CHECK(std::all_of(resets.begin(), resets.end(), [&](const std::string& r) { return r == resets[0]; }));
}

TEST_CASE("status --json reports 0 for a window whose reset has passed and keeps unknown buckets") {
  Healthy h("ok");
  const std::string future = isoAfter(std::chrono::hours(50));
  h.server.on(
      std::string(test::kUsagePattern),
      test::Reply::json(200, R"({"five_hour": {"utilization": 80, "resets_at": "2020-01-01T00:00:00Z"},
                 "seven_day": {"utilization": "104.5", "resets_at": ")" +
                                 future + R"("}, "seven_day_opus": null,
                 "seven_day_fable": {"utilization": 7, "resets_at": null},
                 "extra_usage": {"is_enabled": false}})"));
  const json doc = successJson(h.sandbox, h.server);
  CHECK(idsOf(doc) == std::vector<std::string>{"five_hour", "seven_day", "seven_day_fable"});
  CHECK(doc["limits"][0]["used_percent"] == 0.0);
  CHECK(doc["limits"][0]["resets_at"] == "2020-01-01T00:00:00Z");
  CHECK(doc["limits"][1]["used_percent"] == 104.5);  // over the limit: the raw figure
  CHECK(doc["limits"][2]["used_percent"] == 7.0);
}

TEST_CASE("status --json gives each limit its pace: tier and projection and the time the limit is reached") {
  Healthy h("ok");
  // 50 % two hours into a five-hour window: 125 % projected, 100 % two hours from now. The weekly
  // window is two hours old (too early to tell); the third has no reset time.
  const std::string fiveHourReset = isoAfter(std::chrono::hours(3));
  const std::string weeklyReset = isoAfter(std::chrono::hours(7 * 24 - 2));
  h.server.on(
      std::string(test::kUsagePattern),
      test::Reply::json(200, R"({"five_hour": {"utilization": 50, "resets_at": ")" + fiveHourReset +
                                 R"("}, "seven_day": {"utilization": 1, "resets_at": ")" + weeklyReset +
                                 R"("}, "seven_day_opus": {"utilization": 30, "resets_at": null}})"));
  const json doc = successJson(h.sandbox, h.server);
  const json& session = doc["limits"][0]["pace"];
  CAPTURE(session.dump());
  CHECK(session["tier"] == "runaway");
  CHECK(session["projected_percent"].get<double>() == doctest::Approx(125.0).epsilon(0.01));
  REQUIRE(session["limit_at"].is_string());
  CHECK(std::regex_match(session["limit_at"].get<std::string>(), kIsoUtc));
  const auto untilLimit =
      epochOf(session["limit_at"].get<std::string>()) - epochOf(doc["fetched_at"].get<std::string>());
  CHECK(untilLimit == doctest::Approx(2 * 3600).epsilon(0.01));
  const json nulls = {{"tier", nullptr}, {"projected_percent", nullptr}, {"limit_at", nullptr}};
  CHECK(doc["limits"][1]["pace"] == nulls);
  CHECK(doc["limits"][2]["pace"] == nulls);
}

TEST_CASE("status --json pace has no limit time for a window that lasts to its reset") {
  Healthy h("ok");
  const std::string reset = isoAfter(std::chrono::hours(2));
  h.server.on(
      std::string(test::kUsagePattern),
      test::Reply::json(200, R"({"five_hour": {"utilization": 24, "resets_at": ")" + reset + R"("}})"));
  const json doc = successJson(h.sandbox, h.server);
  const json& pace = doc["limits"][0]["pace"];
  CAPTURE(pace.dump());
  CHECK(pace["tier"] == "comfortable");
  CHECK(pace["projected_percent"].get<double>() == doctest::Approx(40.0).epsilon(0.01));
  CHECK(pace["limit_at"].is_null());
}

TEST_CASE("plain status prints a table with percent and bar and countdown and local reset time") {
  Healthy h("ok");
  const auto resetsIn = std::chrono::hours(3) + std::chrono::minutes(47) + std::chrono::seconds(40);
  const std::string reset = isoAfter(resetsIn);
  h.server.on(std::string(test::kUsagePattern),
              test::Reply::json(200, R"({"five_hour": {"utilization": 38, "resets_at": ")" + reset +
                                         R"("}, "seven_day": {"utilization": 61.5, "resets_at": null}})"));
  const auto result = h.sandbox.run({"status"}, &h.server);
  CAPTURE(result.out);
  CAPTURE(result.err);
  REQUIRE(result.exitCode == 0);
  // TZ=UTC in the sandbox: the local reset time is the UTC one.
  const std::string clock = reset.substr(11, 5);
  const std::regex session("Session \\(5h\\) +38% +(█|░){20} +resets in 3h 4[67]m \\(([A-Z][a-z]{2} )?" +
                           clock + "\\)\n");
  CHECK(std::regex_search(result.out, session));
  CHECK(result.out.find("  ████████░░░░░░░░░░░░  ") != std::string::npos);  // 38 % of 20 cells, rounded
  const std::regex weekly("Weekly \\(all models\\) +61\\.5% +(█|░){20} +reset time unknown\n");
  CHECK(std::regex_search(result.out, weekly));
  CHECK(result.out.find("Extra usage") != std::string::npos);
  CHECK(result.out.find("€15.38 / €25.00") != std::string::npos);
  CHECK(result.out.find("pat@example.org's Organization") != std::string::npos);
  CHECK(result.err.empty());
  h.sandbox.checkKeyNowhere(result, &h.server);
}

TEST_CASE("a key file readable by others is tightened to 0600 with a warning on stderr") {
  Healthy h("ok");
  h.sandbox.writeKeyFile(std::string(test::kTestKey) + "\n", 0644);
  REQUIRE(test::fileMode(h.sandbox.keyFile()) == 0644);
  const auto result = h.sandbox.run({"status", "--json"}, &h.server);
  CHECK(result.exitCode == 0);
  CHECK(test::fileMode(h.sandbox.keyFile()) == 0600);
  CHECK(result.err.find("0600") != std::string::npos);
  CHECK(result.err.find(h.sandbox.keyFile()) != std::string::npos);
  CHECK(json::parse(result.out)["ok"] == true);
  h.sandbox.checkKeyNowhere(result, &h.server);
}

TEST_CASE("status remembers the organization in settings.json but never the api base or CA file") {
  Healthy h("ok");
  successJson(h.sandbox, h.server);
  const json settings = json::parse(test::readWholeFile(h.sandbox.settingsFile()));
  CHECK(settings["organization_uuid"] == test::kFirstOrgUuid);
  const std::string text = test::readWholeFile(h.sandbox.settingsFile());
  CHECK(text.find("127.0.0.1") == std::string::npos);
  CHECK(text.find(h.server.caFile().filename().string()) == std::string::npos);
  CHECK(test::fileMode(h.sandbox.settingsFile()) == 0600);
}

TEST_CASE("claude-usage-tracker-full runs status too when called directly") {
  Healthy h("ok");
  h.sandbox.setProgram(CUT_FULL_PROGRAM);
  const json doc = successJson(h.sandbox, h.server);
  CHECK(idsOf(doc) == std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus"});
}

TEST_CASE("status shares what it fetched through the usage cache, 0600 and without the key") {
  Healthy h("ok");
  const json doc = successJson(h.sandbox, h.server);
  const std::string cachePath = h.sandbox.stateDir() + "/usage-cache.json";
  const std::string text = test::readWholeFile(cachePath);
  REQUIRE_FALSE(text.empty());
  CHECK(test::fileMode(cachePath) == 0600);
  CHECK(text.find("sk-ant-") == std::string::npos);
  const auto cached = core::readCache(h.sandbox.stateDir());
  REQUIRE(cached.has_value());
  CHECK(cached->organizationName == doc["organization"]["name"].get<std::string>());
  for (const auto& limit : doc["limits"]) {
    const core::Limit* reading = cached->usage.find(limit["id"].get<std::string>());
    REQUIRE(reading != nullptr);
    // The cache keeps the raw reading; both read the same once a passed reset counts as 0 %.
    CHECK(core::effectivePercent(*reading, core::Clock::now()) ==
          doctest::Approx(limit["used_percent"].get<double>()));
    CHECK(reading->source == core::Source::ClaudeAi);
  }
}

TEST_CASE("status fetches the remembered organization when it is still listed") {
  Healthy h("ok");
  h.sandbox.writeSettings(std::string(R"({"organization_uuid": ")") + test::kSecondOrgUuid +
                          R"(", "opacity": 0.5})");
  const json doc = successJson(h.sandbox, h.server);
  CHECK(doc["organization"]["uuid"] == test::kSecondOrgUuid);
  CHECK(doc["organization"]["name"] == "Northwind Labs");
  bool askedSecond = false;
  for (const auto& request : h.server.requests()) {
    CHECK(request.target.find(test::kFirstOrgUuid) == std::string::npos);
    askedSecond = askedSecond || request.target.find(test::kSecondOrgUuid) != std::string::npos;
  }
  CHECK(askedSecond);
  const json settings = json::parse(test::readWholeFile(h.sandbox.settingsFile()));
  CHECK(settings["organization_uuid"] == test::kSecondOrgUuid);
  CHECK(settings["opacity"] == 0.5);
}

TEST_CASE("an org permission failure recovered by listing again still succeeds") {
  Healthy h("org_permission_then_ok");
  const json doc = successJson(h.sandbox, h.server);
  CHECK(idsOf(doc).front() == "five_hour");
}

TEST_CASE("status refuses an http api base with exit 2 and sends nothing") {
  Healthy h("ok");
  const std::string plain = "http://127.0.0.1:" + std::to_string(h.server.port());
  const auto result = h.sandbox.run({"status", "--json", "--api-base", plain}, &h.server);
  CHECK(result.exitCode == 2);
  CHECK(result.out.empty());
  CHECK(result.err.find("https://") != std::string::npos);
  CHECK(h.server.requestCount() == 0);
  CHECK(h.sandbox.files() == std::vector<std::string>{h.sandbox.keyFile()});
}

TEST_CASE("an unknown option or command is exit 2 with a pointer to --help") {
  CliSandbox sandbox;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"status", "--jsn"}, {"status", "--no-verify"}, {"stats"}, {"status", "--timeout", "0"}}) {
    CAPTURE(args.back());
    const auto result = sandbox.run(args, nullptr);
    CHECK(result.exitCode == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("--help") != std::string::npos);
  }
}

TEST_CASE("--help lists every error kind with the exit code status uses for it") {
  CliSandbox sandbox;
  const auto result = sandbox.run({"--help"}, nullptr);
  CHECK(result.exitCode == 0);
  for (int k = 0; k <= static_cast<int>(core::ErrorKind::TooLarge); ++k) {
    const auto kind = static_cast<core::ErrorKind>(k);
    const std::string line =
        "  " + std::to_string(core::exitCodeFor(kind)) + "  " + std::string(core::errorKindName(kind)) + "\n";
    CHECK_MESSAGE(result.out.find(line) != std::string::npos, line);
  }
}

TEST_SUITE_END();

TEST_CASE("status never writes TLS secrets to the file SSLKEYLOGFILE names") {
  Healthy h("ok");
  const std::string keyLog = h.sandbox.home() + "/tls-keys.log";
  // Inherited by the child: the program must drop it before libcurl starts.
  ::setenv("SSLKEYLOGFILE", keyLog.c_str(), 1);
  const auto result = h.sandbox.run({"status", "--json"}, &h.server);
  ::unsetenv("SSLKEYLOGFILE");
  CHECK(result.exitCode == 0);
  CHECK_FALSE(std::filesystem::exists(keyLog));
  h.sandbox.checkKeyNowhere(result, &h.server);
}
