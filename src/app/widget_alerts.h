#pragma once
// The widget's desktop alerts: each reading the poller fetched goes through the alert ledger
// (core/files/alert_ledger.h, which decides under its file lock what fires) and what fires goes to
// the notification service (platform/notifier.h). Both happen on a worker thread of its own that
// owns the Notifier, so neither the poller nor a frame ever waits on the disk lock or the bus.
//
// Only this process's own fetches from claude.ai are fed in, not readings other processes put in
// the shared cache (the status line, `status`): those come from a Claude Code that may lag behind
// claude.ai, in no order with our fetches, and the next fetch of our own is one interval away. The
// ledger would refuse a repeat anyway; this keeps one source deciding, in order.
//
// When the notification service cannot be reached, what should have been sent is kept as unseen
// (the footer shows it and the border is tinted) until the person dismisses it; a later delivery
// that works clears none of it. Why it could not be sent is written to stderr once per reason.
//
// Threads: every public member may be called from any thread; the loop reads state() once a frame.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "core/model/alert_policy.h"
#include "core/model/window_samples.h"
#include "ui/widget.h"

namespace cut::app {

/// The alert input for a fetched reading: its limits and, per limit, the pace from the samples of
/// its current window (null samples: pace from the reading alone).
core::AlertInput alertInputFor(const std::vector<core::Limit>& limits, const core::WindowSamples* samples,
                               core::TimePoint now);

/// What the widget shows of the alerts, copied once per frame.
struct AlertsView {
  /// Alerts that could not be delivered and were not yet dismissed, oldest first.
  std::vector<core::Notification> unseen;
  ui::NotificationTest test;
  /// Bumped by every change above: the loop draws a frame when it moves.
  std::uint64_t version = 0;
};

class WidgetAlerts {
 public:
  /// Sends through `send` when given (tests), else through a platform::Notifier made on the worker.
  /// `wake` is called from the worker after the view changed.
  using Send =
      std::function<std::pair<bool, std::string>(const std::string& summary, const std::string& body)>;
  WidgetAlerts(std::filesystem::path stateDir, core::AlertSettings settings, std::function<void()> wake,
               Send send = {});
  /// Stops the worker after what is queued was decided and sent (each send is bounded by the
  /// notifier's timeout), so a reading recorded in the ledger is not lost by quitting.
  ~WidgetAlerts();
  WidgetAlerts(const WidgetAlerts&) = delete;
  WidgetAlerts& operator=(const WidgetAlerts&) = delete;

  void setSettings(const core::AlertSettings& settings);
  /// A fetched reading (or a refused key) to decide on.
  void reading(core::AlertInput input);
  /// Sends a test notification; its outcome shows in view().test.
  void sendTest();
  /// The person has seen the unseen alerts (clicked them).
  void dismiss();
  AlertsView view() const;
  /// What the destructor does, earlier (the app calls it after the poller stopped); idempotent.
  /// Readings and tests asked for afterwards are dropped.
  void stop();

 private:
  struct TestJob {};
  using Job = std::variant<core::AlertInput, TestJob>;
  void run();
  void decide(const core::AlertInput& input);
  /// Sends; on failure logs the reason the first time it is seen and returns it.
  std::optional<std::string> deliver(const std::string& summary, const std::string& body);
  void changed();

  std::filesystem::path m_stateDir;
  std::function<void()> m_wake;
  Send m_send;  ///< worker thread only

  mutable std::mutex m_mutex;  ///< guards everything below
  std::condition_variable m_cv;
  core::AlertSettings m_settings;
  std::deque<Job> m_jobs;
  bool m_stop = false;
  AlertsView m_view;
  std::set<std::string> m_logged;  ///< reasons already written to stderr

  std::thread m_thread;
};

}  // namespace cut::app
