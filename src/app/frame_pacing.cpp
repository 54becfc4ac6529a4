#include "app/frame_pacing.h"

#include <algorithm>
#include <chrono>

namespace cut::app {
namespace {

std::int64_t minuteOf(core::TimePoint t) {
  return std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count();
}

}  // namespace

void FramePacing::onInput() {
  m_dirty = true;
  m_settleFrames = kSettleFrames;
}

bool FramePacing::frameDue(std::uint64_t generation, core::TimePoint now) const {
  return m_dirty || m_settleFrames > 0 || m_animating || generation != m_drawnGeneration ||
         minuteOf(now) != m_drawnMinute;
}

void FramePacing::frameStarted(std::uint64_t generation, core::TimePoint now) {
  m_drawnGeneration = generation;
  m_drawnMinute = minuteOf(now);
  m_dirty = false;
}

void FramePacing::frameFinished(bool animating, bool clickSeen) {
  m_animating = animating;
  if (m_settleFrames > 0) --m_settleFrames;
  // A press and release that arrived together (a touchpad tap) are seen a frame apart, with no
  // event to wake the loop for the second.
  if (clickSeen) m_settleFrames = std::max(m_settleFrames, kSettleFrames);
}

double FramePacing::secondsToWait(core::TimePoint now, std::optional<double> cacheCheckSeconds) const {
  // Something the last frame asked for (an install, applied settings) changed what is drawn.
  if (m_dirty) return 0.0;
  if (m_animating || m_settleFrames > 0) return kAnimationFrameSeconds;
  const auto nextMinute = std::chrono::floor<std::chrono::minutes>(now) + std::chrono::minutes(1);
  // A little past the boundary, so the countdowns have certainly moved on when drawn.
  double seconds = std::chrono::duration<double>(nextMinute - now).count() + 0.02;
  if (cacheCheckSeconds) seconds = std::min(seconds, *cacheCheckSeconds + 0.01);
  return seconds;
}

}  // namespace cut::app
