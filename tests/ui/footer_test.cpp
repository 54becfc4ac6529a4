#include "ui/footer.h"

#include <doctest/doctest.h>

#include "core/model/format.h"
#include "headless.h"

using namespace cut;
using namespace cut::ui;
using namespace std::chrono_literals;

namespace {

core::UsageSnapshot failing(core::ErrorKind kind, int httpStatus = 0) {
  core::UsageSnapshot snapshot = test::okSnapshot();
  snapshot.error = core::FetchError{kind, "what happened, for people", httpStatus, std::nullopt};
  snapshot.lastSuccess = test::testNow() - 12min;
  snapshot.nextAttempt = test::testNow() + 5min;
  snapshot.paused = core::pausesPolling(kind);
  if (snapshot.paused) snapshot.nextAttempt.reset();
  return snapshot;
}

std::string retryAt() { return core::formatLocalTime(test::testNow() + 5min, test::testNow(), true); }

std::vector<FooterLine> linesFor(const core::UsageSnapshot& snapshot, bool hasKey = true) {
  return footerLines(snapshot, core::Settings{}, hasKey, test::testNow());
}

}  // namespace

TEST_CASE("a fresh snapshot's footer says how old the numbers are") {
  const auto lines = linesFor(test::okSnapshot());
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "updated 2 min ago");
  CHECK(lines[0].tone == Tone::Muted);
  CHECK_FALSE(isStale(test::okSnapshot(), core::Settings{}, test::testNow()));
}

TEST_CASE("an expired key asks for a new one and opens the key entry when clicked") {
  const auto lines = linesFor(failing(core::ErrorKind::AuthExpired));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "Key expired \u2014 click to enter a new one");
  CHECK(lines[0].click == FooterLine::Click::KeyEntry);
  CHECK(lines[0].tone == Tone::Error);
  CHECK(lines[0].detail == "what happened, for people");
  CHECK(lines[1].text == "updated 12 min ago");
}

TEST_CASE("numbers another process cached keep their age on screen while this one only fails") {
  // A fresh start whose first fetch fails: what is drawn came from the usage cache `status` or the
  // status line wrote 40 minutes ago, and the footer says so under the error.
  core::UsageSnapshot snapshot = failing(core::ErrorKind::Cloudflare, 403);
  snapshot.lastSuccess.reset();
  for (core::Limit& limit : snapshot.usage->limits) limit.observedAt = test::testNow() - 40min;
  const auto lines = linesFor(snapshot);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].tone == Tone::Warning);
  CHECK(lines[1].text == "updated 40 min ago");
  CHECK(isStale(snapshot, core::Settings{}, test::testNow()));
}

TEST_CASE("Cloudflare says when it retries and that the key is fine") {
  const auto lines = linesFor(failing(core::ErrorKind::Cloudflare, 403));
  CHECK(lines.at(0).text ==
        "Cloudflare is challenging this network \u2014 retrying at " + retryAt() + ", your key is fine");
}

TEST_CASE("each transient failure names the problem and the retry time") {
  struct Case {
    core::ErrorKind kind;
    int status;
    std::string expected;
  };
  const std::string retry = " \u2014 retrying at " + retryAt();
  const Case cases[] = {
      {core::ErrorKind::Network, 0, "Offline" + retry},
      {core::ErrorKind::Timeout, 0, "claude.ai is not answering" + retry},
      {core::ErrorKind::RateLimited, 429, "claude.ai asked us to slow down" + retry},
      {core::ErrorKind::Server, 503, "claude.ai is having trouble (HTTP 503)" + retry},
      {core::ErrorKind::Tls, 0, "Secure connection failed (a proxy or captive portal?)" + retry},
      {core::ErrorKind::BadResponse, 200, "Unexpected answer from claude.ai" + retry},
      {core::ErrorKind::TooLarge, 200, "claude.ai sent far too much data" + retry},
  };
  for (const Case& c : cases) {
    CAPTURE(core::errorKindName(c.kind));
    const auto snapshot = failing(c.kind, c.status);
    const auto lines = linesFor(snapshot);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == c.expected);
    CHECK(lines[0].click == FooterLine::Click::Refresh);
    CHECK(lines[1].text == "updated 12 min ago");
    CHECK(isStale(snapshot, core::Settings{}, test::testNow()));
  }
}

TEST_CASE("retry wording follows the poller: now while fetching, 12-hour clock when chosen") {
  auto snapshot = failing(core::ErrorKind::Network);
  snapshot.fetching = true;
  CHECK(linesFor(snapshot).at(0).text == "Offline \u2014 retrying now");
  snapshot.fetching = false;
  core::Settings settings;
  settings.clock24h = false;
  const auto lines = footerLines(snapshot, settings, true, test::testNow());
  const std::string expected = core::formatLocalTime(test::testNow() + 5min, test::testNow(), false);
  CHECK(lines.at(0).text == "Offline \u2014 retrying at " + expected);
}

TEST_CASE("numbers older than three intervals are stale even without an error") {
  auto snapshot = test::okSnapshot();
  snapshot.lastSuccess = test::testNow() - 20min;
  CHECK(isStale(snapshot, core::Settings{}, test::testNow()));
  const auto lines = linesFor(snapshot);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "updated 20 min ago \u2014 click to refresh");
  CHECK(lines[0].tone == Tone::Warning);
  CHECK(lines[0].click == FooterLine::Click::Refresh);
}

