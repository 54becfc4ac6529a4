#pragma once
// The widget's drawing: rows of gauges, the footer, the compact ring, the right-click menu and the
// settings panel. ImGui only: no GLFW, GL or curl. The caller owns the ImGui context and frame;
// draw() is called once per frame between ImGui::NewFrame() and ImGui::Render(). The caller builds
// the font atlas with ui::buildFonts(contentScale) (ui/fonts.h) and again when the scale changes;
// the widget applies its own style from ViewModel::contentScale and Settings::opacity. It draws one
// ImGui window at (0, 0) and expects the platform window to take the size it reports (Actions),
// which includes an open right-click menu and, in compact mode, the rows shown while hovered.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/files/settings.h"
#include "core/model/alert_policy.h"
#include "core/model/snapshot.h"
#include "core/model/usage.h"
#include "ui/ring_renderer.h"

namespace cut::ui {

/// The result of the background "Test and save" of a key, owned by the app, shown by the panel.
struct KeyCheck {
  enum class State { Idle, Testing, Saved, Failed };
  State state = State::Idle;
  std::string message;  ///< for people; never contains the key
  std::vector<core::Organization> organizations;
  /// Counts "Test and save" requests; a result belongs to the request with the same number.
  std::uint64_t attempt = 0;
  /// Failed because claude.ai refused the key itself (not offline, a timeout, Cloudflare or a
  /// server error): only then is the typed key cleared; otherwise it stays, masked, for a retry.
  bool keyRefused = false;
};

/// Whether Claude Code runs this program's status line, and what the last install or removal from
/// the settings panel said. Owned by the app, shown by the panel.
struct StatuslineInstall {
  bool installed = false;
  std::string message;  ///< the last result, for people; empty before any
  bool failed = false;  ///< the last install or removal did not happen
};

/// Whether the widget starts at login, read from the autostart entry for each frame the app builds,
/// and what the last change from the panel said. Owned by the app, shown by the panel.
struct AutostartView {
  bool enabled = false;
  std::string program;     ///< what the entry starts (or would start), for people
  bool fromBuild = false;  ///< that program runs from a build folder, not an install
  bool elsewhere = false;  ///< the entry starts another copy of this program (moved, or an old one)
  std::string message;     ///< the last result, for people; empty before any
  bool failed = false;
};

/// What the last "Send a test notification" came to. Owned by the app, shown by the panel.
struct NotificationTest {
  enum class State { Idle, Sending, Sent, Failed };
  State state = State::Idle;
  std::string message;  ///< for people: sent, or why not

  bool operator==(const NotificationTest&) const = default;
};

/// Everything the UI reads in one frame. Built by the app; nothing here is mutated by the UI.
struct ViewModel {
  std::shared_ptr<const core::UsageSnapshot> snapshot;  ///< never null
  core::Settings settings;
  core::TimePoint now{};
  KeyCheck keyCheck;
  bool hasKey = false;
  std::string keyFilePath;  ///< shown in the panel ("~/.claude-session-key")
  std::string keyFileMode;  ///< "0600", or empty when there is no file
  StatuslineInstall statusline;
  AutostartView autostart;
  /// A Wayland session (through XWayland): the compositor places windows, not the widget.
  bool compositorPlaces = false;
  float contentScale = 1.0f;
  RingRenderer* ring = nullptr;  ///< may be null: ImDrawList fallback
  /// Problems with the widget's own files, for people (a settings file that could not be read or
  /// saved). The footer names them until the person dismisses them.
  std::vector<std::string> notices;
  /// Alerts the notification service could not show (none on the bus, or no bus), oldest first:
  /// the footer names them and the border is tinted until the person clicks them.
  std::vector<core::Notification> unseenAlerts;
  NotificationTest notificationTest;
};

/// What the person asked for in this frame. The app carries each one out.
struct Actions {
  bool refresh = false;
  bool quit = false;
  bool toggleAlwaysOnTop = false;
  std::optional<std::string> testAndSaveKey;  ///< raw pasted text; the app normalizes and checks it
  bool removeKey = false;
  std::optional<core::Settings> applySettings;  ///< the draft, when Apply was pressed (or compact toggled)
  bool requestClipboardPaste = false;           ///< the paste button: the app fills the key field
  bool installStatusline = false;               ///< point Claude Code's status line at this program
  bool removeStatusline = false;                ///< put back the status line the user had before
  bool dismissNotices = false;                  ///< the person has read ViewModel::notices
  bool dismissAlerts = false;                   ///< the person has seen ViewModel::unseenAlerts
  bool sendTestNotification = false;            ///< the settings panel's "Send a test notification"
  std::optional<bool> startAtLogin;             ///< the "Start at login" checkbox was toggled to this
  /// Window drag on the background (not on a control); the drag's state lives in the widget alone.
  /// The grab point is where the button went down, in window pixels: the window follows the cursor
  /// when placed at the cursor's screen position less the grab point.
  bool dragging = false;
  float grabX = 0.0f;
  float grabY = 0.0f;
  bool dragReleased = false;  ///< the drag ended this frame: time to snap
  /// The size the window should have to fit what was drawn, in pixels.
  float contentWidth = 0.0f;
  float contentHeight = 0.0f;
  /// Something is animating (a spinner, a transition) or the layout has not settled (the window's
  /// size differs from contentWidth/Height): draw again soon rather than sleep.
  bool animating = false;
};

/// One piece of text or one control the widget drew in the last frame, with its rectangle in window
/// pixels (ImGui's screen space); for tests and diagnostics. Never holds the key field's content.
struct DrawnItem {
  std::string text;
  float minX = 0.0f;
  float minY = 0.0f;
  float maxX = 0.0f;
  float maxY = 0.0f;
  bool control = false;  ///< a button, checkbox, menu item or clickable line
};

class Widget {
 public:
  Widget();
  ~Widget();
  Widget(const Widget&) = delete;
  Widget& operator=(const Widget&) = delete;

  Actions draw(const ViewModel& view);

  /// Opens the settings panel on the key entry with keyboard focus in the key field.
  void openKeyEntry();
  void openSettings();
  bool settingsOpen() const;
  /// Puts text into the key field (clipboard paste done by the app).
  void setKeyField(const std::string& text);

  /// What the last draw() drew, in drawing order.
  const std::vector<DrawnItem>& drawnItems() const;

 private:
  struct State;
  std::unique_ptr<State> m_state;
};

}  // namespace cut::ui
