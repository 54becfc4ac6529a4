#pragma once
// The loop's hooks for screenshots and tests: `--frames N` (draw N frames, or until the first fetch
// settled, then exit), `--screenshot` (write the captured frame as PNG) and CUT_TEST_ITEMS_FILE
// (after every frame, the drawn labels and controls with their screen rectangles, so GUI tests can
// click what a person would). Main thread only.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.h"
#include "ui/widget.h"

namespace cut::platform {
class Window;
}

namespace cut::app {

class FrameCapture {
 public:
  explicit FrameCapture(const Options& options);

  bool framesMode() const { return m_frames.has_value(); }
  /// With --frames: fewer frames than asked for have been drawn.
  bool framesOwed(std::uint64_t drawn) const;
  /// With --frames: whether the next frame is the captured one. It is the N-th or a later one, drawn
  /// after the first fetch finished or failed and the layout settled (`ready`), unless that takes
  /// longer than the request timeout allows.
  bool captureNext(std::uint64_t drawn, bool ready) const;
  /// With --frames, frames are drawn back to back; only while the first fetch is out does the loop
  /// sleep, until it wakes it. Otherwise `paced` unchanged.
  double secondsToWait(double paced, std::uint64_t drawn, bool firstFetchSettled) const;

  /// Writes the frame in the back buffer to --screenshot, if given; call before the swap. False,
  /// with the reason printed, when it could not be written.
  bool writeScreenshot(const platform::Window& window) const;
  /// With CUT_TEST_ITEMS_FILE set: writes where each drawn item is on the screen.
  void writeDrawnItems(const platform::Window& window, const std::vector<ui::DrawnItem>& items) const;

 private:
  std::optional<std::int64_t> m_frames;
  std::string m_screenshot;
  double m_fetchDeadlineSeconds = 0.0;
  std::chrono::steady_clock::time_point m_started;
  std::string m_itemsFile;  ///< empty when unset
};

}  // namespace cut::app
