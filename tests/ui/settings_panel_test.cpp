#include "ui/widget.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include "core/model/format.h"
#include "headless.h"
#include "ui/theme.h"

using namespace cut;
using namespace cut::ui;
using namespace cut::ui::test;
using namespace std::chrono_literals;

TEST_CASE("clicking the expired-key footer opens the key entry with the key field focused") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(withError(core::ErrorKind::AuthExpired, 401));
  ui.frames(widget, view, 3);
  REQUIRE(drew(widget, "Key expired \u2014 click to enter a new one"));
  CHECK_FALSE(widget.settingsOpen());
  ui.clickItem(widget, view, "Key expired \u2014 click to enter a new one");
  CHECK(widget.settingsOpen());
  ui.frames(widget, view, 2);
  ui.type("sk-ant-sid01-TESTKEY_abc123xyz");
  const Actions actions = ui.pressKey(widget, view, kGlfwEnter);
  REQUIRE(actions.testAndSaveKey.has_value());
  CHECK(*actions.testAndSaveKey == "sk-ant-sid01-TESTKEY_abc123xyz");
}

TEST_CASE("with no key the widget opens on the key entry, and typing then Enter tests and saves") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot;
  snapshot.error = core::FetchError{core::ErrorKind::NoKey, "No key yet", 0, std::nullopt};
  snapshot.paused = true;
  ViewModel view = viewOf(snapshot);
  view.hasKey = false;
  view.keyFileMode.clear();
  ui.frames(widget, view, 3);
  INFO(allText(widget));
  CHECK(widget.settingsOpen());
  CHECK(drewContaining(widget, "sessionKey"));
  CHECK(drewContaining(widget, "developer tools"));
  CHECK(drew(widget, "Session key field"));
  CHECK(drew(widget, "Test and save"));
  CHECK_FALSE(drew(widget, "Apply"));  // first run: only the key
  // Nothing stands between the title and the key entry: no rows yet, and no footer line saying
  // what the entry itself says. The gap is the panel's own spacing, under two lines of text.
  const DrawnItem* title = findItem(widget, "Claude usage");
  const DrawnItem* heading = findItem(widget, "Session key");
  REQUIRE(title != nullptr);
  REQUIRE(heading != nullptr);
  CHECK(heading->minY - title->maxY < 2.0f * ImGui::GetTextLineHeightWithSpacing());
  ui.type("sk-ant-sid01-TESTKEY_abc123xyz");
  const Actions actions = ui.pressKey(widget, view, kGlfwEnter);
  REQUIRE(actions.testAndSaveKey.has_value());
  CHECK(*actions.testAndSaveKey == "sk-ant-sid01-TESTKEY_abc123xyz");
  // Until the check answers, Test and save sends nothing more, and the key was never recorded as
  // drawn text.
  ui.waitPastDoubleClick(widget, view);
  const Actions again = ui.clickItem(widget, view, "Test and save");
  CHECK_FALSE(again.testAndSaveKey.has_value());
  CHECK_FALSE(drewContaining(widget, "TESTKEY"));
}

TEST_CASE("a key whose check failed for a reason not its own stays for a retry; a refused one is cleared") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  const std::string key = "sk-ant-sid01-TESTKEY_abc123xyz";
  widget.openKeyEntry();
  ui.frames(widget, view, 3);
  ui.type(key);
  const Actions submitted = ui.pressKey(widget, view, kGlfwEnter);
  REQUIRE(submitted.testAndSaveKey.has_value());

  // Offline, a timeout, Cloudflare, a server error: the same key can be tried again as it is.
  view.keyCheck = {.state = KeyCheck::State::Testing, .message = "Checking", .attempt = 1};
  ui.frames(widget, view, 2);
  view.keyCheck = {.state = KeyCheck::State::Failed,
                   .message = "claude.ai could not be reached; check the connection.",
                   .attempt = 1};
  ui.frames(widget, view, 2);
  ui.waitPastDoubleClick(widget, view);
  const Actions retry = ui.clickItem(widget, view, "Test and save");
  REQUIRE(retry.testAndSaveKey.has_value());
  CHECK(*retry.testAndSaveKey == key);
  CHECK_FALSE(drewContaining(widget, "TESTKEY"));  // kept masked, never drawn as text

  // claude.ai refused the key itself: it is wiped, nothing left to send.
  view.keyCheck = {.state = KeyCheck::State::Testing, .message = "Checking", .attempt = 2};
  ui.frames(widget, view, 2);
  view.keyCheck = {.state = KeyCheck::State::Failed,
                   .message = "claude.ai did not accept this key (401).",
                   .attempt = 2,
                   .keyRefused = true};
  ui.frames(widget, view, 2);
  ui.waitPastDoubleClick(widget, view);
  CHECK_FALSE(ui.clickItem(widget, view, "Test and save").testAndSaveKey.has_value());
}

