#include <doctest/doctest.h>

#include "core/claude/usage_parser.h"

namespace usage_parser_edge_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

const TimePoint kObserved = Clock::from_time_t(1'795'900'000);

Usage parsed(const std::string& body) {
  auto result = parseUsage(body, kObserved);
  REQUIRE_MESSAGE(result.ok(), (result.ok() ? "" : result.error().message));
  return result.value();
}

std::string failure(const std::string& body) {
  auto result = parseUsage(body, kObserved);
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}

}  // namespace

TEST_CASE("utilization may be an int, a float, a numeric string or above 100") {
  const Usage usage = parsed(R"({"five_hour": {"utilization": "38", "resets_at": null},
    "seven_day": {"utilization": 61.25, "resets_at": null},
    "seven_day_opus": {"utilization": " 7.5 ", "resets_at": null},
    "seven_day_sonnet": {"utilization": 140, "resets_at": null}})");
  CHECK(usage.find("five_hour")->usedPercent == 38.0);
  CHECK(usage.find("seven_day")->usedPercent == 61.25);
  CHECK(usage.find("seven_day_opus")->usedPercent == 7.5);
  CHECK(usage.find("seven_day_sonnet")->usedPercent == 140.0);
}

TEST_CASE("NaN-ish, empty and non-numeric utilization strings count as 0, the bucket stays") {
  for (const char* value : {R"("NaN")", R"("nan")", R"("inf")", R"("-Infinity")", R"("")", R"("12abc")",
                            R"("0x10")", "true", "[]", "{}", R"("1e999")"}) {
    CAPTURE(value);
    const Usage usage = parsed(std::string(R"({"five_hour": {"utilization": )") + value + "}}");
    REQUIRE(usage.find("five_hour") != nullptr);
    CHECK(usage.find("five_hour")->usedPercent == 0.0);
  }
}

TEST_CASE("huge and negative percentages are held to a drawable range") {
  const Usage usage = parsed(R"({"five_hour": {"utilization": 1e308},
    "seven_day": {"utilization": 123456789012345678901234567890},
    "seven_day_opus": {"utilization": -5}})");
  CHECK(usage.find("five_hour")->usedPercent == 1000.0);
  CHECK(usage.find("seven_day")->usedPercent == 1000.0);
  CHECK(usage.find("seven_day_opus")->usedPercent == 0.0);
}

TEST_CASE("null buckets are left out and unknown buckets are kept with readable labels") {
  const Usage usage = parsed(R"({"iguana_necktie": {"utilization": 3, "resets_at": null},
    "five_hour": null, "seven_day": {"utilization": 1},
    "seven_day_cowork": {"utilization": 10, "resets_at": "2026-12-02T16:59:59Z"},
    "seven_day_omelette": {"utilization": 20}, "seven_day_oauth_apps": null,
    "seven_day_fable": {"utilization": "30"}, "member_dashboard_available": true,
    "some_setting": {"enabled": true}})");
  std::vector<std::string> ids;
  for (const auto& limit : usage.limits) ids.push_back(limit.id);
  CHECK(ids == std::vector<std::string>{"seven_day", "seven_day_cowork", "seven_day_omelette",
                                        "seven_day_fable", "iguana_necktie"});
  CHECK(usage.find("seven_day_cowork")->label == "Weekly Cowork");
  CHECK(usage.find("seven_day_cowork")->windowSeconds == kSevenDaySeconds);
  CHECK(usage.find("seven_day_omelette")->label == "Weekly Claude Design");
  CHECK(usage.find("seven_day_fable")->label == "Weekly Fable");
  CHECK(usage.find("seven_day_fable")->usedPercent == 30.0);
  CHECK(usage.find("iguana_necktie")->label == "Iguana Necktie");
  CHECK(usage.find("iguana_necktie")->windowSeconds == 0);
  CHECK(usage.find("iguana_necktie")->usedPercent == 3.0);
}

