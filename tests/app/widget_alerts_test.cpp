// The widget's alert worker: readings through the real ledger in a temporary state folder, sent
// through a recording stand-in for the bus (the real bus is tested end to end in tests/gui).
#include "app/widget_alerts.h"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "support/temp_dir.h"

using namespace std::chrono_literals;
using namespace cut;

namespace {

const core::TimePoint kNow = core::Clock::from_time_t(1'800'000'000);

core::Limit session(double percent) {
  return core::Limit{.id = "five_hour",
                     .label = "Session (5h)",
                     .usedPercent = percent,
                     .resetsAt = kNow + 3h,
                     .windowSeconds = core::kFiveHourSeconds};
}

/// Records what was sent; answers as `works` says at the moment of each send.
struct Bus {
  std::mutex mutex;
  std::vector<std::string> sent;
  std::atomic<bool> works{true};

  app::WidgetAlerts::Send send() {
    return [this](const std::string& summary, const std::string&) {
      std::lock_guard lock(mutex);
      if (!works) return std::make_pair(false, std::string("no notification service on the session bus"));
      sent.push_back(summary);
      return std::make_pair(true, std::string());
    };
  }
};

core::AlertInput readingAt(double percent, core::TimePoint now = kNow) {
  return app::alertInputFor({session(percent)}, nullptr, now);
}

}  // namespace

TEST_CASE("a reading crossing a threshold is sent once, naming the limit and percent") {
  test::TempDir dir;
  Bus bus;
  {
    app::WidgetAlerts alerts(dir.path(), {}, {}, bus.send());
    alerts.reading(readingAt(50));
    alerts.reading(readingAt(80, kNow + 1min));
    alerts.reading(readingAt(80, kNow + 2min));
    alerts.stop();  // what was queued is decided and sent first
    CHECK(alerts.view().unseen.empty());
  }
  CHECK(bus.sent == std::vector<std::string>{"Session (5h) at 80%"});
  // Another widget on the same state folder (a restart) repeats nothing.
  app::WidgetAlerts again(dir.path(), {}, {}, bus.send());
  again.reading(readingAt(80, kNow + 3min));
  again.stop();
  CHECK(bus.sent.size() == 1);
}

TEST_CASE("alerts the bus could not take stay unseen through a later success, until dismissed") {
  test::TempDir dir;
  Bus bus;
  int wakes = 0;
  app::WidgetAlerts alerts(
      dir.path(), {}, [&wakes] { ++wakes; }, bus.send());
  bus.works = false;
  alerts.reading(readingAt(80));
  alerts.sendTest();
  alerts.reading(readingAt(80, kNow + 1min));  // nothing new: the ledger has it
  // The worker is still running: wait for it to settle on the first two jobs.
  for (int i = 0; i < 2000 && alerts.view().test.state == ui::NotificationTest::State::Sending; ++i)
    std::this_thread::sleep_for(5ms);
  const app::AlertsView failed = alerts.view();
  CHECK(failed.test.state == ui::NotificationTest::State::Failed);
  CHECK(failed.test.message == "Not sent: no notification service on the session bus.");
  bus.works = true;
  alerts.reading(readingAt(92, kNow + 2min));
  alerts.sendTest();
  alerts.stop();
  const app::AlertsView view = alerts.view();
  REQUIRE(view.unseen.size() == 1);
  CHECK(view.unseen[0].summary == "Session (5h) at 80%");
  CHECK(view.test.state == ui::NotificationTest::State::Sent);
  CHECK(bus.sent ==
        std::vector<std::string>{"Session (5h) at 92%", "Claude Usage Tracker: test notification"});
  CHECK(wakes >= 2);
  const std::uint64_t version = view.version;
  alerts.dismiss();
  CHECK(alerts.view().unseen.empty());
  CHECK(alerts.view().version > version);
}

TEST_CASE("the pace sent with a reading comes from the window's samples") {
  core::WindowSamples samples;
  // Flat at 60 % for the last half hour: the recent rate is zero, while the window average (60 % in
  // two hours) reaches the limit before the reset.
  for (int minutes : {30, 20, 10})
    samples.byLimit["five_hour"].push_back({kNow - std::chrono::minutes(minutes), 60.0, kNow + 3h});
  const auto withSamples = app::alertInputFor({session(60)}, &samples, kNow);
  const auto alone = app::alertInputFor({session(60)}, nullptr, kNow);
  REQUIRE(withSamples.pace.count("five_hour") == 1);
  CHECK_FALSE(withSamples.pace.at("five_hour").limitAt.has_value());
  CHECK(alone.pace.at("five_hour").limitAt.has_value());
}
