// End to end on a real session bus: every test case runs under its own `dbus-run-session` (the
// suite's CROSSCOMPILING_EMULATOR), with or without the notification service stand-in
// (notification_service.cpp) owning org.freedesktop.Notifications.
#include "platform/notifier.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/files/alert_ledger.h"
#include "support/temp_dir.h"

using namespace cut;
using namespace std::chrono_literals;

namespace {

// The stand-in service as a child process, killed when the test ends.
class NotificationService {
 public:
  explicit NotificationService(const std::filesystem::path& record) : m_record(record) {
    m_pid = ::fork();
    if (m_pid == 0) {
      ::execl(CUT_NOTIFICATION_SERVICE, CUT_NOTIFICATION_SERVICE, record.c_str(), nullptr);
      ::_exit(127);
    }
    const auto ready = std::filesystem::path(record.string() + ".ready");
    for (int i = 0; i < 1000 && !std::filesystem::exists(ready); ++i) std::this_thread::sleep_for(10ms);
    REQUIRE(std::filesystem::exists(ready));
  }
  ~NotificationService() {
    ::kill(m_pid, SIGTERM);
    ::waitpid(m_pid, nullptr, 0);
  }
  NotificationService(const NotificationService&) = delete;
  NotificationService& operator=(const NotificationService&) = delete;

  // The recorded lines, once there are `count` of them (or after 10 s, whatever is there).
  std::vector<std::string> lines(std::size_t count) const {
    std::vector<std::string> out;
    for (int i = 0; i < 1000; ++i) {
      out.clear();
      std::ifstream in(m_record);
      for (std::string line; std::getline(in, line);) out.push_back(line);
      if (out.size() >= count) break;
      std::this_thread::sleep_for(10ms);
    }
    return out;
  }

 private:
  std::filesystem::path m_record;
  pid_t m_pid = -1;
};

const core::TimePoint kStart = core::Clock::from_time_t(1'800'000'000);
const core::TimePoint kReset = kStart + 5h;

core::Limit session(double percent, core::TimePoint resetsAt = kReset) {
  return core::Limit{.id = "five_hour",
                     .label = "Session (5h)",
                     .usedPercent = percent,
                     .resetsAt = resetsAt,
                     .windowSeconds = core::kFiveHourSeconds};
}

// One widget's life: readings go through the ledger, what it returns goes to the bus.
void deliver(const std::filesystem::path& stateDir, platform::Notifier& notifier, core::TimePoint now,
             std::vector<core::Limit> limits) {
  const auto fired =
      core::recordAlerts(stateDir, core::AlertInput{.now = now, .limits = std::move(limits)}, {});
  REQUIRE(fired.ok());
  for (const auto& n : fired.value()) CHECK(notifier.notify(n.summary, n.body).sent());
}

}  // namespace

TEST_CASE(
    "alerts reach the notification service once each and not again after a restart or a phantom reset") {
  test::TempDir dir;
  const auto state = dir / "state";
  NotificationService service(dir / "record.txt");
  {
    platform::Notifier notifier;
    deliver(state, notifier, kStart + 1h, {session(50)});
    deliver(state, notifier, kStart + 2h, {session(76)});
    deliver(state, notifier, kStart + 2h + 1min, {session(80)});
    deliver(state, notifier, kStart + 2h + 2min, {session(0)});  // a phantom reset
    deliver(state, notifier, kStart + 2h + 3min, {session(81)});
    deliver(state, notifier, kStart + 3h, {session(91)});
  }
  {
    platform::Notifier restarted;  // a new process sees the same readings again
    deliver(state, restarted, kStart + 3h, {session(91)});
    deliver(state, restarted, kStart + 3h + 1min, {session(92)});
    deliver(state, restarted, kReset + 2min, {session(1, kReset + 5h)});
  }
  const auto lines = service.lines(3);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "Session (5h) at 76%\tSession (5h) passed 75%; resets in 3h.");
  CHECK(lines[1].starts_with("Session (5h) at 91%\tSession (5h) passed 90%;"));
  CHECK(lines[2] == "Fresh window: Session (5h) at 1%\tSession (5h) has reset after reaching 92%.");
  std::this_thread::sleep_for(200ms);
  CHECK(service.lines(3).size() == 3);  // and nothing more arrives
}

TEST_CASE("without a notification service the notifier says so and with one it sends") {
  test::TempDir dir;
  platform::Notifier notifier;
  const auto missing = notifier.notify("Session (5h) at 90%", "body");
  CHECK(missing.status == platform::NotifyStatus::NoService);
  CHECK(missing.message == "no notification service on the session bus");
  NotificationService service(dir / "record.txt");
  CHECK(notifier.notify("Session (5h) at 91%", "two\nlines").sent());
  const auto lines = service.lines(1);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "Session (5h) at 91%\ttwo\\nlines");
}

TEST_CASE("with no session bus at all the notifier says so") {
  test::TempDir dir;
  const std::string address =
      std::getenv("DBUS_SESSION_BUS_ADDRESS") ? std::getenv("DBUS_SESSION_BUS_ADDRESS") : "";
  ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
  ::setenv("XDG_RUNTIME_DIR", dir.path().c_str(), 1);  // no `bus` socket in it
  platform::Notifier notifier;
  const auto result = notifier.notify("Session (5h) at 90%", "body");
  CHECK(result.status == platform::NotifyStatus::NoBus);
  CHECK(result.message.starts_with("no session bus"));
  if (!address.empty()) ::setenv("DBUS_SESSION_BUS_ADDRESS", address.c_str(), 1);
}
