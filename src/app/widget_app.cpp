// The widget: window, ImGui, the poller and the loop, started and stopped in a fixed order.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "app/commands.h"
#include "app/merged_usage.h"
#include "app/usage_service.h"
#include "app/widget_alerts.h"
#include "app/widget_loop.h"
#include "core/files/private_dir.h"
#include "core/files/settings.h"
#include "platform/imgui_layer.h"
#include "platform/process_clock.h"
#include "platform/ring_renderer.h"
#include "platform/signals.h"
#include "platform/single_instance.h"
#include "platform/window.h"
#include "ui/fonts.h"

namespace cut::app {
namespace {

bool shadersDisabled() {
  const char* value = std::getenv("CUT_NO_SHADERS");
  return value && *value && std::string(value) != "0";
}

}  // namespace

int runWidget(const Options& options) {
  const auto started = std::chrono::steady_clock::now();

  // A second launch needs no display: it asks the first to come forward and leaves. A --frames run
  // renders once and exits (screenshots, tests), so it is not an instance and may run beside one.
  std::atomic<bool> activateRequested{false};
  std::optional<platform::SingleInstance> instance;
  if (!options.frames) {
    instance.emplace(options.stateDir, [&activateRequested] {
      activateRequested = true;
      platform::postEmptyEvent();
    });
    if (instance->outcome() == platform::SingleInstance::Outcome::AlreadyRunning) {
      std::printf("claude-usage-tracker is already running; it has been brought to the front.\n");
      return 0;
    }
    if (instance->outcome() == platform::SingleInstance::Outcome::Error) {
      std::fprintf(stderr, "claude-usage-tracker: %s (continuing without the one-instance check)\n",
                   instance->error().c_str());
    }
  }

  std::string error;
  if (!platform::initGlfw(error)) {
    std::fprintf(stderr,
                 "claude-usage-tracker: cannot open a window (%s).\n"
                 "Is there a graphical session? Without one, `claude-usage-tracker status` prints the same "
                 "numbers in the terminal.\n",
                 error.c_str());
    return 1;
  }

  // From here on SIGTERM and SIGINT end the loop like Quit (the handlers wake it through GLFW).
  auto termination = std::make_unique<platform::TerminationWatcher>([] { platform::postEmptyEvent(); });

  core::SettingsLoad loaded = core::loadSettings(options.configDir);
  // The cache and the lock refuse such a folder on their own; the footer says why nothing is shared.
  if (auto trusted = core::checkPrivateDir(options.stateDir); !trusted)
    loaded.warnings.push_back(trusted.error().message + " Usage is not shared with Claude Code or status.");
  for (const std::string& warning : loaded.warnings)
    std::fprintf(stderr, "claude-usage-tracker: %s\n", warning.c_str());
  core::Settings settings = std::move(loaded.settings);

  int code = 0;
  LoopCounters counters;
  {
    auto window = platform::Window::create({.alwaysOnTop = settings.alwaysOnTop}, error);
    if (!window) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", error.c_str());
      termination.reset();
      platform::terminateGlfw();
      return 1;
    }
    platform::ImGuiLayer imgui(
        *window, [](float scale) { ui::buildFonts(scale); }, window->contentScale());

    std::unique_ptr<platform::GlRingRenderer> ring;
    if (!shadersDisabled()) {
      const auto unavailable = [](const std::string& reason) {
        std::fprintf(stderr, "claude-usage-tracker: ring shader unavailable, drawing arcs instead: %s\n",
                     reason.c_str());
      };
      ring = platform::GlRingRenderer::create(unavailable, error);
      if (!ring) unavailable(error);
    }

    // What the UI draws: the poller's snapshots with the shared cache (Claude Code's numbers) merged.
    MergedUsage merged(options.stateDir, !options.demo, [] { platform::postEmptyEvent(); });
    // Before the service, whose poller feeds it, so it outlives the poller.
    WidgetAlerts alerts(options.stateDir, settings.alerts, [] { platform::postEmptyEvent(); });
    UsageService service(
        options, settings, merged, [] { platform::postEmptyEvent(); }, options.demo ? nullptr : &alerts);
    service.start();

    WidgetLoop loop(options, settings,
                    {.window = *window,
                     .imgui = imgui,
                     .ring = ring.get(),
                     .service = service,
                     .usage = merged,
                     .alerts = alerts,
                     .termination = *termination,
                     .activateRequested = activateRequested});
    for (std::string& warning : loaded.warnings) loop.notify(std::move(warning));
    code = loop.run();
    counters = loop.counters();

    // Shutdown order: the poller and key test first (they wake the loop), then GL objects while the
    // context still exists, then the window.
    service.stop();
    // What the last fetches fired is in the ledger already: send it before leaving.
    alerts.stop();
    if (auto saved = core::saveSettings(options.configDir, settings); !saved) {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", saved.error().message.c_str());
    }
    ring.reset();
  }
  termination.reset();
  platform::terminateGlfw();

  if (options.stats) {
    const double uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    // first_frame_ms is -1 when no frame reached the screen or the start time is unknown.
    std::fprintf(
        stderr, "stats: frames=%llu wakeups=%llu cpu_seconds=%.3f uptime_seconds=%.1f first_frame_ms=%.0f\n",
        static_cast<unsigned long long>(counters.frames), static_cast<unsigned long long>(counters.wakeups),
        platform::processCpuSeconds(), uptime, counters.firstFrameMs.value_or(-1.0));
  }
  return code;
}

}  // namespace cut::app