TEST_CASE("the key check's progress and result are shown inline") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openKeyEntry();
  view.keyCheck.state = KeyCheck::State::Testing;
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Testing the key\u2026"));
  view.keyCheck.state = KeyCheck::State::Failed;
  view.keyCheck.message = "claude.ai did not accept this key (401). Copy a fresh sessionKey.";
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "claude.ai did not accept this key (401). Copy a fresh sessionKey."));
  view.keyCheck.state = KeyCheck::State::Saved;
  view.keyCheck.message = "Key saved.";
  view.keyCheck.organizations = {{"org-1", "Acme Research", {}}, {"org-2", "Personal", {}}};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Key saved. It sees 2 organizations: Acme Research, Personal."));
  view.keyCheck.organizations = {{"org-1", "Acme Research", {}}};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Key saved. It sees Acme Research."));
}

TEST_CASE("a pasted key goes into the field and Enter saves it; the paste button asks the app") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  widget.openKeyEntry();
  ui.frames(widget, view, 2);
  const Actions paste = ui.clickItem(widget, view, "Paste");
  CHECK(paste.requestClipboardPaste);
  widget.setKeyField("sessionKey=sk-ant-sid01-TESTKEY_abc123xyz");
  ui.frames(widget, view, 2);
  const Actions actions = ui.pressKey(widget, view, kGlfwEnter);
  REQUIRE(actions.testAndSaveKey.has_value());
  CHECK(*actions.testAndSaveKey == "sessionKey=sk-ant-sid01-TESTKEY_abc123xyz");
}

TEST_CASE("closing the panel clears a half-typed key") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  for (const bool byEscape : {false, true}) {
    CAPTURE(byEscape);
    widget.openKeyEntry();
    ui.frames(widget, view, 3);
    ui.type("sk-ant-sid01-TESTKEY_abc");
    ui.frames(widget, view, 2);
    if (byEscape) {
      ui.pressKey(widget, view, kGlfwEscape);
    } else {
      ui.clickItem(widget, view, "Close");
    }
    CHECK_FALSE(widget.settingsOpen());
    widget.openSettings();
    ui.frames(widget, view, 3);
    ui.waitPastDoubleClick(widget, view);
    CHECK_FALSE(ui.clickItem(widget, view, "Test and save").testAndSaveKey.has_value());
    ui.clickItem(widget, view, "Close");
  }
}

TEST_CASE("settings panel: Apply is enabled only while the draft differs, and applies the draft") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  const Actions opened = ui.frames(widget, view, 3);
  INFO(allText(widget));
  CHECK(opened.contentWidth == doctest::Approx(340.0f));
  CHECK(drew(widget, "Stored in ~/.claude-session-key (mode 0600)"));
  CHECK(drew(widget, "Apply"));
  CHECK_FALSE(ui.clickItem(widget, view, "Apply").applySettings.has_value());
  ui.waitPastDoubleClick(widget, view);

  ui.clickItem(widget, view, "Look");
  ui.clickItem(widget, view, "24-hour clock");
  const Actions applied = ui.clickItem(widget, view, "Apply");
  REQUIRE(applied.applySettings.has_value());
  CHECK(applied.applySettings->clock24h == false);
  core::Settings expected = view.settings;
  expected.clock24h = false;
  CHECK(*applied.applySettings == expected);

  // Once the app has applied it, the draft equals the settings again: Apply does nothing.
  view.settings = *applied.applySettings;
  ui.frames(widget, view, 2);
  ui.waitPastDoubleClick(widget, view);
  CHECK_FALSE(ui.clickItem(widget, view, "Apply").applySettings.has_value());
}

TEST_CASE("settings panel lists rows to hide, and hidden rows are not drawn") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  ui.clickItem(widget, view, "Rows");
  ui.clickItem(widget, view, "Weekly Opus");  // the checkbox
  const Actions applied = ui.clickItem(widget, view, "Apply");
  REQUIRE(applied.applySettings.has_value());
  CHECK(applied.applySettings->hiddenRows == std::vector<std::string>{"seven_day_opus"});

  Widget plain;
  view.settings.hiddenRows = {"seven_day_opus", "extra_usage"};
  ui.frames(plain, view, 2);
  CHECK(drew(plain, "Session (5h)"));
  CHECK_FALSE(drew(plain, "Weekly Opus"));
  CHECK_FALSE(drew(plain, "91%"));
  CHECK_FALSE(drew(plain, "\u20AC15.38 / \u20AC25.00"));
}

TEST_CASE("an organization picker appears when the key sees several organizations") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot = okSnapshot();
  ViewModel single = viewOf(snapshot);
  widget.openSettings();
  ui.frames(widget, single, 2);
  ui.clickItem(widget, single, "Behaviour");
  CHECK(drew(widget, "Refresh every"));
  CHECK_FALSE(drewContaining(widget, "Organization:"));
  snapshot.organizations.push_back({"org-2", "Personal", {}});
  ViewModel several = viewOf(snapshot);
  ui.frames(widget, several, 2);
  CHECK(drew(widget, "Organization: First listed"));
  several.settings.organizationUuid = "org-2";
  ui.frames(widget, several, 2);
  CHECK(drew(widget, "Organization: Personal"));
}

