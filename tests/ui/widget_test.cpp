#include "ui/widget.h"

#include <doctest/doctest.h>

#include "core/model/format.h"
#include "headless.h"
#include "ui/theme.h"

using namespace cut;
using namespace cut::ui;
using namespace cut::ui::test;
using namespace std::chrono_literals;

TEST_CASE("a fresh snapshot draws one row per limit with percent, countdown and money") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  const Actions actions = ui.frames(widget, view, 4);
  INFO(allText(widget));
  for (const char* expected :
       {"Claude usage", "Session (5h)", "38%", "resets in 3h 47m", "Weekly (all models)", "72%",
        "Weekly Opus", "91%", "Weekly Claude Design", "12%", "reset time unknown", "Extra usage",
        "\u20AC15.38 / \u20AC25.00", "updated 2 min ago"}) {
    CHECK_MESSAGE(drew(widget, expected), expected);
  }
  CHECK_FALSE(widget.settingsOpen());
  CHECK_FALSE(drew(widget, "DEMO"));
  // Percentages are right-aligned: they end at the same x.
  const DrawnItem* session = findItem(widget, "38%");
  const DrawnItem* weekly = findItem(widget, "72%");
  REQUIRE(session != nullptr);
  REQUIRE(weekly != nullptr);
  CHECK(session->maxX == doctest::Approx(weekly->maxX).epsilon(0.002));
  CHECK(session->minX > findItem(widget, "Session (5h)")->maxX);
  // About 300 px wide, as tall as the rows, and settled.
  CHECK(actions.contentWidth == doctest::Approx(300.0f));
  CHECK(actions.contentHeight > 150.0f);
  CHECK(actions.contentHeight < 400.0f);
  CHECK_FALSE(actions.animating);
}

TEST_CASE("gauge colours follow the bands, and stale numbers are drawn dimmed rather than hidden") {
  Headless ui;
  Widget widget;
  ui.frames(widget, viewOf(okSnapshot()), 3);
  auto colors = ui.vertexColors();
  CHECK(colors.count(bandColor(Band::Green, false)) == 1);  // 38 %, 12 %
  CHECK(colors.count(bandColor(Band::Amber, false)) == 1);  // 72 %
  CHECK(colors.count(bandColor(Band::Red, false)) == 1);    // 91 %
  CHECK(colors.count(bandColor(Band::Green, true)) == 0);

  Widget stale;
  ui.frames(stale, viewOf(withError(core::ErrorKind::Network)), 3);
  colors = ui.vertexColors();
  CHECK(drew(stale, "38%"));
  CHECK(colors.count(bandColor(Band::Green, true)) == 1);
  CHECK(colors.count(bandColor(Band::Red, true)) == 1);
  CHECK(colors.count(bandColor(Band::Green, false)) == 0);
  CHECK(colors.count(bandColor(Band::Red, false)) == 0);
}

TEST_CASE("the band colour of a row switches at 70 and 90 percent") {
  struct Case {
    double percent;
    Band band;
  };
  for (const Case c :
       {Case{69.0, Band::Green}, Case{70.0, Band::Amber}, Case{89.0, Band::Amber}, Case{90.0, Band::Red}}) {
    CAPTURE(c.percent);
    Headless ui;
    Widget widget;
    core::UsageSnapshot snapshot = okSnapshot();
    snapshot.usage->limits.resize(1);
    snapshot.usage->extra.reset();
    snapshot.usage->limits[0].usedPercent = c.percent;
    ui.frames(widget, viewOf(snapshot), 3);
    const auto colors = ui.vertexColors();
    for (Band band : {Band::Green, Band::Amber, Band::Red}) {
      CHECK(colors.count(bandColor(band, false)) == (band == c.band ? 1u : 0u));
    }
  }
}

