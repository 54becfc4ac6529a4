#pragma once
// What the shell shows of a notification-area balloon, read from outside: the visible balloon
// tooltip (class tooltips_class32, style TTS_BALLOON) among a desktop's top-level windows, and its
// text, read from the shell's process through memory lent to it (the tooltip messages carry
// pointers, which the shell fills in its own address space). Not its title: Wine 8's tooltips
// answer TTM_GETTITLE with nothing. For the Windows tests only.
#include <windows.h>

#include <chrono>
#include <optional>
#include <string>

namespace cut::test {

struct Balloon {
  HWND window = nullptr;
  std::wstring text;
};

/// The visible balloon on `desktop` now, if there is one.
std::optional<Balloon> findBalloon(HDESK desktop);

/// Waits up to `limit` for a visible balloon on `desktop` (Wine shows one two seconds after it is
/// asked for).
std::optional<Balloon> waitForBalloon(HDESK desktop, std::chrono::milliseconds limit);

}  // namespace cut::test
