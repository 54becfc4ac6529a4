// The Windows notifier against a real notification area. Each case runs on a desktop of its own,
// which Wine gives an Explorer of its own (with a notification area) when the first window is made
// on it, so nothing here meets the balloons of other tests or of the person's own desktop; the
// Explorer the case started is ended by its process id at the end. (A new desktop on real Windows
// has no Explorer: there these cases would see no notification area.)
//
// The work runs on a thread of that desktop (a thread that has made a window cannot change desktop)
// and asserts nothing there: it records what it saw, and the case checks that afterwards. (doctest
// keeps thread-local state whose destruction at the end of a MinGW thread fails under Wine.)
#include <windows.h>

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <thread>

#include "platform/balloon_probe.h"
#include "platform/notifier.h"
#include "platform/windows_text.h"

namespace notifier_windows_test {

using cut::platform::Notifier;
using cut::platform::NotifyResult;
using cut::platform::NotifyStatus;
using cut::platform::windows::fitUtf16;
using namespace std::chrono_literals;

namespace {

/// A desktop of the test's own and the Explorer that Wine starts for it.
class PrivateDesktop {
 public:
  PrivateDesktop() {
    std::random_device random;
    const std::wstring name = L"cut-notify-" + std::to_wstring(random());
    m_desktop = CreateDesktopW(name.c_str(), nullptr, nullptr, 0, GENERIC_ALL, nullptr);
  }
  ~PrivateDesktop() {
    endExplorer();
    if (m_desktop) CloseDesktop(m_desktop);
  }
  PrivateDesktop(const PrivateDesktop&) = delete;
  PrivateDesktop& operator=(const PrivateDesktop&) = delete;

  HDESK handle() const { return m_desktop; }

  /// Runs `body` on a thread of this desktop once its taskbar is up; false (and `problem()` says
  /// why) when the desktop or its Explorer could not be had.
  bool run(const std::function<void()>& body) {
    std::thread thread([&] {
      if (!m_desktop || !SetThreadDesktop(m_desktop)) {
        m_problem = "no desktop of the test's own";
        return;
      }
      if (!startExplorer()) return;
      body();
    });
    thread.join();
    return m_problem.empty();
  }
  const std::string& problem() const { return m_problem; }

  /// Ends this desktop's Explorer, as when Explorer crashes; its taskbar goes with it.
  void endExplorer() {
    if (!m_explorer) return;
    TerminateProcess(m_explorer, 0);
    WaitForSingleObject(m_explorer, 10000);
    CloseHandle(m_explorer);
    m_explorer = nullptr;
  }

 private:
  // A window of any kind makes Wine start the desktop's Explorer, which makes the taskbar.
  bool startExplorer() {
    HWND probe = CreateWindowExW(0, L"STATIC", L"", WS_POPUP, 0, 0, 0, 0, nullptr, nullptr, nullptr, nullptr);
    HWND tray = nullptr;
    for (int i = 0; i < 100 && !tray; ++i) {
      tray = FindWindowW(L"Shell_TrayWnd", nullptr);
      if (!tray) std::this_thread::sleep_for(100ms);
    }
    if (probe) DestroyWindow(probe);
    DWORD processId = 0;
    if (tray) GetWindowThreadProcessId(tray, &processId);
    m_explorer = processId ? OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, FALSE, processId) : nullptr;
    if (!m_explorer) m_problem = "no Explorer came up for the test's desktop";
    return m_explorer != nullptr;
  }

