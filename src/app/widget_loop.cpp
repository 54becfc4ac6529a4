#include "app/widget_loop.h"

#include <GLFW/glfw3.h>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/autostart_toggle.h"
#include "app/merged_usage.h"
#include "app/statusline_button.h"
#include "app/usage_service.h"
#include "core/files/autostart.h"
#include "core/statusline/claude_code_settings.h"
#include "core/window/placement.h"
#include "platform/imgui_layer.h"
#include "platform/process_clock.h"
#include "platform/ring_renderer.h"
#include "platform/signals.h"
#include "platform/window.h"

namespace cut::app {
namespace {

/// How long --frames waits for the first fetch beyond the request timeout before capturing anyway.
constexpr double kFetchGraceSeconds = 2.0;
/// Frames drawn at most before the window is shown even though the layout still moves.
constexpr std::uint64_t kMaxHiddenFrames = 4;
/// The frame interval while something animates.
constexpr double kAnimationFrameSeconds = 1.0 / 60.0;

std::int64_t minuteOf(core::TimePoint t) {
  return std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count();
}

std::string displayPath(const std::filesystem::path& path) {
  const char* home = std::getenv("HOME");
  const std::string text = path.string();
  if (home && *home && text.rfind(std::string(home) + "/", 0) == 0)
    return "~" + text.substr(std::string(home).size());
  return text;
}

}  // namespace

WidgetLoop::WidgetLoop(const Options& options, core::Settings& settings, LoopParts parts)
    : m_options(options), m_settings(settings), m_parts(parts) {
  m_scale = m_parts.window.contentScale();
  if (const char* items = std::getenv("CUT_TEST_ITEMS_FILE")) m_itemsFile = items;
  // With no key the widget opens on the key entry, unless Claude Code's numbers are there to show.
  const auto first = m_parts.usage.store().load();
  const bool somethingToShow = first->usage && !first->usage->limits.empty();
  if (!m_options.demo && !m_parts.service.hasKey() && !somethingToShow) m_widget.openKeyEntry();
  if (!m_options.demo) m_statusline = statuslineState(core::claudeConfigDir());
}

int WidgetLoop::run() {
  using SteadyClock = std::chrono::steady_clock;
  const auto started = SteadyClock::now();
  const bool framesMode = m_options.frames.has_value();
  const double fetchDeadline = m_options.timeoutSeconds + kFetchGraceSeconds;

  while (!m_quit) {
    const platform::WindowEvents events = m_parts.window.takeEvents();
    if (events.closeRequested || m_parts.termination.requested()) break;
    if (m_parts.activateRequested.exchange(false)) {
      m_parts.window.focus();
      m_dirty = true;
    }
    if (events.scaleChanged) {
      m_scale = m_parts.window.contentScale();
      m_parts.imgui.rebuildFonts(m_scale);
      m_dirty = true;
    }
    if (events.input || events.exposed) {
      m_dirty = true;
      m_settleFrames = 2;
    }
    m_parts.usage.update(std::chrono::seconds(m_settings.refreshIntervalSeconds));
    if (m_parts.usage.store().generation() != m_drawnGeneration) m_dirty = true;
    if (minuteOf(core::Clock::now()) != m_drawnMinute) m_dirty = true;
    const ui::KeyCheck check = m_parts.service.keyCheck();
    if (check.state != m_drawnKeyState || check.message != m_drawnKeyMessage) m_dirty = true;
    if (check.state == ui::KeyCheck::State::Saved && m_drawnKeyState != ui::KeyCheck::State::Saved) {
      rememberOrganization(check.organizations);
    }

    bool capture = false;
    if (framesMode) {
      // The captured frame is the N-th or a later one: after the first fetch finished or failed and
      // the layout settled, unless that takes longer than the request timeout allows.
      const double waited = std::chrono::duration<double>(SteadyClock::now() - started).count();
      const bool ready = firstFetchSettled() && !m_animating && !m_resized && m_counters.frames > 0;
      capture = static_cast<std::int64_t>(m_counters.frames) + 1 >= *m_options.frames &&
                (ready || waited > fetchDeadline);
    }
    const bool framesOwed = framesMode && static_cast<std::int64_t>(m_counters.frames) < *m_options.frames;
    if (m_dirty || m_settleFrames > 0 || m_animating || framesOwed || capture) {
      if (!drawFrame(capture)) return 1;
      if (m_settleFrames > 0) --m_settleFrames;
      // A click ImGui acted on in this frame changes what the next ones draw, with no event to wake
      // the loop: a press and release that arrived together (a touchpad tap) are seen a frame apart.
      if (m_parts.imgui.mouseButtonChanged()) m_settleFrames = std::max(m_settleFrames, 2);
      // Quit chosen in this frame ends the loop now, not after the next event or minute tick.
      if (capture || m_quit) break;
    }

    double timeout = secondsToNextMinute();
    if (const auto cacheCheck = m_parts.usage.secondsToNextCheck())
      timeout = std::min(timeout, *cacheCheck + 0.01);
    if (m_animating || m_settleFrames > 0) timeout = kAnimationFrameSeconds;
    // Something the last frame asked for (an install, applied settings) changed what is drawn.
    if (m_dirty) timeout = 0.0;
    // With --frames, draw back to back; only while the first fetch is out, sleep until it wakes us.
    if (framesMode) timeout = framesOwed && firstFetchSettled() ? 0.0 : std::min(timeout, 0.05);
    if (timeout > 0.0) {
      glfwWaitEventsTimeout(timeout);
    } else {
      glfwPollEvents();
    }
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
  return view;
}

// Read from the entry each time, so a change made with `autostart on|off` shows as it is.
ui::AutostartView WidgetLoop::autostartView() const {
  ui::AutostartView view;
  const auto entry = core::readAutostart(core::autostartFile(m_options.autostartDir.parent_path()));
  view.enabled = entry.enabled;
  const auto program = entry.present ? entry.program : autostartProgram();
  view.program = program.string();
  view.fromBuild = runsFromBuildFolder(program);
  view.message = m_autostartMessage;
  view.failed = m_autostartFailed;
  return view;
}

bool WidgetLoop::drawFrame(bool capture) {
  m_drawnGeneration = m_parts.usage.store().generation();
  const ui::ViewModel view = viewModel();
  m_drawnMinute = minuteOf(view.now);
  m_drawnKeyState = view.keyCheck.state;
  m_drawnKeyMessage = view.keyCheck.message;
  m_dirty = false;

  if (m_parts.ring) m_parts.ring->beginFrame();
  m_parts.imgui.newFrame();
  const ui::Actions actions = m_widget.draw(view);
  m_parts.imgui.render();
  if (capture && !m_options.screenshot.empty()) {
    // Before the swap: the back buffer holds this frame only until then.
    std::string error;
    if (!platform::writeScreenshot(m_options.screenshot, m_parts.window.framebufferWidth(),
                                   m_parts.window.framebufferHeight(), error)) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", error.c_str());
      return false;
    }
  }
  const bool shown = m_parts.window.visible();
  m_parts.window.swapBuffers();
  ++m_counters.frames;
  if (shown && !m_counters.firstFrameMs) m_counters.firstFrameMs = platform::millisecondsSinceProcessStart();
  if (!m_itemsFile.empty()) writeDrawnItems();

  const bool firstShow = !shown;
  m_resized = false;
  fitToContent(actions);
  // Shown once the layout has settled, or after a few frames if something keeps animating (a
  // spinner during a slow first fetch must not keep the window hidden).
  if (firstShow && (!actions.animating || m_counters.frames >= kMaxHiddenFrames)) {
    placeWindow();
    m_parts.window.show();
    placeWindow();  // a window manager may have placed it on map; ask again
    // Start-up (font atlas, shader compilation in the GL driver) leaves freed heap behind; give it
    // back, since the widget then idles for hours.
    malloc_trim(0);
  }
  handle(actions);
  return true;
}

void WidgetLoop::writeDrawnItems() const {
  // For tests that act as a person: where each label and control is on the screen, so xdotool can
  // click "Quit" or a text field. Written whole to a temporary file and renamed, so a reader never
  // sees half a list. The UI never reports the key field's content.
  const core::Rect rect = m_parts.window.rect();
  std::string text;
  for (const ui::DrawnItem& item : m_widget.drawnItems()) {
    char line[96];
    std::snprintf(line, sizeof(line), "%d %d %d %d %d ", rect.x + static_cast<int>(item.minX),
                  rect.y + static_cast<int>(item.minY), rect.x + static_cast<int>(item.maxX),
                  rect.y + static_cast<int>(item.maxY), item.control ? 1 : 0);
    text += line;
    text += item.text;
    text += '\n';
  }
  const std::string temporary = m_itemsFile + ".tmp";
  if (std::FILE* file = std::fopen(temporary.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    std::rename(temporary.c_str(), m_itemsFile.c_str());
  }
}

void WidgetLoop::handle(const ui::Actions& actions) {
  m_animating = actions.animating;
  if (actions.quit) m_quit = true;
  if (actions.dismissNotices) {
    m_notices.clear();
    m_dirty = true;
  }
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
    saveSettings();
    m_dirty = true;
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
    m_dirty = true;
  }
  if (actions.startAtLogin) {
    const auto result = setAutostart(m_options.autostartDir, *actions.startAtLogin);
    m_autostartMessage = result ? result.value() : result.error().message;
    m_autostartFailed = !result;
    m_dirty = true;
  }
  if (actions.requestClipboardPaste) {
    m_widget.setKeyField(m_parts.window.clipboardText());
    m_dirty = true;
  }
  drag(actions);
}

void WidgetLoop::fitToContent(const ui::Actions& actions) {
  const int width = static_cast<int>(std::ceil(actions.contentWidth));
  const int height = static_cast<int>(std::ceil(actions.contentHeight));
  if (width <= 0 || height <= 0) return;
  const core::Rect rect = requestedRect();
  if (rect.width == width && rect.height == height) return;
  m_parts.window.setSize(width, height);
  m_requestedSize = Size{width, height};
  m_resized = true;
  // Growing or shrinking keeps the anchored corner or edge where it is.
  if (m_parts.window.visible() && !m_dragging) placeWindow();
  m_dirty = true;
}

core::Rect WidgetLoop::requestedRect() const {
  core::Rect rect = m_parts.window.rect();
  if (m_requestedPosition) {
    rect.x = m_requestedPosition->x;
    rect.y = m_requestedPosition->y;
  }
  if (m_requestedSize) {
    rect.width = m_requestedSize->width;
    rect.height = m_requestedSize->height;
  }
  return rect;
}

void WidgetLoop::placeWindow() {
  const core::Rect rect = requestedRect();
  const core::Point position =
      core::positionFor(m_settings.placement, platform::monitorAreas(), rect.width, rect.height);
  m_parts.window.moveTo(position);
  m_requestedPosition = position;
}

void WidgetLoop::drag(const ui::Actions& actions) {
  if (actions.dragging) {
    const core::Point cursor = m_parts.window.cursorOnScreen();
    const core::Rect rect = m_parts.window.rect();
    if (!m_dragging) {
      // The grab point inside the window: where the cursor is, less how far it moved since grabbing.
      m_dragging = true;
      m_grabX = cursor.x - rect.x - static_cast<int>(std::lround(actions.dragDeltaX));
      m_grabY = cursor.y - rect.y - static_cast<int>(std::lround(actions.dragDeltaY));
    }
    // From absolute positions, so nothing accumulates: the grab point follows the cursor exactly.
    const core::Point target{cursor.x - m_grabX, cursor.y - m_grabY};
    if (!m_requestedPosition || *m_requestedPosition != target) {
      m_parts.window.moveTo(target);
      m_requestedPosition = target;
    }
  }
  if (actions.dragReleased || (m_dragging && !actions.dragging)) {
    m_dragging = false;
    snapAfterDrag();
  }
}

void WidgetLoop::snapAfterDrag() {
  const core::Rect dropped = requestedRect();
  const auto monitors = platform::monitorAreas();
  m_settings.placement = core::snapPlacement(monitors, dropped, m_settings.snapDistancePx);
  const core::Point position =
      core::positionFor(m_settings.placement, monitors, dropped.width, dropped.height);
  m_parts.window.moveTo(position);
  m_requestedPosition = position;
  m_parts.window.waitForPosition(position, 0.5);
  saveSettings();
  m_dirty = true;
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
  m_dirty = true;
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

double WidgetLoop::secondsToNextMinute() const {
  const auto now = core::Clock::now();
  const auto next = std::chrono::floor<std::chrono::minutes>(now) + std::chrono::minutes(1);
  // A little past the boundary, so the countdowns have certainly moved on when drawn.
  return std::chrono::duration<double>(next - now).count() + 0.02;
}

}  // namespace cut::app