TEST_CASE("removing the key asks for confirmation first") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  const Actions first = ui.clickItem(widget, view, "Remove key\u2026");
  CHECK_FALSE(first.removeKey);
  CHECK(drew(widget, "Delete the saved key file?"));
  ui.waitPastDoubleClick(widget, view);
  CHECK(ui.clickItem(widget, view, "Remove").removeKey);
}

TEST_CASE("the Behaviour tab installs the status line in Claude Code, and removes it once installed") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  ui.clickItem(widget, view, "Behaviour");
  ui.frames(widget, view, 2);
  INFO(allText(widget));
  REQUIRE(findControl(widget, "Install status line in Claude Code") != nullptr);
  ui.waitPastDoubleClick(widget, view);
  const Actions install = ui.clickItem(widget, view, "Install status line in Claude Code");
  CHECK(install.installStatusline);
  CHECK_FALSE(install.removeStatusline);

  view.statusline = {.installed = true, .message = "Installed in ~/.claude/settings.json.", .failed = false};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Installed in ~/.claude/settings.json."));
  CHECK(findControl(widget, "Install status line in Claude Code") == nullptr);
  ui.waitPastDoubleClick(widget, view);
  const Actions remove = ui.clickItem(widget, view, "Remove status line from Claude Code");
  CHECK(remove.removeStatusline);
  CHECK_FALSE(remove.installStatusline);

  view.statusline = {
      .installed = true, .message = "settings.json is not valid JSON; nothing was changed.", .failed = true};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "settings.json is not valid JSON; nothing was changed."));
}

TEST_CASE("the first-run key entry also offers the Claude Code status line") {
  Headless ui;
  Widget widget;
  core::UsageSnapshot snapshot;
  snapshot.error = core::FetchError{core::ErrorKind::NoKey, "No key yet", 0, std::nullopt};
  snapshot.paused = true;
  ViewModel view = viewOf(snapshot);
  view.hasKey = false;
  ui.frames(widget, view, 3);
  INFO(allText(widget));
  REQUIRE(widget.settingsOpen());
  CHECK(drew(widget, "Session key field"));
  CHECK(ui.clickItem(widget, view, "Install status line in Claude Code").installStatusline);
}

TEST_CASE(
    "the Alerts tab edits the session percents; a list that does not read keeps the old one and says why") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  ui.clickItem(widget, view, "Alerts");
  ui.frames(widget, view, 2);
  INFO(allText(widget));
  REQUIRE(findControl(widget, "Session percents") != nullptr);
  CHECK(findControl(widget, "On course for the limit") != nullptr);

  // Falling percents: refused, the draft keeps 75, 90, 95, so Apply has nothing to apply.
  ui.waitPastDoubleClick(widget, view);
  ui.clickItem(widget, view, "Session percents");
  ui.pressKey(widget, view, 'A', true);
  ui.type("90, 75");
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Keeping 75, 90, 95: the percents must rise (75, 90, 95)."));
  ui.waitPastDoubleClick(widget, view);
  CHECK_FALSE(ui.clickItem(widget, view, "Apply").applySettings.has_value());

  // A list that reads is taken, with the switches beside it.
  ui.waitPastDoubleClick(widget, view);
  ui.clickItem(widget, view, "Session percents");
  ui.pressKey(widget, view, 'A', true);
  ui.type("50, 80");
  ui.frames(widget, view, 2);
  CHECK_FALSE(drewContaining(widget, "Keeping"));
  ui.waitPastDoubleClick(widget, view);
  ui.clickItem(widget, view, "On course for the limit");
  ui.waitPastDoubleClick(widget, view);
  const Actions applied = ui.clickItem(widget, view, "Apply");
  REQUIRE(applied.applySettings.has_value());
  CHECK(applied.applySettings->alerts.sessionPercents == std::vector<double>{50.0, 80.0});
  CHECK(applied.applySettings->alerts.projectionCritical);
}

TEST_CASE("the Alerts tab's test button asks the app, and shows what came of it") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  widget.openSettings();
  ui.frames(widget, view, 2);
  ui.clickItem(widget, view, "Alerts");
  ui.frames(widget, view, 2);
  ui.waitPastDoubleClick(widget, view);
  CHECK(ui.clickItem(widget, view, "Send a test notification").sendTestNotification);

  view.notificationTest = {NotificationTest::State::Sending, "Sending a test notification\u2026"};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Sending a test notification\u2026"));
  ui.waitPastDoubleClick(widget, view);
  CHECK_FALSE(ui.clickItem(widget, view, "Send a test notification").sendTestNotification);

  view.notificationTest = {NotificationTest::State::Failed,
                           "Not sent: no notification service on the session bus."};
  ui.frames(widget, view, 2);
  CHECK(drew(widget, "Not sent: no notification service on the session bus."));
}