TEST_CASE("limits[] wins over legacy keys, keeps unknown families and fills in nothing it lacks") {
  const Usage usage = parsed(R"({
    "five_hour": {"utilization": 10, "resets_at": "2026-11-29T01:00:00Z"},
    "seven_day": {"utilization": 20},
    "seven_day_opus": {"utilization": 99},
    "seven_day_sonnet": {"utilization": 44},
    "limits": [
      {"kind": "weekly_scoped", "percent": "12.5", "resets_at": "2026-12-03T09:00:00Z",
       "scope": {"model": {"display_name": "Opus"}}},
      {"kind": "session", "percent": 55, "resets_at": "2026-11-29T02:00:00+00:00"},
      {"kind": "weekly_scoped", "percent": 5, "scope": {"model": {"display_name": "Fable X"}}},
      {"kind": "weekly_scoped", "percent": 6, "scope": {"model": {"id": "claude-haiku-4"}}},
      {"kind": "weekly_scoped", "percent": 1, "scope": null},
      null, 42, {"percent": 3},
      {"kind": "monthly_all", "percent": 7}
    ]})");
  std::vector<std::string> ids;
  for (const auto& limit : usage.limits) ids.push_back(limit.id);
  CHECK(ids == std::vector<std::string>{"five_hour", "seven_day", "seven_day_opus", "seven_day_sonnet",
                                        "seven_day_fable_x", "seven_day_haiku", "seven_day_scoped",
                                        "monthly_all"});
  CHECK(usage.find("five_hour")->usedPercent == 55.0);
  CHECK(usage.find("five_hour")->resetsAt == parseIsoTime("2026-11-29T02:00:00Z"));
  CHECK(usage.find("seven_day")->usedPercent == 20.0);  // no weekly_all entry: legacy stays
  CHECK(usage.find("seven_day_opus")->usedPercent == 12.5);
  CHECK(usage.find("seven_day_sonnet")->usedPercent == 44.0);
  CHECK(usage.find("seven_day_fable_x")->label == "Weekly Fable X");
  CHECK(usage.find("seven_day_haiku")->label == "Weekly Haiku");
  CHECK(usage.find("monthly_all")->label == "Monthly All");
  CHECK(usage.find("monthly_all")->windowSeconds == 0);
}

TEST_CASE("bodies that are not usage JSON are parse errors with a clear message") {
  CHECK(failure("") == "expected a JSON object with usage, got an empty body");
  CHECK(failure("  <html><body>Bad gateway</body></html>").find("got an HTML page: \"<html>") !=
        std::string::npos);
  CHECK(failure(R"({"five_hour": {"utilization": 3)").find("not valid JSON (at byte") != std::string::npos);
  CHECK(failure(R"([{"five_hour": 1}])").find("got an array") != std::string::npos);
  CHECK(failure(R"("five_hour")").find("got a string") != std::string::npos);
  CHECK(failure("42").find("got a number") != std::string::npos);
  CHECK(failure("null").find("got null") != std::string::npos);
  CHECK(failure(R"({"hello": "world"})").find("without them") != std::string::npos);
}

TEST_CASE("a quoted body excerpt never exceeds 80 characters nor carries a session key") {
  const std::string body = "<html>" + std::string(500, 'x') + "</html>";
  const std::string message = failure(body);
  CHECK(message.find(std::string(80, 'x')) == std::string::npos);
  CHECK(message.find(std::string(74, 'x')) != std::string::npos);

  const std::string echoed = failure("<p>sessionKey=sk-ant-sid01-TESTKEY_abc123xyz rejected</p>");
  CHECK(echoed.find("TESTKEY_abc123xyz") == std::string::npos);
  CHECK(echoed.find("sk-ant-…") != std::string::npos);
}

TEST_CASE("deeply nested garbage is an error, not a crash") {
  const std::string body = std::string(100000, '[') + std::string(100000, ']');
  CHECK(failure(body).find("got an array") != std::string::npos);
}