TEST_CASE("every error kind draws its footer over the last good numbers without an ImGui assertion") {
  const core::ErrorKind kinds[] = {
      core::ErrorKind::NoKey,      core::ErrorKind::InvalidKey,    core::ErrorKind::AuthExpired,
      core::ErrorKind::Cloudflare, core::ErrorKind::OrgPermission, core::ErrorKind::RateLimited,
      core::ErrorKind::Server,     core::ErrorKind::Network,       core::ErrorKind::Timeout,
      core::ErrorKind::Tls,        core::ErrorKind::BadResponse,   core::ErrorKind::TooLarge};
  Headless ui;
  for (core::ErrorKind kind : kinds) {
    CAPTURE(core::errorKindName(kind));
    Widget widget;
    ui.frames(widget, viewOf(withError(kind, 503)), 4);
    CHECK(drew(widget, "38%"));
    CHECK(drew(widget, "updated 12 min ago"));
    CHECK(widget.drawnItems().size() > 10);
  }
  Widget cloudflare;
  ui.frames(cloudflare, viewOf(withError(core::ErrorKind::Cloudflare, 403)), 2);
  const std::string at = core::formatLocalTime(testNow() + 5min, testNow(), true);
  CHECK(drew(cloudflare,
             "Cloudflare is challenging this network \u2014 retrying at " + at + ", your key is fine"));
  Widget offline;
  ui.frames(offline, viewOf(withError(core::ErrorKind::Network)), 2);
  CHECK(drew(offline, "Offline \u2014 retrying at " + at));
}

TEST_CASE("keyboard: Ctrl+R refreshes, Ctrl+comma toggles settings, Escape closes, Ctrl+Q quits") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  CHECK(ui.pressKey(widget, view, 'R', true).refresh);
  CHECK_FALSE(ui.pressKey(widget, view, 'R', false).refresh);
  ui.pressKey(widget, view, ',', true);
  CHECK(widget.settingsOpen());
  ui.pressKey(widget, view, kGlfwEscape);
  CHECK_FALSE(widget.settingsOpen());
  CHECK_FALSE(ui.pressKey(widget, view, 'Q', false).quit);
  CHECK(ui.pressKey(widget, view, 'Q', true).quit);
}

TEST_CASE("dragging the background reports the grab point and the release") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  const DrawnItem row = *findItem(widget, "Session (5h)");
  const float x = row.maxX + 20.0f;
  const float y = row.minY + 2.0f;
  ui.mouseMove(x, y);
  ui.frame(widget, view);
  ui.mouseButton(0, true);
  CHECK_FALSE(ui.frame(widget, view).dragging);
  ui.mouseMove(x + 30.0f, y + 10.0f);
  const Actions moving = ui.frame(widget, view);
  CHECK(moving.dragging);
  CHECK(moving.grabX == doctest::Approx(x));
  CHECK(moving.grabY == doctest::Approx(y));
  CHECK_FALSE(moving.dragReleased);
  ui.mouseButton(0, false);
  const Actions released = ui.frame(widget, view);
  CHECK(released.dragReleased);
  CHECK_FALSE(released.dragging);
}

TEST_CASE("a drag that starts on a control does not move the window") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  const DrawnItem close = *findItem(widget, "Close");
  const float x = (close.minX + close.maxX) / 2.0f;
  const float y = (close.minY + close.maxY) / 2.0f;
  ui.mouseMove(x, y);
  ui.frame(widget, view);
  ui.mouseButton(0, true);
  ui.frame(widget, view);
  ui.mouseMove(x + 40.0f, y + 40.0f);
  Actions actions = ui.frames(widget, view, 2);
  ui.mouseButton(0, false);
  mergeInto(actions, ui.frame(widget, view));
  CHECK_FALSE(actions.dragging);
  CHECK_FALSE(actions.dragReleased);
}

TEST_CASE("double-clicking the background switches to compact mode") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  const DrawnItem row = *findItem(widget, "Session (5h)");
  ui.click(widget, view, row.maxX + 20.0f, row.minY + 2.0f);
  const Actions second = ui.click(widget, view, row.maxX + 20.0f, row.minY + 2.0f);
  REQUIRE(second.applySettings.has_value());
  CHECK(second.applySettings->compact);
}

