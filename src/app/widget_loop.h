#pragma once
// The widget's main loop: paces frames (FramePacing decides when to draw and how long to sleep in
// Window::waitEvents) and carries out what the person asked for in each frame. Window placement
// (window_placement.h) and the screenshot and test hooks (frame_capture.h) live beside it. Main
// thread only.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "app/frame_capture.h"
#include "app/frame_pacing.h"
#include "app/window_placement.h"
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
class WidgetAlerts;

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
  MergedUsage& usage;    ///< the snapshots the UI draws
  WidgetAlerts& alerts;  ///< unseen alerts for the footer, the test notification for the panel
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
  void rememberOrganization(const std::vector<core::Organization>& organizations);
  void saveSettings();
  bool firstFetchSettled() const;
  ui::ViewModel viewModel() const;
  ui::AutostartView autostartView() const;
  /// Names in the footer, once, a history that was set aside or could not be loaded.
  void noticeHistoryProblem();

  const Options& m_options;
  core::Settings& m_settings;
  LoopParts m_parts;
  ui::Widget m_widget;
  LoopCounters m_counters;
  FramePacing m_pacing;
  WindowPlacer m_placer;
  FrameCapture m_capture;

  bool m_quit = false;
  bool m_resized = false;  ///< the last frame changed the window size: its pixels are not final
  ui::KeyCheck::State m_drawnKeyState = ui::KeyCheck::State::Idle;
  std::string m_drawnKeyMessage;
  float m_scale = 1.0f;
  ui::StatuslineInstall m_statusline;  ///< Claude Code's status line, for the settings panel
  std::string m_autostartMessage;      ///< the last "Start at login" change, for the panel
  bool m_autostartFailed = false;
  std::vector<std::string> m_notices;  ///< see notify()
  std::string m_historyNotice;         ///< the last history problem named
  std::uint64_t m_drawnAlerts = 0;     ///< the alerts' view version the last frame drew
};

}  // namespace cut::app