TEST_CASE("no key and no numbers: the footer points at the key entry") {
  core::UsageSnapshot snapshot;
  const auto lines = linesFor(snapshot, false);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "No session key \u2014 click to add one");
  CHECK(lines[0].click == FooterLine::Click::KeyEntry);
}

TEST_CASE("demo data says it is a sample and is never stale") {
  auto snapshot = test::okSnapshot();
  snapshot.demo = true;
  snapshot.lastSuccess = test::testNow() - 5h;
  CHECK_FALSE(isStale(snapshot, core::Settings{}, test::testNow()));
  CHECK(linesFor(snapshot).at(0).text == "Sample data \u2014 no network is used");
}

namespace {

/// No key file; Claude Code's numbers from the cache (what mergeWithCache gives).
core::UsageSnapshot claudeCodeOnly(std::chrono::seconds age) {
  core::UsageSnapshot snapshot;
  snapshot.error = core::FetchError{core::ErrorKind::NoKey, "No key file", 0, std::nullopt};
  snapshot.paused = true;
  snapshot.usage = test::sampleUsage();
  snapshot.usage->limits.resize(2);
  snapshot.usage->extra.reset();
  for (core::Limit& limit : snapshot.usage->limits) {
    limit.source = core::Source::ClaudeCode;
    limit.observedAt = test::testNow() - age;
  }
  return snapshot;
}

}  // namespace

TEST_CASE("with no key, Claude Code's numbers get a footer that offers the key and names the source") {
  const auto snapshot = claudeCodeOnly(70s);
  const auto lines = linesFor(snapshot, false);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == "From Claude Code \u2014 add a session key for per-model limits and extra usage");
  CHECK(lines[0].click == FooterLine::Click::KeyEntry);
  CHECK(lines[1].text == "via Claude Code \u00B7 updated 1 min ago");
  CHECK(lines[1].tone == Tone::Muted);
  CHECK_FALSE(isStale(snapshot, core::Settings{}, test::testNow()));
}

TEST_CASE("Claude Code's numbers left idle go stale without offering a refresh that needs a key") {
  const auto snapshot = claudeCodeOnly(20min);
  CHECK(isStale(snapshot, core::Settings{}, test::testNow()));
  const auto lines = linesFor(snapshot, false);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].text == "via Claude Code \u00B7 updated 20 min ago");
  CHECK(lines[1].tone == Tone::Warning);
  CHECK(lines[1].click == FooterLine::Click::None);
}

TEST_CASE("with both sources the footer names the one with the newest reading") {
  core::UsageSnapshot snapshot = test::okSnapshot();  // claude.ai, fetched 2 min ago
  snapshot.usage->limits[0].source = core::Source::ClaudeCode;
  snapshot.usage->limits[0].observedAt = test::testNow() - 10s;
  auto lines = linesFor(snapshot);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "via Claude Code \u00B7 updated just now");

  snapshot.usage->limits[0].observedAt = test::testNow() - 5min;
  lines = linesFor(snapshot);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "claude.ai \u00B7 updated 2 min ago");
}

TEST_CASE("with no key and no Claude Code numbers the footer still asks for a key") {
  core::UsageSnapshot snapshot;
  snapshot.error = core::FetchError{core::ErrorKind::NoKey, "No key file", 0, std::nullopt};
  snapshot.paused = true;
  const auto lines = linesFor(snapshot, false);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "No session key \u2014 click to add one");
}

TEST_CASE("problems with the settings file stand as one line, all of them on hover") {
  CHECK_FALSE(noticesLine({}).has_value());
  const auto one = noticesLine({"settings.json is not valid JSON; it was kept as settings.json.bad"});
  REQUIRE(one.has_value());
  CHECK(one->text == "A problem with a file \u2014 hover to read, click to dismiss");
  CHECK(one->tone == Tone::Warning);
  CHECK(one->click == FooterLine::Click::DismissNotices);
  CHECK(one->detail == "settings.json is not valid JSON; it was kept as settings.json.bad");
  const auto two = noticesLine({"first", "second"});
  REQUIRE(two.has_value());
  CHECK(two->text == "2 problems with files \u2014 hover to read, click to dismiss");
  CHECK(two->detail == "first\n\nsecond");
}

TEST_CASE("alerts no notification service showed stand newest first, the body on hover, then a count") {
  CHECK(alertLines({}).empty());
  auto alert = [](std::string summary) {
    return core::Notification{.limitId = "five_hour", .summary = std::move(summary), .body = "body of it"};
  };
  const auto two = alertLines({alert("Session (5h) at 80%"), alert("Session (5h) at 92%")});
  REQUIRE(two.size() == 2);
  CHECK(two[0].text == "Alert: Session (5h) at 92%");
  CHECK(two[1].text == "Alert: Session (5h) at 80%");
  CHECK(two[0].tone == Tone::Error);
  CHECK(two[0].click == FooterLine::Click::DismissAlerts);
  CHECK(two[0].detail.starts_with("body of it\n\n"));
  const auto five = alertLines({alert("a"), alert("b"), alert("c"), alert("d"), alert("e")});
  REQUIRE(five.size() == kAlertLinesShown + 1);
  CHECK(five[0].text == "Alert: e");
  CHECK(five[2].text == "Alert: c");
  CHECK(five[3].text == "and 2 earlier alerts");
  CHECK(five[3].click == FooterLine::Click::DismissAlerts);
}
