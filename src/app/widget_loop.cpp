#include "app/widget_loop.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/autostart_toggle.h"
#include "app/merged_usage.h"
#include "app/statusline_button.h"
#include "app/usage_service.h"
#include "app/widget_alerts.h"
#include "core/files/autostart.h"
#include "core/statusline/claude_code_settings.h"
#include "platform/heap.h"
#include "platform/imgui_layer.h"
#include "platform/process_clock.h"
#include "platform/ring_renderer.h"
#include "platform/signals.h"
#include "platform/window.h"

namespace cut::app {
namespace {

/// Frames drawn at most before the window is shown even though the layout still moves.
constexpr std::uint64_t kMaxHiddenFrames = 4;

std::string displayPath(const std::filesystem::path& path) {
  const char* home = std::getenv("HOME");
  const std::string text = path.string();
  if (home && *home && text.rfind(std::string(home) + "/", 0) == 0)
    return "~" + text.substr(std::string(home).size());
  return text;
}

}  // namespace

WidgetLoop::WidgetLoop(const Options& options, core::Settings& settings, LoopParts parts)
    : m_options(options),
      m_settings(settings),
      m_parts(parts),
      m_placer(parts.window, settings),
      m_capture(options) {
  m_scale = m_parts.window.contentScale();
  if (!m_options.demo) m_statusline = statuslineState(core::claudeConfigDir());
}

int WidgetLoop::run() {
  while (!m_quit) {
    const platform::WindowEvents events = m_parts.window.takeEvents();
    if (events.closeRequested || m_parts.termination.requested()) break;
    if (m_parts.activateRequested.exchange(false)) {
      m_parts.window.focus();
      m_pacing.markDirty();
    }
    if (events.scaleChanged) {
      m_scale = m_parts.window.contentScale();
      m_parts.imgui.rebuildFonts(m_scale);
      m_pacing.markDirty();
    }
    if (events.input || events.exposed) m_pacing.onInput();
    m_parts.usage.update(std::chrono::seconds(m_settings.refreshIntervalSeconds));
    for (std::string& notice : m_parts.service.takeNotices()) notify(std::move(notice));
    noticeHistoryProblem();
    if (m_parts.alerts.view().version != m_drawnAlerts) m_pacing.markDirty();
    const ui::KeyCheck check = m_parts.service.keyCheck();
    if (check.state != m_drawnKeyState || check.message != m_drawnKeyMessage) m_pacing.markDirty();
    if (check.state == ui::KeyCheck::State::Saved && m_drawnKeyState != ui::KeyCheck::State::Saved) {
      rememberOrganization(check.organizations);
    }

    const bool ready = firstFetchSettled() && !m_pacing.animating() && !m_resized && m_counters.frames > 0;
    const bool capture = m_capture.captureNext(m_counters.frames, ready);
    if (m_pacing.frameDue(m_parts.usage.store().generation(), core::Clock::now()) ||
        m_capture.framesOwed(m_counters.frames) || capture) {
      if (!drawFrame(capture)) return 1;
      // Quit chosen in this frame ends the loop now, not after the next event or minute tick.
      if (capture || m_quit) break;
    }

    const double paced = m_pacing.secondsToWait(core::Clock::now(), m_parts.usage.secondsToNextCheck());
    m_parts.window.waitEvents(m_capture.secondsToWait(paced, m_counters.frames, firstFetchSettled()));
    ++m_counters.wakeups;
  }
  return 0;
}

ui::ViewModel WidgetLoop::viewModel() const {
  ui::ViewModel view;
  view.snapshot = m_parts.usage.store().load();
  view.settings = m_settings;
  view.now = core::Clock::now();
  view.keyCheck = m_parts.service.keyCheck();
  view.hasKey = m_parts.service.hasKey();
  view.keyFilePath = displayPath(m_parts.service.keyFilePath());
  view.keyFileMode = m_parts.service.keyFileMode();
  view.statusline = m_statusline;
  view.autostart = autostartView();
  view.compositorPlaces = std::getenv("WAYLAND_DISPLAY") != nullptr;
  view.contentScale = m_scale;
  view.ring = m_parts.ring;
  view.notices = m_notices;
  AlertsView alerts = m_parts.alerts.view();
  view.unseenAlerts = std::move(alerts.unseen);
  view.notificationTest = std::move(alerts.test);
  return view;
}

// Read from the entry each time, so a change made with `autostart on|off` shows as it is.
ui::AutostartView WidgetLoop::autostartView() const {
  ui::AutostartView view;
  const auto entry = core::readAutostart(m_options.autostartPlace);
  view.enabled = entry.enabled;
  const auto program = entry.present ? entry.program : autostartProgram();
  view.program = program.string();
  view.fromBuild = runsFromBuildFolder(program);
  view.elsewhere = entry.present && entry.ours && !startsThisProgram(entry.program);
  view.message = m_autostartMessage;
  view.failed = m_autostartFailed;
  return view;
}

bool WidgetLoop::drawFrame(bool capture) {
  const std::uint64_t generation = m_parts.usage.store().generation();
  // Read before the view: a change that lands in between draws one more frame, never none.
  m_drawnAlerts = m_parts.alerts.view().version;
  const ui::ViewModel view = viewModel();
  m_pacing.frameStarted(generation, view.now);
  m_drawnKeyState = view.keyCheck.state;
  m_drawnKeyMessage = view.keyCheck.message;

  if (m_parts.ring) m_parts.ring->beginFrame();
  m_parts.imgui.newFrame();
  const ui::Actions actions = m_widget.draw(view);
  m_parts.imgui.render();
  // Before the swap: the back buffer holds this frame only until then.
  if (capture && !m_capture.writeScreenshot(m_parts.window)) return false;
  const bool shown = m_parts.window.visible();
  m_parts.window.swapBuffers();
  ++m_counters.frames;
  if (shown && !m_counters.firstFrameMs) m_counters.firstFrameMs = platform::millisecondsSinceProcessStart();
  m_capture.writeDrawnItems(m_parts.window, m_widget.drawnItems());

  m_resized = m_placer.fitToContent(actions);
  if (m_resized) m_pacing.markDirty();
  // Shown once the layout has settled, or after a few frames if something keeps animating (a
  // spinner during a slow first fetch must not keep the window hidden).
  if (!shown && (!actions.animating || m_counters.frames >= kMaxHiddenFrames)) {
    m_placer.place();
    m_parts.window.show();
    m_placer.place();  // a window manager may have placed it on map; ask again
    // Start-up (font atlas, shader compilation in the GL driver) leaves freed heap behind; give it
    // back, since the widget then idles for hours.
    platform::releaseFreedHeap();
  }
  handle(actions);
  m_pacing.frameFinished(actions.animating, m_parts.imgui.mouseButtonChanged());
  return true;
}

void WidgetLoop::noticeHistoryProblem() {
  const auto snapshot = m_parts.usage.store().load();
  if (!snapshot->history || snapshot->history->notice.empty()) return;
  // Each load repeats a lasting problem: name it once, not after every fetch.
  if (snapshot->history->notice == m_historyNotice) return;
  m_historyNotice = snapshot->history->notice;
  std::string message = m_historyNotice;
  if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
  notify(message + ".");
}

void WidgetLoop::handle(const ui::Actions& actions) {
  if (actions.quit) m_quit = true;
  if (actions.dismissNotices) {
    m_notices.clear();
    m_pacing.markDirty();
  }
  if (actions.dismissAlerts) m_parts.alerts.dismiss();
  if (actions.sendTestNotification) m_parts.alerts.sendTest();
  if (actions.refresh) m_parts.service.refreshNow();
  if (actions.toggleAlwaysOnTop) {
    m_settings.alwaysOnTop = !m_settings.alwaysOnTop;
    m_parts.window.setAlwaysOnTop(m_settings.alwaysOnTop);
    saveSettings();
  }
  if (actions.applySettings && *actions.applySettings != m_settings) {
    const core::Settings previous = m_settings;
    // The window owns its placement; a draft made before the last drag must not move it back.
    const core::WindowPlacement placement = m_settings.placement;
    m_settings = *actions.applySettings;
    m_settings.placement = placement;
    if (previous.alwaysOnTop != m_settings.alwaysOnTop) m_parts.window.setAlwaysOnTop(m_settings.alwaysOnTop);
    m_parts.service.applySettings(previous, m_settings);
    if (previous.alerts != m_settings.alerts) m_parts.alerts.setSettings(m_settings.alerts);
    saveSettings();
    m_pacing.markDirty();
  }
  if (actions.testAndSaveKey) m_parts.service.testAndSaveKey(*actions.testAndSaveKey);
  if (actions.removeKey) m_parts.service.removeKey();
  if (actions.installStatusline || actions.removeStatusline) {
    if (m_options.demo) {
      m_statusline.failed = true;
      m_statusline.message = "This is the demo. Start the widget without --demo to install the status line.";
    } else {
      m_statusline = changeStatusline(core::claudeConfigDir(), m_options.stateDir, actions.installStatusline);
    }
    m_pacing.markDirty();
  }
  if (actions.startAtLogin) {
    const auto result = setAutostart(m_options.autostartPlace, *actions.startAtLogin);
    m_autostartMessage = result ? result.value() : result.error().message;
    m_autostartFailed = !result;
    m_pacing.markDirty();
  }
  if (actions.requestClipboardPaste) {
    m_widget.setKeyField(m_parts.window.clipboardText());
    m_pacing.markDirty();
  }
  if (m_placer.followDrag(actions)) {
    saveSettings();
    m_pacing.markDirty();
  }
}

// Like set-key: a new key keeps the organization already chosen while it still sees it, else takes
// the first one it lists, so the next fetch asks for the right usage without listing again.
void WidgetLoop::rememberOrganization(const std::vector<core::Organization>& organizations) {
  if (organizations.empty()) return;
  for (const auto& organization : organizations) {
    if (organization.uuid == m_settings.organizationUuid) return;
  }
  const core::Settings previous = m_settings;
  m_settings.organizationUuid = organizations.front().uuid;
  m_parts.service.applySettings(previous, m_settings);
  saveSettings();
}

void WidgetLoop::notify(std::string message) {
  m_notices.push_back(std::move(message));
  m_pacing.markDirty();
}

void WidgetLoop::saveSettings() {
  auto saved = core::saveSettings(m_options.configDir, m_settings);
  if (!saved) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", saved.error().message.c_str());
    notify(saved.error().message);
  }
}

bool WidgetLoop::firstFetchSettled() const {
  const auto snapshot = m_parts.usage.store().load();
  if (snapshot->demo || snapshot->paused) return true;
  return snapshot->lastAttempt.has_value() && !snapshot->fetching;
}

}  // namespace cut::app
