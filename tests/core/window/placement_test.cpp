#include "core/window/placement.h"

#include <doctest/doctest.h>

namespace placement_test {

using namespace cut::core;

namespace {

// One 1920x1080 monitor with a 32 px panel at the top.
const std::vector<MonitorArea> kSingle = {{"DP-1", {0, 32, 1920, 1048}, true}};
// DP-1 on the left (primary), HDMI-1 to its right, 2560x1440, no panel.
const std::vector<MonitorArea> kDual = {{"DP-1", {0, 32, 1920, 1048}, true},
                                        {"HDMI-1", {1920, 0, 2560, 1440}, false}};
constexpr int kW = 300;
constexpr int kH = 140;

Point placeAndRestore(const std::vector<MonitorArea>& monitors, Rect dropped,
                      WindowPlacement* out = nullptr) {
  const WindowPlacement placement = snapPlacement(monitors, dropped, 24);
  if (out) *out = placement;
  return positionFor(placement, monitors, dropped.width, dropped.height);
}

}  // namespace

TEST_CASE("a window dropped near one edge snaps to that edge with the margin") {
  WindowPlacement p;
  // 20 px from the left edge, well away from top and bottom.
  CHECK(placeAndRestore(kSingle, {20, 400, kW, kH}, &p) == Point{8, 400});
  CHECK(p.anchor == Anchor::Left);
  CHECK(p.monitor == "DP-1");
  // 10 px from the right edge.
  CHECK(placeAndRestore(kSingle, {1920 - kW - 10, 500, kW, kH}, &p) == Point{1920 - kW - 8, 500});
  CHECK(p.anchor == Anchor::Right);
  // Near the top of the work area (below the panel), not the top of the screen.
  CHECK(placeAndRestore(kSingle, {700, 32 + 15, kW, kH}, &p) == Point{700, 32 + 8});
  CHECK(p.anchor == Anchor::Top);
  // Near the bottom.
  CHECK(placeAndRestore(kSingle, {700, 1080 - kH - 24, kW, kH}, &p) == Point{700, 1080 - kH - 8});
  CHECK(p.anchor == Anchor::Bottom);
}

TEST_CASE("a window dropped near two edges snaps into that corner") {
  WindowPlacement p;
  CHECK(placeAndRestore(kSingle, {5, 40, kW, kH}, &p) == Point{8, 40});
  CHECK(p.anchor == Anchor::TopLeft);
  CHECK(placeAndRestore(kSingle, {1920 - kW - 3, 32 + 2, kW, kH}, &p) == Point{1920 - kW - 8, 40});
  CHECK(p.anchor == Anchor::TopRight);
  CHECK(placeAndRestore(kSingle, {1920 - kW - 20, 1080 - kH - 20, kW, kH}, &p) ==
        Point{1920 - kW - 8, 1080 - kH - 8});
  CHECK(p.anchor == Anchor::BottomRight);
  CHECK(placeAndRestore(kSingle, {12, 1080 - kH - 1, kW, kH}, &p) == Point{8, 1080 - kH - 8});
  CHECK(p.anchor == Anchor::BottomLeft);
}

TEST_CASE("a window dropped away from every edge stays where it was dropped") {
  WindowPlacement p;
  CHECK(placeAndRestore(kSingle, {600, 500, kW, kH}, &p) == Point{600, 500});
  CHECK(p.anchor == Anchor::Free);
  CHECK(p.valid);
  // Just outside the snap distance on every side.
  CHECK(placeAndRestore(kSingle, {25, 32 + 25, kW, kH}, &p) == Point{25, 57});
  CHECK(p.anchor == Anchor::Free);
}

TEST_CASE("a window dragged partly off screen snaps back inside") {
  WindowPlacement p;
  CHECK(placeAndRestore(kSingle, {1800, 1000, kW, kH}, &p) == Point{1920 - kW - 8, 1080 - kH - 8});
  CHECK(p.anchor == Anchor::BottomRight);
  CHECK(placeAndRestore(kSingle, {-100, 300, kW, kH}, &p) == Point{8, 300});
  CHECK(p.anchor == Anchor::Left);
}

TEST_CASE("the snap distance setting decides what counts as near") {
  const Rect dropped{40, 400, kW, kH};
  CHECK(snapPlacement(kSingle, dropped, 24).anchor == Anchor::Free);
  CHECK(snapPlacement(kSingle, dropped, 48).anchor == Anchor::Left);
  CHECK(snapPlacement(kSingle, {0, 400, kW, kH}, 0).anchor == Anchor::Left);
}

TEST_CASE("with two monitors a window snaps to the edges of the monitor it is on") {
  WindowPlacement p;
  // Just right of the boundary between the monitors: near HDMI-1's left edge.
  CHECK(placeAndRestore(kDual, {1930, 600, kW, kH}, &p) == Point{1928, 600});
  CHECK(p.monitor == "HDMI-1");
  CHECK(p.anchor == Anchor::Left);
  // HDMI-1's bottom-right corner.
  CHECK(placeAndRestore(kDual, {4480 - kW - 10, 1440 - kH - 10, kW, kH}, &p) ==
        Point{4480 - kW - 8, 1440 - kH - 8});
  CHECK(p.anchor == Anchor::BottomRight);
  // Its centre on DP-1 though it overlaps HDMI-1: DP-1's right edge.
  CHECK(placeAndRestore(kDual, {1920 - kW + 20, 600, kW, kH}, &p) == Point{1920 - kW - 8, 600});
  CHECK(p.monitor == "DP-1");
  CHECK(p.anchor == Anchor::Right);
}

TEST_CASE("a placement on a monitor that is gone is restored onto the primary monitor") {
  const WindowPlacement onHdmi{
      .valid = true, .monitor = "HDMI-1", .anchor = Anchor::BottomRight, .offsetX = 8, .offsetY = 8};
  CHECK(positionFor(onHdmi, kDual, kW, kH) == Point{4480 - kW - 8, 1440 - kH - 8});
  // Unplugged: same corner of the primary monitor.
  CHECK(positionFor(onHdmi, kSingle, kW, kH) == Point{1920 - kW - 8, 1080 - kH - 8});
  // A free position far to the right is pulled inside the primary's work area.
  const WindowPlacement free{
      .valid = true, .monitor = "HDMI-1", .anchor = Anchor::Free, .offsetX = 2000, .offsetY = 1300};
  CHECK(positionFor(free, kSingle, kW, kH) == Point{1920 - kW, 1080 - kH});
  // No primary flagged: the first monitor.
  const std::vector<MonitorArea> noPrimary = {{"X", {100, 0, 800, 600}, false}};
  CHECK(positionFor(onHdmi, noPrimary, kW, kH) == Point{900 - kW - 8, 600 - kH - 8});
}

TEST_CASE("a corner widget stays in its corner after a resolution change") {
  const WindowPlacement corner = snapPlacement(kSingle, {1900 - kW, 1070 - kH, kW, kH}, 24);
  REQUIRE(corner.anchor == Anchor::BottomRight);
  const std::vector<MonitorArea> smaller = {{"DP-1", {0, 32, 1280, 768}, true}};
  CHECK(positionFor(corner, smaller, kW, kH) == Point{1280 - kW - 8, 800 - kH - 8});
  const WindowPlacement top = snapPlacement(kSingle, {1500, 40, kW, kH}, 24);
  REQUIRE(top.anchor == Anchor::Top);
  // The along-edge offset no longer fits: clamped inside, still at the top.
  CHECK(positionFor(top, smaller, kW, kH) == Point{1280 - kW, 40});
}

TEST_CASE("an unplaced window starts in the top-right corner of the primary monitor") {
  CHECK(positionFor(WindowPlacement{}, kDual, kW, kH) == Point{1920 - kW - 8, 40});
}

TEST_CASE("a window larger than the work area is pinned to its top-left") {
  const std::vector<MonitorArea> tiny = {{"T", {0, 0, 200, 100}, true}};
  const WindowPlacement p = snapPlacement(tiny, {0, 0, kW, kH}, 24);
  CHECK(positionFor(p, tiny, kW, kH) == Point{0, 0});
}

TEST_CASE("the monitor for a window is the one holding its centre, else the most overlapped") {
  REQUIRE(monitorFor(kDual, {1800, 100, kW, kH}) != nullptr);
  CHECK(monitorFor(kDual, {1800, 100, kW, kH})->name == "HDMI-1");
  CHECK(monitorFor(kDual, {100, 0, kW, 40})->name == "DP-1");  // centre in DP-1's panel, above its work area
  CHECK(monitorFor(kDual, {-5000, -5000, kW, kH})->name == "DP-1");
  CHECK(monitorFor({}, {0, 0, 1, 1}) == nullptr);
}

}  // namespace placement_test