TEST_CASE("extra usage honours is_enabled, decimal_places, currency case and zero-decimal currencies") {
  CHECK_FALSE(
      parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": false, "used_credits": 100}})").extra);
  CHECK_FALSE(parsed(R"({"five_hour": null, "extra_usage": {"used_credits": 100}})").extra);

  auto extra = parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": true, "used_credits": "1275",
                          "monthly_limit": null, "currency": "usd"}})")
                   .extra;
  REQUIRE(extra);
  CHECK(extra->used == doctest::Approx(12.75));
  CHECK_FALSE(extra->limit.has_value());
  CHECK(extra->currency == "USD");

  extra = parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": true, "used_credits": 12750,
                     "monthly_limit": 50000, "decimal_places": 3, "currency": "EUR"}})")
              .extra;
  REQUIRE(extra);
  CHECK(extra->used == doctest::Approx(12.75));
  CHECK(*extra->limit == doctest::Approx(50.0));

  extra = parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": true, "used_credits": 1200,
                     "monthly_limit": 5000, "currency": "JPY"}})")
              .extra;
  REQUIRE(extra);
  CHECK(extra->used == doctest::Approx(1200.0));
  CHECK(*extra->limit == doctest::Approx(5000.0));
}

TEST_CASE("the newer spend object gives extra usage from amount_minor and exponent") {
  auto report = parseUsageReport(R"({"five_hour": null, "spend": {
      "used": {"amount_minor": 1538, "currency": "eur", "exponent": 2},
      "limit": {"amount_minor": 2500, "currency": "EUR", "exponent": 2}, "percent": 61}})",
                                 kObserved);
  REQUIRE(report.ok());
  CHECK(report.value().extraUsageReported);
  const auto& extra = report.value().usage.extra;
  REQUIRE(extra);
  CHECK(extra->used == doctest::Approx(15.38));
  CHECK(*extra->limit == doctest::Approx(25.0));
  CHECK(extra->currency == "EUR");

  // Inside an enabled extra_usage, spend wins over used_credits.
  const auto nested = parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": true, "used_credits": 1,
      "currency": "USD", "spend": {"used": {"amount_minor": 500}}}})")
                          .extra;
  REQUIRE(nested);
  CHECK(nested->used == doctest::Approx(5.0));
  CHECK(nested->currency == "USD");
  CHECK_FALSE(nested->limit.has_value());

  CHECK_FALSE(parsed(R"({"five_hour": null, "extra_usage": {"is_enabled": false},
      "spend": {"used": {"amount_minor": 500, "currency": "USD"}}})")
                  .extra);
}

TEST_CASE("overage spend limit: disabled is empty, shapes other than an object are errors") {
  auto disabled = parseOverageSpendLimit(R"({"is_enabled": false, "monthly_credit_limit": 2500})");
  REQUIRE(disabled.ok());
  CHECK_FALSE(disabled.value().has_value());
  CHECK_FALSE(parseOverageSpendLimit("[]").ok());
  CHECK_FALSE(parseOverageSpendLimit("<html>").ok());
}

TEST_CASE("organizations: entries without a uuid are skipped, other shapes are errors") {
  auto result = parseOrganizations(R"([{"uuid": "a-1", "name": null}, {"name": "no id"}, 7, null,
                                        {"uuid": "b-2", "name": "B", "capabilities": ["chat", 3, null]}])");
  REQUIRE(result.ok());
  REQUIRE(result.value().size() == 2);
  CHECK(result.value()[0].name.empty());
  CHECK(result.value()[1].capabilities == std::vector<std::string>{"chat"});
  auto empty = parseOrganizations("[]");
  REQUIRE(empty.ok());
  CHECK(empty.value().empty());
  auto object = parseOrganizations(R"({"uuid": "a"})");
  REQUIRE_FALSE(object.ok());
  CHECK(object.error().message.find("got an object") != std::string::npos);
}

}  // namespace usage_parser_edge_test
