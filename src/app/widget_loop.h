#pragma once
// The widget's main loop: draws a frame only when something that can change a pixel happened, and
// otherwise sleeps in glfwWaitEventsTimeout until input, a new snapshot, the next minute of the
// countdowns, or a running animation. Main thread only.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "core/window/placement.h"
#include "core/files/settings.h"
#include "core/model/snapshot.h"
#include "ui/widget.h"

namespace cut::platform {
class Window;
class ImGuiLayer;
class GlRingRenderer;
class TerminationWatcher;
}  // namespace cut::platform

namespace cut::app {

class MergedUsage;
class UsageService;

struct LoopCounters {
  std::uint64_t frames = 0;
  std::uint64_t wakeups = 0;  ///< returns from the event wait
  /// From the kernel's start of the process to the return of the swap of the first frame drawn
  /// into the shown window (the frames before it only measure the layout while hidden); nullopt
  /// until then, or where the process start time is unknown.
  std::optional<double> firstFrameMs;
};

struct LoopParts {
  platform::Window& window;
  platform::ImGuiLayer& imgui;
  platform::GlRingRenderer* ring;  ///< null: the UI draws ImDrawList arcs
  UsageService& service;
  MergedUsage& usage;  ///< the snapshots the UI draws
  const platform::TerminationWatcher& termination;
  std::atomic<bool>& activateRequested;  ///< set by a second launch
};

class WidgetLoop {
 public:
  WidgetLoop(const Options& options, core::Settings& settings, LoopParts parts);

  /// Runs until Quit, a close request, SIGTERM/SIGINT, or (with --frames) the last frame. Returns
  /// the exit code: 0, or 1 when a requested screenshot could not be written.
  int run();
  /// A problem with the widget's own files, for the person: named in the footer until dismissed
  /// there (the caller also prints it; started from a desktop menu, nobody reads stderr).
  void notify(std::string message);
  const LoopCounters& counters() const { return m_counters; }

 private:
  /// Draws one frame; with `capture`, writes it to --screenshot first. False when that failed.
  bool drawFrame(bool capture);
  void handle(const ui::Actions& actions);
  void fitToContent(const ui::Actions& actions);
  void drag(const ui::Actions& actions);
  void snapAfterDrag();
  void placeWindow();
  /// Where the window was last asked to be and how large, else where the window system says it is.
  /// Under a window manager the read-back lags a move or a resize, so a size just asked for must
  /// place the window, not the size it had before.
  core::Rect requestedRect() const;
  void rememberOrganization(const std::vector<core::Organization>& organizations);
  void saveSettings();
  /// With CUT_TEST_ITEMS_FILE set: the drawn labels and controls with their screen rectangles.
  void writeDrawnItems() const;
  bool firstFetchSettled() const;
  double secondsToNextMinute() const;
  ui::ViewModel viewModel() const;
  ui::AutostartView autostartView() const;

  const Options& m_options;
  core::Settings& m_settings;
  LoopParts m_parts;
  ui::Widget m_widget;
  LoopCounters m_counters;

  bool m_quit = false;
  bool m_dirty = true;
  int m_settleFrames = 0;  ///< frames still owed after input or a click ImGui acted on
  bool m_animating = false;
  bool m_resized = false;  ///< the last frame changed the window size: its pixels are not final
  std::uint64_t m_drawnGeneration = 0;
  std::int64_t m_drawnMinute = 0;
  ui::KeyCheck::State m_drawnKeyState = ui::KeyCheck::State::Idle;
  std::string m_drawnKeyMessage;
  float m_scale = 1.0f;
  std::string m_itemsFile;             ///< CUT_TEST_ITEMS_FILE, for GUI tests; empty when unset
  ui::StatuslineInstall m_statusline;  ///< Claude Code's status line, for the settings panel
  std::string m_autostartMessage;      ///< the last "Start at login" change, for the panel
  bool m_autostartFailed = false;
  std::vector<std::string> m_notices;  ///< see notify()

  // Dragging: the grab point in window pixels. Where the window was last asked to go, and how large.
  struct Size {
    int width = 0;
    int height = 0;
  };
  bool m_dragging = false;
  int m_grabX = 0;
  int m_grabY = 0;
  std::optional<core::Point> m_requestedPosition;
  std::optional<Size> m_requestedSize;
};

}  // namespace cut::app
