#pragma once
// Desktop notifications. One implementation file per OS: on Linux the freedesktop notification
// service on the session D-Bus (org.freedesktop.Notifications.Notify, through sd-bus); on Windows
// a balloon of a notification-area icon (notifier_windows.cpp says why and how).
// "No bus" and "no service" are results, not errors to log: the caller falls back to showing the
// alert itself (the widget's footer).

#include <chrono>
#include <memory>
#include <string>

namespace cut::platform {

enum class NotifyStatus {
  Sent,       ///< the service accepted it
  NoBus,      ///< no session bus to connect to (Linux)
  NoService,  ///< nothing shows notifications: no org.freedesktop.Notifications on the bus, or no
              ///< Windows notification area (taskbar)
  Failed,     ///< the service answered with an error, or did not answer in time
};

struct NotifyResult {
  NotifyStatus status = NotifyStatus::Failed;
  /// For people, when not Sent: "no notification service on the session bus"... Never holds
  /// the notification's text.
  std::string message;

  bool sent() const { return status == NotifyStatus::Sent; }
};

/// Sends notifications from the thread that owns it (the bus connection, or on Windows the icon's
/// window, belongs to that thread). Connects on first use and again after the connection is lost; a
/// call blocks for at most `timeout` on Linux, for as long as the shell takes on Windows.
class Notifier {
 public:
  /// `appName` is what notification centres show as the sender.
  explicit Notifier(std::string appName = "Claude Usage Tracker",
                    std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
  ~Notifier();
  Notifier(const Notifier&) = delete;
  Notifier& operator=(const Notifier&) = delete;

  NotifyResult notify(const std::string& summary, const std::string& body);

 private:
  struct Bus;
  std::string m_appName;
  std::chrono::milliseconds m_timeout;
  std::unique_ptr<Bus> m_bus;
};

}  // namespace cut::platform
