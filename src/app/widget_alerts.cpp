#include "app/widget_alerts.h"

#include <cstdio>
#include <memory>
#include <utility>

#include "core/files/alert_ledger.h"
#include "core/model/pace.h"
#include "platform/notifier.h"

namespace cut::app {

core::AlertInput alertInputFor(const std::vector<core::Limit>& limits, const core::WindowSamples* samples,
                               core::TimePoint now) {
  core::AlertInput input{.now = now, .limits = limits};
  for (const core::Limit& limit : limits) {
    const auto history = samples ? samples->of(limit.id) : std::span<const core::PaceSample>();
    input.pace.emplace(limit.id, core::computePace(limit, history, now));
  }
  return input;
}

WidgetAlerts::WidgetAlerts(std::filesystem::path stateDir, core::AlertSettings settings,
                           std::function<void()> wake, Send send)
    : m_stateDir(std::move(stateDir)),
      m_wake(std::move(wake)),
      m_send(std::move(send)),
      m_settings(std::move(settings)) {
  m_thread = std::thread([this] { run(); });
}

WidgetAlerts::~WidgetAlerts() { stop(); }

void WidgetAlerts::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_one();
  if (m_thread.joinable()) m_thread.join();
}

void WidgetAlerts::setSettings(const core::AlertSettings& settings) {
  std::lock_guard lock(m_mutex);
  m_settings = settings;
}

void WidgetAlerts::reading(core::AlertInput input) {
  {
    std::lock_guard lock(m_mutex);
    if (m_stop) return;
    m_jobs.emplace_back(std::move(input));
  }
  m_cv.notify_one();
}

void WidgetAlerts::sendTest() {
  {
    std::lock_guard lock(m_mutex);
    if (m_stop || m_view.test.state == ui::NotificationTest::State::Sending) return;
    m_jobs.emplace_back(TestJob{});
    m_view.test = {ui::NotificationTest::State::Sending, "Sending a test notification\u2026"};
    ++m_view.version;
  }
  m_cv.notify_one();
}

void WidgetAlerts::dismiss() {
  std::lock_guard lock(m_mutex);
  if (m_view.unseen.empty()) return;
  m_view.unseen.clear();
  ++m_view.version;
}

AlertsView WidgetAlerts::view() const {
  std::lock_guard lock(m_mutex);
  return m_view;
}

void WidgetAlerts::changed() {
  if (m_wake) m_wake();
}

void WidgetAlerts::run() {
  // The bus connection belongs to this thread (platform/notifier.h), so it is made here.
  std::unique_ptr<platform::Notifier> notifier;
  if (!m_send) {
    notifier = std::make_unique<platform::Notifier>();
    m_send = [&notifier](const std::string& summary, const std::string& body) {
      auto result = notifier->notify(summary, body);
      return std::make_pair(result.sent(), std::move(result.message));
    };
  }
  std::unique_lock lock(m_mutex);
  while (true) {
    m_cv.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
    if (m_jobs.empty()) break;  // stopping, and everything queued is done
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    lock.unlock();
    if (const auto* input = std::get_if<core::AlertInput>(&job)) {
      decide(*input);
    } else {
      const auto why = deliver("Claude Usage Tracker: test notification",
                               "Alerts about your Claude usage limits will look like this.");
      {
        std::lock_guard update(m_mutex);
        m_view.test =
            why ? ui::NotificationTest{ui::NotificationTest::State::Failed, "Not sent: " + *why + "."}
                : ui::NotificationTest{ui::NotificationTest::State::Sent,
                                       "Sent to the notification service."};
        ++m_view.version;
      }
      changed();
    }
    lock.lock();
  }
  lock.unlock();
  m_send = {};  // it may refer to the notifier, which goes now
}

void WidgetAlerts::decide(const core::AlertInput& input) {
  core::AlertSettings settings;
  {
    std::lock_guard lock(m_mutex);
    settings = m_settings;
  }
  auto fired = core::recordAlerts(m_stateDir, input, settings);
  if (!fired) {
    // Nothing fires (another process holds the lock and decides on the same reading, or the state
    // folder is unusable); the next reading tries again.
    const std::string reason = "alerts not recorded: " + fired.error().message;
    std::lock_guard lock(m_mutex);
    if (m_logged.insert(reason).second) std::fprintf(stderr, "claude-usage-tracker: %s\n", reason.c_str());
    return;
  }
  bool kept = false;
  for (const core::Notification& notification : fired.value()) {
    if (!deliver(notification.summary, notification.body)) continue;
    std::lock_guard lock(m_mutex);
    m_view.unseen.push_back(notification);
    ++m_view.version;
    kept = true;
  }
  if (kept) changed();
}

std::optional<std::string> WidgetAlerts::deliver(const std::string& summary, const std::string& body) {
  auto [sent, message] = m_send(summary, body);
  if (sent) return std::nullopt;
  if (message.empty()) message = "the notification service did not accept it";
  std::lock_guard lock(m_mutex);
  if (m_logged.insert(message).second) {
    std::fprintf(stderr,
                 "claude-usage-tracker: desktop notifications unavailable (%s); alerts show in the widget\n",
                 message.c_str());
  }
  return message;
}

}  // namespace cut::app