  HDESK m_desktop = nullptr;
  HANDLE m_explorer = nullptr;
  std::string m_problem;
};

/// The balloon's text, once one shows within 15 s; nullopt when none does.
std::optional<std::wstring> balloonText(HDESK desktop) {
  const auto balloon = cut::test::waitForBalloon(desktop, 15s);
  return balloon ? std::optional(balloon->text) : std::nullopt;
}

bool balloonGone(HDESK desktop) {
  for (int i = 0; i < 100; ++i) {
    if (!cut::test::findBalloon(desktop)) return true;
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

}  // namespace

TEST_CASE(
    "with a notification area, an alert is sent and the shell shows its balloon until the notifier goes") {
  PrivateDesktop desktop;
  NotifyResult result;
  std::optional<std::wstring> shown;
  bool goneAfter = false;
  REQUIRE_MESSAGE(desktop.run([&] {
    {
      Notifier notifier;
      result = notifier.notify("Session (5h) at 92%", "Resets at 14:00 (in 1h 20m).");
      shown = balloonText(desktop.handle());
    }
    // The icon goes with the notifier, and its balloon with it.
    goneAfter = balloonGone(desktop.handle());
  }),
                  desktop.problem());
  CHECK(result.status == NotifyStatus::Sent);
  CHECK(result.message.empty());
  REQUIRE_MESSAGE(shown.has_value(), "the shell showed no balloon");
  CHECK(*shown == L"Resets at 14:00 (in 1h 20m).");
  CHECK(goneAfter);
}

TEST_CASE("a body longer than the balloon holds is cut whole, with an ellipsis, never mid-pair") {
  PrivateDesktop desktop;
  NotifyResult result;
  std::optional<std::wstring> shown;
  // 254 units of text, then an emoji (a surrogate pair) that would straddle the 255th unit.
  const std::string body = std::string(254, 'x') + "\xF0\x9F\x98\x80 and more";
  REQUIRE_MESSAGE(desktop.run([&] {
    Notifier notifier;
    result = notifier.notify("Weekly (all models) at 90%", body);
    shown = balloonText(desktop.handle());
  }),
                  desktop.problem());
  CHECK(result.sent());
  REQUIRE(shown.has_value());
  CHECK(*shown == std::wstring(254, L'x') + L'\u2026');
}

TEST_CASE("a second alert from the same notifier reuses its icon and shows the new text") {
  PrivateDesktop desktop;
  NotifyResult first, second;
  std::optional<std::wstring> firstShown;
  std::wstring secondShown;
  REQUIRE_MESSAGE(desktop.run([&] {
    Notifier notifier;
    first = notifier.notify("Session (5h) at 75%", "first");
    firstShown = balloonText(desktop.handle());
    second = notifier.notify("Session (5h) at 90%", "second");
    for (int i = 0; i < 150 && secondShown != L"second"; ++i) {
      if (const auto balloon = cut::test::findBalloon(desktop.handle())) secondShown = balloon->text;
      std::this_thread::sleep_for(100ms);
    }
  }),
                  desktop.problem());
  CHECK(first.sent());
  CHECK(firstShown == std::optional<std::wstring>(L"first"));
  CHECK(second.sent());
  CHECK(secondShown == L"second");
}

TEST_CASE("without a notification area (Explorer gone) an alert is NoService, with the reason") {
  PrivateDesktop desktop;
  NotifyResult before, after, fresh;
  REQUIRE_MESSAGE(desktop.run([&] {
    Notifier notifier;
    before = notifier.notify("Session (5h) at 75%", "while the taskbar is up");
    desktop.endExplorer();
    after = notifier.notify("Session (5h) at 90%", "after Explorer ended");
    Notifier another;
    fresh = another.notify("Session (5h) at 95%", "no taskbar from the start");
  }),
                  desktop.problem());
  CHECK(before.sent());
  for (const NotifyResult& result : {after, fresh}) {
    CHECK(result.status == NotifyStatus::NoService);
    CHECK(result.message == "no notification area (the Windows taskbar is not running)");
  }
}

TEST_CASE("text for fixed-size fields is cut on a character boundary, with an ellipsis") {
  CHECK(fitUtf16(L"short", 63) == L"short");
  CHECK(fitUtf16(std::wstring(63, L'a'), 63) == std::wstring(63, L'a'));
  CHECK(fitUtf16(std::wstring(64, L'a'), 63) == std::wstring(62, L'a') + L'\u2026');
  // A pair whose first half would be the last unit kept: the whole pair goes.
  const std::wstring pair = L"\U0001F600";
  REQUIRE(pair.size() == 2);
  CHECK(fitUtf16(std::wstring(61, L'a') + pair + L"bb", 63) == std::wstring(61, L'a') + L'\u2026');
  // A pair that fits whole stays whole.
  CHECK(fitUtf16(std::wstring(60, L'a') + pair + L"bb", 63) == std::wstring(60, L'a') + pair + L'\u2026');
  CHECK(fitUtf16(L"abc", 1) == L"\u2026");
  CHECK(fitUtf16(L"abc", 0) == L"");
}

}  // namespace notifier_windows_test
