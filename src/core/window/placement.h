#pragma once
// Where the widget goes on screen: snapping a dropped window to the edges and corners of a monitor's
// work area, remembering that as a WindowPlacement, and turning it back into a position on whatever
// monitors exist now. Pure maths on rectangles (screen pixels), no GLFW: tested without a display.

#include <string>
#include <vector>

#include "core/files/settings.h"

namespace cut::core {

struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  int right() const { return x + width; }
  int bottom() const { return y + height; }
  bool operator==(const Rect&) const = default;
};

/// One monitor as the window system describes it. The work area excludes panels and docks.
struct MonitorArea {
  std::string name;
  Rect workArea;
  bool primary = false;
};

struct Point {
  int x = 0;
  int y = 0;
  bool operator==(const Point&) const = default;
};

/// The gap kept between a snapped widget and the work-area edge.
inline constexpr int kSnapMarginPx = 8;

/// The monitor a window belongs to: the one holding its centre, else the one it overlaps most, else
/// the primary (or first). Null only when `monitors` is empty.
const MonitorArea* monitorFor(const std::vector<MonitorArea>& monitors, const Rect& window);

/// The primary monitor, or the first one; null when `monitors` is empty.
const MonitorArea* primaryMonitor(const std::vector<MonitorArea>& monitors);

/// The placement for a window dropped at `window`: within `snapDistancePx` of one work-area edge of
/// its monitor it attaches to that edge, near two to the corner, with `marginPx` of gap; otherwise it
/// stays where it was dropped (Anchor::Free). The result is always valid when a monitor exists.
WindowPlacement snapPlacement(const std::vector<MonitorArea>& monitors, const Rect& window,
                              int snapDistancePx, int marginPx = kSnapMarginPx);

/// The top-left corner for a window of `width` x `height` with `placement` on the monitors present
/// now. A placement whose monitor is gone goes to the primary monitor; the result is always pulled
/// fully inside that monitor's work area (so a resolution change keeps a corner widget in its corner
/// and never leaves it off screen). An invalid placement means the top-right corner of the primary
/// monitor, `marginPx` in.
Point positionFor(const WindowPlacement& placement, const std::vector<MonitorArea>& monitors, int width,
                  int height, int marginPx = kSnapMarginPx);

}  // namespace cut::core