TEST_CASE("demo data is labelled DEMO and does not ask for a key") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot = okSnapshot();
  snapshot.demo = true;
  ViewModel view = viewOf(snapshot);
  view.hasKey = false;
  ui.frames(widget, view, 3);
  CHECK(drew(widget, "DEMO"));
  CHECK(drew(widget, "Sample data \u2014 no network is used"));
  CHECK_FALSE(widget.settingsOpen());
  Widget compact;
  view.settings.compact = true;
  ui.frames(compact, view, 3);
  CHECK(drew(compact, "38%"));
}

TEST_CASE("over 100 percent shows the real number on a full red gauge") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot = okSnapshot();
  snapshot.usage->limits[0].usedPercent = 104.0;
  snapshot.usage->extra->used = 31.0;
  ui.frames(widget, viewOf(snapshot), 3);
  CHECK(drew(widget, "104%"));
  CHECK(drew(widget, "\u20AC31.00 / \u20AC25.00"));
  CHECK(ui.vertexColors().count(bandColor(Band::Red, false)) == 1);
}

TEST_CASE("an empty snapshot while fetching, and a snapshot with no limits, still draw") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot fetching;
  fetching.fetching = true;
  ui.frames(widget, viewOf(fetching), 3);
  CHECK(drew(widget, "Fetching usage\u2026"));
  core::UsageSnapshot none = okSnapshot();
  none.usage->limits.clear();
  none.usage->extra.reset();
  ui.frames(widget, viewOf(none), 3);
  CHECK(drew(widget, "No usage limits reported"));
}

TEST_CASE("everything opens at once at content scale 2 without an ImGui assertion") {
  Headless ui(2.0f);
  Widget widget;
  core::UsageSnapshot snapshot = withError(core::ErrorKind::Cloudflare, 403);
  snapshot.organizations.push_back({"org-2", "Personal", {}});
  ViewModel view = viewOf(snapshot);
  view.contentScale = 2.0f;
  widget.openSettings();
  Actions actions = ui.frames(widget, view, 3);
  CHECK(actions.contentWidth == doctest::Approx(680.0f));
  const DrawnItem row = *findItem(widget, "Session (5h)");
  ui.click(widget, view, row.maxX + 40.0f, row.minY + 4.0f, 1);
  CHECK(drew(widget, "Quit"));
  actions = ui.frames(widget, view, 3);
  CHECK(actions.contentHeight > 700.0f);
}

TEST_CASE("hovering a row shows the local reset time, the even-pace point, the source and the organization") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  const DrawnItem row = *findItem(widget, "Session (5h)");
  ui.mouseMove(row.maxX + 20.0f, row.minY + 4.0f);
  ui.frames(widget, view, 3);
  INFO(allText(widget));
  const std::string at = core::formatLocalTime(testNow() + 3h + 47min, testNow(), true);
  CHECK(drew(widget, "Resets " + at));
  CHECK(drew(widget, "Even pace: 24% of the window has passed (the marker)"));
  CHECK(drewContaining(widget, "Source: claude.ai"));
  CHECK(drew(widget, "Organization: Acme Research"));
}

TEST_CASE("the widget grows while the settings panel is open and shrinks back when it closes") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  const Actions closed = ui.frames(widget, view, 3);
  widget.openSettings();
  const Actions open = ui.frames(widget, view, 3);
  CHECK(open.contentHeight > closed.contentHeight + 100.0f);
  CHECK(open.contentWidth > closed.contentWidth);
  CHECK(open.contentHeight < 600.0f);  // fits a small screen at scale 1
  ui.clickItem(widget, view, "Close");
  const Actions after = ui.frames(widget, view, 3);
  CHECK_FALSE(widget.settingsOpen());
  CHECK(after.contentHeight == doctest::Approx(closed.contentHeight));
}

