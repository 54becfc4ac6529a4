#pragma once
// The widget's link to claude.ai and the key file: the poller, and "Test and save" of a new key on a
// background thread. Everything here is called from the main thread; the poller and the key test run
// on their own threads and report through MergedUsage (the one store the UI draws from), keyCheck()
// and the wake callback.

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/cli.h"
#include "core/files/settings.h"
#include "ui/widget.h"

namespace cut::app {

class MergedUsage;
class WidgetAlerts;

class UsageService {
 public:
  /// `wake` is called from other threads after anything changed (the app passes postEmptyEvent).
  /// The poller publishes into `usage` and records each success there, and hands each fetched
  /// reading and each refusal of the key as expired to `alerts` (when given). In demo mode nothing
  /// touches the network or the key file: `usage` gets the demo snapshot, and nothing alerts.
  UsageService(const Options& options, const core::Settings& settings, MergedUsage& usage,
               std::function<void()> wake, WidgetAlerts* alerts = nullptr);
  /// Stops the poller and the key test without waiting on a hanging server.
  ~UsageService();
  UsageService(const UsageService&) = delete;
  UsageService& operator=(const UsageService&) = delete;

  /// Starts polling (or publishes the demo snapshot).
  void start();
  void stop();

  void refreshNow();
  /// Carries a changed refresh interval or organization to the poller.
  void applySettings(const core::Settings& previous, const core::Settings& next);

  /// Normalizes the pasted text, lists organizations with it, and only when that works writes the
  /// key file (0600, atomic). Runs on a background thread; a test already running is not doubled.
  void testAndSaveKey(std::string pasted);
  /// Deletes the key file; the poller pauses with no_key.
  void removeKey();

  /// Notices for the footer raised on other threads since the last call (a loose key file
  /// tightened); the loop moves them into its own. Empties the list.
  std::vector<std::string> takeNotices();

  ui::KeyCheck keyCheck() const;
  bool hasKey() const;
  /// "0600", or empty when there is no key file.
  std::string keyFileMode() const;
  const std::filesystem::path& keyFilePath() const { return m_options.keyFile; }

 private:
  struct Network;
  void setKeyCheck(ui::KeyCheck check);
  void refreshKeyState();

  Options m_options;
  MergedUsage& m_usage;
  std::function<void()> m_wake;
  std::unique_ptr<Network> m_net;  ///< null in demo mode

  mutable std::mutex m_mutex;  ///< guards the four below (the key test and poller threads write them)
  ui::KeyCheck m_keyCheck;
  bool m_hasKey = false;
  std::string m_keyFileMode;
  std::vector<std::string> m_notices;

  std::thread m_keyTest;
};

}  // namespace cut::app
