#include "core/model/alert_policy.h"

#include <doctest/doctest.h>

namespace alert_policy_test {

using namespace cut::core;
using namespace std::chrono_literals;

namespace {

const TimePoint kStart = Clock::from_time_t(1'800'000'000);
const TimePoint kReset = kStart + 5h;

Limit session(double percent, TimePoint resetsAt = kReset) {
  return Limit{.id = "five_hour",
               .label = "Session (5h)",
               .usedPercent = percent,
               .resetsAt = resetsAt,
               .windowSeconds = kFiveHourSeconds};
}

Limit weekly(double percent) {
  return Limit{.id = "seven_day",
               .label = "Weekly (all models)",
               .usedPercent = percent,
               .resetsAt = kStart + 72h,
               .windowSeconds = kSevenDaySeconds};
}

std::vector<Notification> feed(AlertRecord& record, TimePoint now, std::vector<Limit> limits,
                               const AlertSettings& settings = {}) {
  return evaluateAlerts(record, AlertInput{.now = now, .limits = std::move(limits)}, settings);
}

}  // namespace

TEST_CASE("the session notifies once at each of 75, 90 and 95 percent, naming the limit and percent") {
  AlertRecord record;
  CHECK(feed(record, kStart + 1h, {session(50)}).empty());
  auto n = feed(record, kStart + 2h, {session(76)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].kind == AlertKind::Threshold);
  CHECK(n[0].summary == "Session (5h) at 76%");
  CHECK(n[0].body.find("passed 75%") != std::string::npos);
  CHECK(feed(record, kStart + 2h + 1min, {session(80)}).empty());
  REQUIRE(feed(record, kStart + 3h, {session(91)}).size() == 1);
  n = feed(record, kStart + 3h + 1min, {session(95)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].summary == "Session (5h) at 95%");
  CHECK(feed(record, kStart + 3h + 2min, {session(99)}).empty());
}

TEST_CASE("thresholds crossed while nothing was running fire one combined notification") {
  AlertRecord record;
  auto n = feed(record, kStart + 4h, {session(96), weekly(92)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].summary == "Session (5h) at 96%, Weekly (all models) at 92%");
  CHECK(n[0].body.find("75%, 90% and 95%") != std::string::npos);
  CHECK(n[0].body.find("Weekly (all models) passed 90%") != std::string::npos);
  CHECK(feed(record, kStart + 4h + 1min, {session(97), weekly(93)}).empty());
}

TEST_CASE("a weekly window notifies when it crosses 90 percent, not before") {
  AlertRecord record;
  CHECK(feed(record, kStart, {weekly(89.9)}).empty());
  auto n = feed(record, kStart + 1h, {weekly(90)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].summary == "Weekly (all models) at 90%");
}

TEST_CASE("a window resetting after it reached 90 percent says fresh window, and thresholds rearm") {
  AlertRecord record;
  feed(record, kStart + 4h, {session(93)});
  auto n = feed(record, kReset + 5min, {session(2, kReset + 5h)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].kind == AlertKind::FreshWindow);
  CHECK(n[0].summary == "Fresh window: Session (5h) at 2%");
  CHECK(n[0].body.find("93%") != std::string::npos);
  CHECK(feed(record, kReset + 6min, {session(3, kReset + 5h)}).empty());
  CHECK(feed(record, kReset + 2h, {session(75, kReset + 5h)}).size() == 1);  // 75 % again, new window
}

TEST_CASE("a reading after the reset time counts as the reset even before the new window shows") {
  AlertRecord record;
  feed(record, kStart + 4h, {session(91)});
  auto n = feed(record, kReset + 1min, {session(91)});  // stale numbers of the old window
  REQUIRE(n.size() == 1);
  CHECK(n[0].kind == AlertKind::FreshWindow);
  CHECK(feed(record, kReset + 3min, {session(1, kReset + 5h)}).empty());
}

TEST_CASE("a window that stayed under 90 percent resets quietly") {
  AlertRecord record;
  feed(record, kStart + 4h, {session(80)});
  CHECK(feed(record, kReset + 5min, {session(2, kReset + 5h)}).empty());
}

TEST_CASE("a phantom reset fires nothing, and the window carries on as before") {
  AlertRecord record;
  feed(record, kStart + 3h, {session(92)});
  const AlertRecord before = record;
  CHECK(feed(record, kStart + 3h + 1min, {session(0)}).empty());
  Limit noReset = session(0);
  noReset.resetsAt.reset();
  CHECK(feed(record, kStart + 3h + 2min, {noReset}).empty());
  CHECK(record == before);
  // 95 % next fires only 95, not 75 and 90 again
  auto n = feed(record, kStart + 3h + 3min, {session(95)});
  REQUIRE(n.size() == 1);
  CHECK(n[0].body.find("passed 95%;") != std::string::npos);
}

TEST_CASE("the expired key notifies once until a reading works again") {
  AlertRecord record;
  auto n = evaluateAlerts(record, AlertInput{.now = kStart, .keyExpired = true}, {});
  REQUIRE(n.size() == 1);
  CHECK(n[0].kind == AlertKind::KeyExpired);
  CHECK(evaluateAlerts(record, AlertInput{.now = kStart + 1min, .keyExpired = true}, {}).empty());
  feed(record, kStart + 2min, {session(10)});
  CHECK(evaluateAlerts(record, AlertInput{.now = kStart + 3min, .keyExpired = true}, {}).size() == 1);
}

TEST_CASE("the projection turning critical notifies only when turned on, once per window") {
  Pace critical;
  critical.projectedPercent = 110.0;
  critical.tier = PaceTier::Critical;
  const AlertInput input{.now = kStart + 1h, .limits = {session(22)}, .pace = {{"five_hour", critical}}};
  AlertRecord off;
  CHECK(evaluateAlerts(off, input, {}).empty());
  AlertRecord on;
  AlertSettings settings;
  settings.projectionCritical = true;
  auto n = evaluateAlerts(on, input, settings);
  REQUIRE(n.size() == 1);
  CHECK(n[0].kind == AlertKind::ProjectionCritical);
  CHECK(n[0].body.find("110%") != std::string::npos);
  CHECK(evaluateAlerts(on, input, settings).empty());
}

TEST_CASE("configured thresholds and switched-off alerts are honoured") {
  AlertSettings settings;
  settings.sessionPercents = {50.0};
  settings.weekly = false;
  AlertRecord record;
  auto n = feed(record, kStart + 1h, {session(60), weekly(95)}, settings);
  REQUIRE(n.size() == 1);
  CHECK(n[0].summary == "Session (5h) at 60%");
  settings.weekly = true;  // turned on later: the crossing already seen does not replay
  CHECK(feed(record, kStart + 2h, {session(61), weekly(96)}, settings).empty());
}

TEST_CASE("session percents typed as a list are read whole, or refused with the reason") {
  const auto read = parseSessionPercents("75, 90, 95");
  REQUIRE(read.ok());
  CHECK(read.value() == std::vector<double>{75.0, 90.0, 95.0});
  CHECK(parseSessionPercents("50% 80%,99.5").value() == std::vector<double>{50.0, 80.0, 99.5});
  CHECK(parseSessionPercents("").value().empty());
  CHECK(parseSessionPercents("90, 75").error() == "the percents must rise (75, 90, 95)");
  CHECK(parseSessionPercents("75, 75").error() == "the percents must rise (75, 90, 95)");
  CHECK(parseSessionPercents("0.5").error() == "each percent must be from 1 to 100");
  CHECK(parseSessionPercents("101").error() == "each percent must be from 1 to 100");
  CHECK(parseSessionPercents("1 2 3 4 5 6 7 8 9").error() == "at most 8 percents");
  CHECK(parseSessionPercents("75, ninety").error() == "\"ninety\" is not a percent");
  CHECK(parseSessionPercents("-5").error() == "\"-5\" is not a percent");
  CHECK(parseSessionPercents("1e2").error() == "\"1e2\" is not a percent");
  CHECK(parseSessionPercents("7.5.1").error() == "\"7.5.1\" is not a percent");
}

TEST_CASE("session percents written for people read back as the same list") {
  for (const std::vector<double>& percents :
       {std::vector<double>{}, std::vector<double>{75.0, 90.0, 95.0}, std::vector<double>{12.5, 100.0}}) {
    const std::string text = formatSessionPercents(percents);
    CHECK(parseSessionPercents(text).value() == percents);
  }
  CHECK(formatSessionPercents({75.0, 90.0, 95.0}) == "75, 90, 95");
  CHECK(sessionPercentsProblem({75.0, 90.0}).empty());
  CHECK_FALSE(sessionPercentsProblem({90.0, 75.0}).empty());
}

}  // namespace alert_policy_test
