// The history as people and programs see it through the real program: `status` and the status line
// record, `history` prints (table, --json, --csv, --since, --limit), a bad file is set aside.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "app/cli_sandbox.h"
#include "core/history/history_store.h"
#include "net/scenarios.h"

using namespace cut;
using nlohmann::json;
using test::CliSandbox;
using test::HttpsServer;

TEST_SUITE_BEGIN("process");

namespace {

// Claude Code's status-line input with only what the history needs.
std::string statuslineInput(double session, long sessionReset) {
  return R"({"model": {"display_name": "Opus"}, "rate_limits": {"five_hour": {"used_percentage": )" +
         std::to_string(session) + R"(, "resets_at": )" + std::to_string(sessionReset) +
         R"(}, "seven_day": {"used_percentage": 18, "resets_at": 1796778000}}})";
}

json historyJson(const CliSandbox& sandbox, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"history", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = sandbox.run(args, nullptr);
  INFO(result.err);
  REQUIRE(result.exitCode == 0);
  const json doc = json::parse(result.out, nullptr, false);
  REQUIRE(doc.is_array());
  return doc;
}

}  // namespace

TEST_CASE("the status line records a changed rate_limits once and history prints it") {
  CliSandbox sandbox;
  const long reset = 1796349600;
  REQUIRE(sandbox.run({"statusline"}, nullptr, statuslineInput(42.5, reset)).exitCode == 0);
  REQUIRE(sandbox.run({"statusline"}, nullptr, statuslineInput(42.5, reset)).exitCode == 0);
  REQUIRE(sandbox.run({"statusline"}, nullptr, statuslineInput(44, reset)).exitCode == 0);

  // Runs within one second share a time, and so one reading; flattened, the samples are in order.
  const json doc = historyJson(sandbox);
  json samples = json::array();
  for (const auto& reading : doc) {
    CHECK(reading["source"] == "claude-code");
    for (const auto& limit : reading["limits"]) samples.push_back(limit);
  }
  // The unchanged weekly limit is not stored again.
  CHECK(samples == json::parse(R"([
      {"id": "five_hour", "used_percent": 42.5, "resets_at": "2026-12-04T02:00:00Z"},
      {"id": "seven_day", "used_percent": 18.0, "resets_at": "2026-12-09T01:00:00Z"},
      {"id": "five_hour", "used_percent": 44.0, "resets_at": "2026-12-04T02:00:00Z"}])"));
  CHECK(test::fileMode(sandbox.stateDir() + "/history.sqlite") == 0600);

  CHECK(historyJson(sandbox, {"--limit", "seven_day"}).size() == 1);
  CHECK_FALSE(historyJson(sandbox, {"--since", "1h"}).empty());

  const auto csv = sandbox.run({"history", "--csv", "--limit=five_hour"}, nullptr);
  REQUIRE(csv.exitCode == 0);
  CHECK(csv.out.starts_with("time,source,id,used_percent,resets_at\n"));
  CHECK(csv.out.find(",claude-code,five_hour,42.5,2026-12-04T02:00:00Z\n") != std::string::npos);
  CHECK(csv.out.find(",claude-code,five_hour,44,2026-12-04T02:00:00Z\n") != std::string::npos);

  const auto table = sandbox.run({"history"}, nullptr);
  REQUIRE(table.exitCode == 0);
  CHECK(table.out.starts_with("time "));
  CHECK(table.out.find("claude-code  seven_day    18 %  2026-12-09T01:00:00Z") != std::string::npos);
}

TEST_CASE("status records each fetch from claude.ai in the history") {
  CliSandbox sandbox;
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  REQUIRE(sandbox.run({"status", "--json"}, &server).exitCode == 0);
  REQUIRE(sandbox.run({"status", "--json"}, &server).exitCode == 0);

  const json doc = historyJson(sandbox);
  REQUIRE(doc.size() == 1);  // the second fetch saw the same numbers
  CHECK(doc[0]["source"] == "claude.ai");
  REQUIRE(doc[0]["limits"].size() == 3);
  CHECK(doc[0]["limits"][0] == json::parse(R"({"id": "five_hour", "used_percent": 91.0,
      "resets_at": "2026-11-29T01:00:00Z"})"));
  sandbox.checkKeyNowhere(sandbox.run({"history", "--csv"}, nullptr), &server);
}

TEST_CASE("history sets an unreadable file aside, names it and starts anew") {
  CliSandbox sandbox;
  std::filesystem::create_directories(sandbox.stateDir());
  const std::string garbage = "this is not a database, but someone's data all the same\n";
  test::writeWholeFile(sandbox.stateDir() + "/history.sqlite", garbage);

  const auto result = sandbox.run({"history", "--json"}, nullptr);
  CHECK(result.exitCode == 0);
  CHECK(result.out == "[]\n");
  const auto at = result.err.find(sandbox.stateDir() + "/history.sqlite.bad-");
  REQUIRE(at != std::string::npos);
  const auto end = result.err.find(' ', at);
  CHECK(test::readWholeFile(result.err.substr(at, end - at)) == garbage);
  CHECK(test::fileMode(sandbox.stateDir() + "/history.sqlite") == 0600);
}

TEST_CASE("history refuses a wrong command line") {
  CliSandbox sandbox;
  for (const auto& args : std::vector<std::vector<std::string>>{{"history", "--since", "7w"},
                                                                {"history", "--json", "--csv"},
                                                                {"history", "--limit"},
                                                                {"status", "--csv"}}) {
    const auto result = sandbox.run(args, nullptr);
    INFO(args[1]);
    CHECK(result.exitCode == 2);
    CHECK(result.err.find("see --help") != std::string::npos);
  }
}

TEST_SUITE_END();
