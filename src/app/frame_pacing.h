#pragma once
// When the widget draws and how long it sleeps: a frame only when something that can change a pixel
// happened (input, a new snapshot, the next minute of the countdowns, a running animation, the
// frames owed after input), and otherwise a sleep until the next of them. Pure: the caller passes the
// time in, so tests drive it with a fake clock. Main thread only.

#include <cstdint>
#include <optional>

#include "core/model/usage.h"

namespace cut::app {

class FramePacing {
 public:
  /// The frame interval while something animates or settles.
  static constexpr double kAnimationFrameSeconds = 1.0 / 60.0;
  /// Frames drawn after input or a click ImGui acted on: what the click changed shows a frame later.
  static constexpr int kSettleFrames = 2;

  /// Input or an expose event arrived.
  void onInput();
  /// Something outside the snapshot changed what is drawn (a key check, applied settings, a notice).
  void markDirty() { m_dirty = true; }
  /// Whether a frame is due, given the store's generation now and the time.
  bool frameDue(std::uint64_t generation, core::TimePoint now) const;

  /// Call as a frame starts drawing: it shows `generation` at `now`.
  void frameStarted(std::uint64_t generation, core::TimePoint now);
  /// Call once the frame is drawn: `animating` as the UI reported, `clickSeen` when ImGui saw a mouse
  /// button change in it.
  void frameFinished(bool animating, bool clickSeen);

  /// How long to sleep before looking again; 0 means draw again at once. `cacheCheckSeconds` is
  /// when the usage cache must be checked next (empty while file notices arrive).
  double secondsToWait(core::TimePoint now, std::optional<double> cacheCheckSeconds) const;

  bool animating() const { return m_animating; }

 private:
  bool m_dirty = true;
  int m_settleFrames = 0;  ///< frames still owed after input or a click
  bool m_animating = false;
  std::uint64_t m_drawnGeneration = 0;
  std::int64_t m_drawnMinute = -1;
};

}  // namespace cut::app
