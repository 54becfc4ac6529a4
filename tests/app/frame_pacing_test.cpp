// The loop's pacing with time passed in: when a frame is due and how long the loop sleeps.
#include "app/frame_pacing.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace std::chrono_literals;
using cut::app::FramePacing;
using cut::core::TimePoint;

namespace {

// 10 s into a minute.
const TimePoint kNow =
    std::chrono::floor<std::chrono::minutes>(cut::core::Clock::from_time_t(1'796'340'000)) + 10s;

/// A pacing that has drawn generation 1 at kNow and has nothing owed.
FramePacing idle() {
  FramePacing pacing;
  pacing.frameStarted(1, kNow);
  pacing.frameFinished(false, false);
  return pacing;
}

}  // namespace

TEST_CASE("the first frame is due before anything happened") {
  const FramePacing pacing;
  CHECK(pacing.frameDue(0, kNow));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == 0.0);
}

TEST_CASE("idle, the loop sleeps until just past the next minute of the countdowns") {
  const FramePacing pacing = idle();
  CHECK_FALSE(pacing.frameDue(1, kNow + 49s));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == doctest::Approx(50.02));
  CHECK(pacing.frameDue(1, kNow + 50s));
}

TEST_CASE("a new snapshot generation makes a frame due") {
  const FramePacing pacing = idle();
  CHECK(pacing.frameDue(2, kNow));
}

TEST_CASE("a cache check due sooner than the minute shortens the sleep") {
  const FramePacing pacing = idle();
  CHECK(pacing.secondsToWait(kNow, 5.0) == doctest::Approx(5.01));
  CHECK(pacing.secondsToWait(kNow, 120.0) == doctest::Approx(50.02));
}

TEST_CASE("input owes the settle frames at the animation rate, then the loop sleeps again") {
  FramePacing pacing = idle();
  pacing.onInput();
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == 0.0);
  for (int frame = 0; frame < FramePacing::kSettleFrames; ++frame) {
    CAPTURE(frame);
    REQUIRE(pacing.frameDue(1, kNow));
    pacing.frameStarted(1, kNow);
    pacing.frameFinished(false, false);
    if (frame + 1 < FramePacing::kSettleFrames)
      CHECK(pacing.secondsToWait(kNow, std::nullopt) == doctest::Approx(FramePacing::kAnimationFrameSeconds));
  }
  CHECK_FALSE(pacing.frameDue(1, kNow));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == doctest::Approx(50.02));
}

TEST_CASE("a click ImGui saw owes frames even without another event") {
  FramePacing pacing = idle();
  pacing.frameStarted(1, kNow);
  pacing.frameFinished(false, true);
  CHECK(pacing.frameDue(1, kNow));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == doctest::Approx(FramePacing::kAnimationFrameSeconds));
}

TEST_CASE("a running animation draws at the animation rate until it stops") {
  FramePacing pacing = idle();
  pacing.frameStarted(1, kNow);
  pacing.frameFinished(true, false);
  CHECK(pacing.animating());
  CHECK(pacing.frameDue(1, kNow));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == doctest::Approx(FramePacing::kAnimationFrameSeconds));
  pacing.frameStarted(1, kNow);
  pacing.frameFinished(false, false);
  CHECK_FALSE(pacing.frameDue(1, kNow));
}

TEST_CASE("something marked dirty is drawn at once, and only once") {
  FramePacing pacing = idle();
  pacing.markDirty();
  CHECK(pacing.frameDue(1, kNow));
  CHECK(pacing.secondsToWait(kNow, std::nullopt) == 0.0);
  pacing.frameStarted(1, kNow);
  pacing.frameFinished(false, false);
  CHECK_FALSE(pacing.frameDue(1, kNow));
}