TEST_CASE("with no key and Claude Code's numbers the widget shows rows, and the footer opens the key entry") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot;
  snapshot.error = core::FetchError{core::ErrorKind::NoKey, "No key file", 0, std::nullopt};
  snapshot.paused = true;
  snapshot.usage = sampleUsage();
  snapshot.usage->limits.resize(2);
  snapshot.usage->extra.reset();
  for (core::Limit& limit : snapshot.usage->limits) {
    limit.source = core::Source::ClaudeCode;
    limit.observedAt = testNow() - 30s;
  }
  ViewModel view = viewOf(snapshot);
  view.hasKey = false;
  view.keyFileMode.clear();
  ui.frames(widget, view, 3);
  INFO(allText(widget));
  CHECK_FALSE(widget.settingsOpen());
  CHECK(drew(widget, "Session (5h)"));
  CHECK(drew(widget, "38%"));
  CHECK(drew(widget, "72%"));
  CHECK_FALSE(drew(widget, "Weekly Opus"));
  CHECK(drew(widget, "via Claude Code \u00B7 updated just now"));

  // Rows from Claude Code are drawn at full strength, not dimmed as stale.
  CHECK(ui.vertexColors().count(bandColor(Band::Green, false)) == 1);

  // Hovering a row names its source.
  const DrawnItem row = *findItem(widget, "Session (5h)");
  ui.mouseMove(row.maxX + 20.0f, row.minY + 4.0f);
  ui.frames(widget, view, 3);
  CHECK(drewContaining(widget, "Source: Claude Code, "));
  ui.mouseMove(-1.0f, -1.0f);
  ui.frames(widget, view, 2);

  ui.clickItem(widget, view,
               "From Claude Code \u2014 add a session key for per-model limits and extra usage");
  CHECK(widget.settingsOpen());
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Session key field"));
  CHECK(drew(widget, "Rows"));  // the full panel: the rows are there to configure
}

TEST_CASE("a settings problem is named in the footer over the numbers, read on hover, dismissed by a click") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  view.notices = {"settings.json: opacity must be a number from 0.2 to 1; it was ignored."};
  ui.frames(widget, view, 3);
  const std::string line = "A problem with a file \u2014 hover to read, click to dismiss";
  REQUIRE(drew(widget, line));
  CHECK(drew(widget, "Session (5h)"));  // the numbers stay
  CHECK(drew(widget, "updated 2 min ago"));
  const DrawnItem item = *findItem(widget, line);
  ui.mouseMove(item.minX + 10.0f, (item.minY + item.maxY) / 2.0f);
  ui.frames(widget, view, 3);
  CHECK(drew(widget, "settings.json: opacity must be a number from 0.2 to 1; it was ignored."));
  CHECK(ui.clickItem(widget, view, line).dismissNotices);
}

TEST_CASE("a row says when its limit comes at the recent rate, on its countdown's line, from the samples") {
  Headless ui;
  Widget widget;
  // No samples: the window average (38 % in 73 minutes) reaches 100 % well before the reset.
  ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 3);
  const DrawnItem* countdown = findItem(widget, "resets in 3h 47m");
  REQUIRE(countdown != nullptr);
  const DrawnItem* limitAt = nullptr;
  for (const DrawnItem& item : widget.drawnItems())
    if (item.text.starts_with("limit at ") && limitAt == nullptr) limitAt = &item;
  REQUIRE(limitAt != nullptr);
  CHECK(limitAt->minY == doctest::Approx(countdown->minY).epsilon(0.01));
  CHECK(limitAt->minX > countdown->maxX);

  // Samples that stayed flat over the last half hour: it lasts to the reset, and the row is quiet.
  core::UsageSnapshot idle = okSnapshot();
  auto samples = std::make_shared<core::WindowSamples>();
  const core::Limit& session = *idle.usage->find("five_hour");
  for (int minutes : {40, 30, 20, 10, 2})
    samples->byLimit["five_hour"].push_back(
        {testNow() - std::chrono::minutes(minutes), 38.0, session.resetsAt});
  idle.history = samples;
  view = viewOf(idle);
  ui.frames(widget, view, 3);
  const DrawnItem* quietCountdown = findItem(widget, "resets in 3h 47m");
  REQUIRE(quietCountdown != nullptr);
  for (const DrawnItem& item : widget.drawnItems()) {
    if (item.text.starts_with("limit at ")) CHECK(item.minY != doctest::Approx(quietCountdown->minY));
  }
}

