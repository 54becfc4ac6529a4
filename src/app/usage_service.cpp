#include "app/usage_service.h"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <system_error>
#include <utility>

#include "app/fetch_stack.h"
#include "app/merged_usage.h"
#include "app/widget_alerts.h"
#include "core/files/key_file.h"
#include "core/files/usage_cache.h"
#include "core/history/history_store.h"
#include "core/model/demo.h"
#include "net/poller.h"

namespace cut::app {
// The poller's transport and client, built like every other command's (fetch_stack.h).
struct UsageService::Network {
  FetchStack poll;
  std::unique_ptr<net::Poller> poller;

  std::mutex testMutex;  ///< guards test, which stop() cancels from the main thread
  std::shared_ptr<FetchStack> test;
  std::atomic<bool> stopping{false};

  explicit Network(const Options& options) : poll(options) {}
};

UsageService::UsageService(const Options& options, const core::Settings& settings, MergedUsage& usage,
                           std::function<void()> wake, WidgetAlerts* alerts)
    : m_options(options), m_usage(usage), m_wake(std::move(wake)) {
  if (m_options.demo) return;
  m_net = std::make_unique<Network>(m_options);
  net::PollerOptions poll;
  poll.fetch = [net = m_net.get()](const std::string& key, const std::string& org, core::TimePoint now) {
    return net->poll.client.fetch(key, org, now);
  };
  poll.cancel = [net = m_net.get()] { net->poll.transport->cancel(); };
  poll.keySource = [this]() -> core::Result<std::string, core::FetchError> {
    auto loaded = core::readKeyFile(m_options.keyFile);
    if (!loaded) {
      const auto kind = loaded.error().noKey ? core::ErrorKind::NoKey : core::ErrorKind::InvalidKey;
      return core::fail(core::FetchError{.kind = kind, .message = loaded.error().message});
    }
    if (loaded.value().permissionsTightened) {
      // Said where the person looks: the footer's notices (the poll that follows wakes the loop).
      std::lock_guard lock(m_mutex);
      m_notices.push_back(core::tightenedKeyFileWarning(m_options.keyFile) + ".");
    }
    return std::move(loaded.value().key);
  };
  // On the poller thread, after each success: the shared cache lets the status line and `status`
  // show these numbers without a fetch of their own.
  poll.onSuccess = [&usage = m_usage, stateDir = m_options.stateDir,
                    alerts](const core::FetchOutcome& outcome) {
    usage.recordFetch(outcome, core::Clock::now());
    const auto history =
        core::recordHistory(stateDir, core::Source::ClaudeAi, outcome.usage.limits, core::Clock::now());
    if (!history.warning().empty())
      std::fprintf(stderr, "claude-usage-tracker: warning: %s\n", history.warning().c_str());
    const core::TimePoint now = core::Clock::now();
    const auto samples = usage.loadHistory(now);
    if (alerts) alerts->reading(alertInputFor(outcome.usage.limits, samples.get(), now));
  };
  poll.wake = m_wake;
  poll.interval = std::chrono::seconds(settings.refreshIntervalSeconds);
  poll.organizationUuid = settings.organizationUuid;
  m_net->poller = std::make_unique<net::Poller>(
      std::move(poll), [&usage = m_usage, alerts,
                        expiredAt = std::optional<core::TimePoint>()](core::UsageSnapshot snapshot) mutable {
        // The key refused as expired is an alert too: once per failed attempt (the poller then
        // pauses), and the ledger fires it once until a reading works again.
        const bool expired = snapshot.error && snapshot.error->kind == core::ErrorKind::AuthExpired;
        if (alerts && expired && !snapshot.fetching && snapshot.lastAttempt != expiredAt) {
          expiredAt = snapshot.lastAttempt;
          alerts->reading(core::AlertInput{.now = core::Clock::now(), .keyExpired = true});
        }
        usage.publishPolled(std::move(snapshot));
      });
  refreshKeyState();
}

UsageService::~UsageService() { stop(); }

void UsageService::start() {
  if (!m_net) {
    m_usage.publishPolled(core::makeDemoSnapshot(core::Clock::now()));
    return;
  }
  m_net->poller->start();
}

void UsageService::stop() {
  if (!m_net) return;
  m_net->stopping = true;
  {
    std::lock_guard lock(m_net->testMutex);
    if (m_net->test) m_net->test->transport->cancel();
  }
  m_net->poller->stop();
  if (m_keyTest.joinable()) m_keyTest.join();
}

void UsageService::refreshNow() {
  if (m_net) m_net->poller->refreshNow();
}

void UsageService::applySettings(const core::Settings& previous, const core::Settings& next) {
  if (!m_net) return;
  if (next.refreshIntervalSeconds != previous.refreshIntervalSeconds) {
    m_net->poller->setInterval(std::chrono::seconds(next.refreshIntervalSeconds));
  }
  if (next.organizationUuid != previous.organizationUuid)
    m_net->poller->setOrganization(next.organizationUuid);
}

void UsageService::testAndSaveKey(std::string pasted) {
  const ui::KeyCheck previous = keyCheck();
  if (previous.state == ui::KeyCheck::State::Testing) return;
  const std::uint64_t attempt = previous.attempt + 1;
  if (!m_net) {
    setKeyCheck({.state = ui::KeyCheck::State::Failed,
                 .message = "This is the demo. Start the widget without --demo to add your key.",
                 .attempt = attempt});
    return;
  }
  if (m_keyTest.joinable()) m_keyTest.join();  // the previous test has finished
  setKeyCheck({.state = ui::KeyCheck::State::Testing,
               .message = "Checking the key with claude.ai…",
               .attempt = attempt});
  m_keyTest = std::thread([this, attempt, pasted = std::move(pasted)] {
    ui::KeyCheck result{.state = ui::KeyCheck::State::Failed, .attempt = attempt};
    auto key = core::normalizeKey(pasted);
    if (!key) {
      result.message = key.error().message;
    } else {
      // Its own transport and client: the poller's are in use on the poller thread.
      auto stack = std::make_shared<FetchStack>(m_options);
      {
        std::lock_guard lock(m_net->testMutex);
        m_net->test = stack;
        if (m_net->stopping) stack->transport->cancel();
      }
      auto organizations = stack->client.listOrganizations(key.value());
      if (!organizations) {
        // A failed test never touches the key file that is already there.
        result.message = organizations.error().message;
        const core::ErrorKind kind = organizations.error().kind;
        result.keyRefused = kind == core::ErrorKind::InvalidKey || kind == core::ErrorKind::AuthExpired;
      } else if (auto written = core::writeKeyFile(m_options.keyFile, key.value()); !written) {
        result.message = written.error().message;
      } else {
        result.state = ui::KeyCheck::State::Saved;
        result.organizations = std::move(organizations.value());
        result.message = "Key saved.";
      }
      std::lock_guard lock(m_net->testMutex);
      m_net->test.reset();
    }
    const bool saved = result.state == ui::KeyCheck::State::Saved;
    setKeyCheck(std::move(result));
    refreshKeyState();
    if (saved) m_net->poller->keyChanged();
    if (m_wake) m_wake();
  });
}

void UsageService::removeKey() {
  if (!m_net) return;
  auto removed = core::removeKeyFile(m_options.keyFile);
  setKeyCheck({.state = removed ? ui::KeyCheck::State::Idle : ui::KeyCheck::State::Failed,
               .message = removed ? "Key removed." : removed.error().message});
  refreshKeyState();
  m_net->poller->keyChanged();
}

std::vector<std::string> UsageService::takeNotices() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_notices, {});
}

ui::KeyCheck UsageService::keyCheck() const {
  std::lock_guard lock(m_mutex);
  return m_keyCheck;
}

bool UsageService::hasKey() const {
  std::lock_guard lock(m_mutex);
  return m_hasKey;
}

std::string UsageService::keyFileMode() const {
  std::lock_guard lock(m_mutex);
  return m_keyFileMode;
}

void UsageService::setKeyCheck(ui::KeyCheck check) {
  std::lock_guard lock(m_mutex);
  m_keyCheck = std::move(check);
}

void UsageService::refreshKeyState() {
  std::error_code ec;
  const auto status = std::filesystem::status(m_options.keyFile, ec);
  const bool regular = !ec && std::filesystem::is_regular_file(status);
  const auto size = regular ? std::filesystem::file_size(m_options.keyFile, ec) : 0;
  const bool exists = regular && !ec && size > 0;
  char mode[8] = {};
  if (exists) std::snprintf(mode, sizeof(mode), "%04o", static_cast<unsigned>(status.permissions()));
  std::lock_guard lock(m_mutex);
  m_hasKey = exists;
  m_keyFileMode = exists ? mode : "";
}

}  // namespace cut::app