TEST_CASE("a click on a row opens its chart and a second click closes it") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  const Actions closed = ui.frames(widget, view, 3);
  CHECK_FALSE(drewContaining(widget, "chart "));
  auto clickRow = [&] {
    const DrawnItem* label = findItem(widget, "Session (5h)");
    REQUIRE(label != nullptr);
    ui.click(widget, view, (label->minX + label->maxX) * 0.5f, (label->minY + label->maxY) * 0.5f);
  };
  clickRow();
  const Actions open = ui.frames(widget, view, 3);
  CHECK(drew(widget, "chart five_hour"));
  CHECK_FALSE(drew(widget, "chart seven_day"));
  CHECK(open.contentHeight > closed.contentHeight + 40.0f);
  ui.waitPastDoubleClick(widget, view);
  clickRow();
  ui.frames(widget, view, 3);
  CHECK_FALSE(widget.drawnItems().empty());
  CHECK_FALSE(drew(widget, "\u2013"));  // still the rows, not the compact ring
  CHECK_FALSE(drewContaining(widget, "chart "));
}

TEST_CASE("a double-click on a row flips its chart once, not back again") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 3);
  const DrawnItem* label = findItem(widget, "Session (5h)");
  REQUIRE(label != nullptr);
  const float x = (label->minX + label->maxX) * 0.5f;
  const float y = (label->minY + label->maxY) * 0.5f;
  ui.click(widget, view, x, y);
  ui.click(widget, view, x, y);  // within the double-click time
  ui.frames(widget, view, 3);
  CHECK(drew(widget, "chart five_hour"));
}

TEST_CASE("with colour by pace a row takes its pace tier's colour, else its level's") {
  Headless ui;
  // One session at 38 %, 73 minutes into five hours: on course for about 156 % (runaway, red) while
  // its level is green. Alone, so no other row brings its colours.
  core::UsageSnapshot snapshot = okSnapshot();
  const core::Limit session = *snapshot.usage->find("five_hour");
  snapshot.usage->limits = {session};
  snapshot.usage->extra.reset();
  ViewModel view = viewOf(snapshot);
  const core::Pace pace = core::computePace(session, {}, view.now);
  REQUIRE(pace.tier == core::PaceTier::Runaway);

  Widget level;
  ui.frames(level, view, 3);
  CHECK(ui.vertexColors().count(bandColor(Band::Green, false)) == 1);
  CHECK(ui.vertexColors().count(paceTierColor(core::PaceTier::Runaway, false)) == 0);

  view.settings.colorByPace = true;
  Widget paced;
  ui.frames(paced, view, 3);
  CHECK(ui.vertexColors().count(paceTierColor(core::PaceTier::Runaway, false)) == 1);
  CHECK(ui.vertexColors().count(bandColor(Band::Green, false)) == 0);
}

TEST_CASE("unseen alerts tint the border, in compact mode too, and are dismissed by a click on their line") {
  Headless ui;
  // The session alone, green, in compact mode: the ring and the border are all that is drawn, so
  // red can only be the border's.
  core::UsageSnapshot snapshot = okSnapshot();
  snapshot.usage->limits = {*snapshot.usage->find("five_hour")};
  snapshot.usage->extra.reset();
  ViewModel view = viewOf(snapshot);
  view.settings.compact = true;
  Widget compact;
  ui.frames(compact, view, 3);
  CHECK_FALSE(drew(compact, "alert border"));
  CHECK(ui.vertexColors().count(toneColor(Tone::Error)) == 0);
  view.unseenAlerts = {core::Notification{
      .limitId = "five_hour", .summary = "Session (5h) at 92%", .body = "Session (5h) passed 90%."}};
  ui.frames(compact, view, 3);
  CHECK(drew(compact, "alert border"));
  CHECK(ui.vertexColors().count(toneColor(Tone::Error)) == 1);

  view.settings.compact = false;
  Widget full;
  ui.frames(full, view, 3);
  CHECK(drew(full, "alert border"));
  CHECK(ui.clickItem(full, view, "Alert: Session (5h) at 92%").dismissAlerts);
}
