#include "core/window/placement.h"

#include <algorithm>

namespace cut::core {
namespace {

enum class Side { Start, Middle, End };

Side horizontalSide(Anchor anchor) {
  switch (anchor) {
    case Anchor::TopLeft:
    case Anchor::Left:
    case Anchor::BottomLeft: return Side::Start;
    case Anchor::TopRight:
    case Anchor::Right:
    case Anchor::BottomRight: return Side::End;
    case Anchor::Top:
    case Anchor::Bottom:
    case Anchor::Free: return Side::Middle;
  }
  return Side::Middle;
}

Side verticalSide(Anchor anchor) {
  switch (anchor) {
    case Anchor::TopLeft:
    case Anchor::Top:
    case Anchor::TopRight: return Side::Start;
    case Anchor::BottomLeft:
    case Anchor::Bottom:
    case Anchor::BottomRight: return Side::End;
    case Anchor::Left:
    case Anchor::Right:
    case Anchor::Free: return Side::Middle;
  }
  return Side::Middle;
}

Anchor anchorFor(Side horizontal, Side vertical) {
  static constexpr Anchor kTable[3][3] = {
      // horizontal Start, Middle, End
      {Anchor::TopLeft, Anchor::Top, Anchor::TopRight},           // vertical Start
      {Anchor::Left, Anchor::Free, Anchor::Right},                // vertical Middle
      {Anchor::BottomLeft, Anchor::Bottom, Anchor::BottomRight},  // vertical End
  };
  return kTable[static_cast<int>(vertical)][static_cast<int>(horizontal)];
}

long long overlapArea(const Rect& a, const Rect& b) {
  const int w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
  const int h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return static_cast<long long>(w) * h;
}

bool contains(const Rect& r, int px, int py) {
  return px >= r.x && px < r.right() && py >= r.y && py < r.bottom();
}

/// Which edge of [start, end) the span [lo, hi) is snapped to. Distances can be negative (the window
/// hangs over the edge), which counts as near.
Side snapSide(int lo, int hi, int start, int end, int snapDistancePx) {
  const int toStart = lo - start;
  const int toEnd = end - hi;
  const bool nearStart = toStart <= snapDistancePx;
  const bool nearEnd = toEnd <= snapDistancePx;
  if (nearStart && nearEnd) return toStart <= toEnd ? Side::Start : Side::End;
  if (nearStart) return Side::Start;
  if (nearEnd) return Side::End;
  return Side::Middle;
}

/// Puts [pos, pos + size) inside [start, end); a span larger than the range starts at `start`.
int clampSpan(int pos, int size, int start, int end) {
  if (size >= end - start) return start;
  return std::clamp(pos, start, end - size);
}

}  // namespace

const MonitorArea* primaryMonitor(const std::vector<MonitorArea>& monitors) {
  if (monitors.empty()) return nullptr;
  const auto it =
      std::find_if(monitors.begin(), monitors.end(), [](const MonitorArea& m) { return m.primary; });
  return it == monitors.end() ? &monitors.front() : &*it;
}

const MonitorArea* monitorFor(const std::vector<MonitorArea>& monitors, const Rect& window) {
  const int cx = window.x + window.width / 2;
  const int cy = window.y + window.height / 2;
  for (const MonitorArea& m : monitors) {
    if (contains(m.workArea, cx, cy)) return &m;
  }
  const MonitorArea* best = nullptr;
  long long bestArea = 0;
  for (const MonitorArea& m : monitors) {
    const long long area = overlapArea(m.workArea, window);
    if (area > bestArea) {
      bestArea = area;
      best = &m;
    }
  }
  return best ? best : primaryMonitor(monitors);
}

WindowPlacement snapPlacement(const std::vector<MonitorArea>& monitors, const Rect& window,
                              int snapDistancePx, int marginPx) {
  const MonitorArea* monitor = monitorFor(monitors, window);
  if (!monitor) return {};
  const Rect& area = monitor->workArea;
  const Side h = snapSide(window.x, window.right(), area.x, area.right(), snapDistancePx);
  const Side v = snapSide(window.y, window.bottom(), area.y, area.bottom(), snapDistancePx);

  WindowPlacement placement;
  placement.valid = true;
  placement.monitor = monitor->name;
  placement.anchor = anchorFor(h, v);
  // Snapped sides keep the margin; a free axis keeps the distance from the work area's start, pulled
  // inside so a window dropped half off screen is remembered where it will be shown.
  placement.offsetX =
      h == Side::Middle ? clampSpan(window.x, window.width, area.x, area.right()) - area.x : marginPx;
  placement.offsetY =
      v == Side::Middle ? clampSpan(window.y, window.height, area.y, area.bottom()) - area.y : marginPx;
  return placement;
}

Point positionFor(const WindowPlacement& placement, const std::vector<MonitorArea>& monitors, int width,
                  int height, int marginPx) {
  const MonitorArea* monitor = nullptr;
  WindowPlacement effective = placement;
  if (placement.valid) {
    const auto it = std::find_if(monitors.begin(), monitors.end(),
                                 [&](const MonitorArea& m) { return m.name == placement.monitor; });
    if (it != monitors.end()) monitor = &*it;
  } else {
    effective.anchor = Anchor::TopRight;
    effective.offsetX = marginPx;
    effective.offsetY = marginPx;
  }
  if (!monitor) monitor = primaryMonitor(monitors);
  if (!monitor) return {effective.offsetX, effective.offsetY};
  const Rect& area = monitor->workArea;

  Point p;
  p.x = horizontalSide(effective.anchor) == Side::End ? area.right() - width - effective.offsetX
                                                      : area.x + effective.offsetX;
  p.y = verticalSide(effective.anchor) == Side::End ? area.bottom() - height - effective.offsetY
                                                    : area.y + effective.offsetY;
  p.x = clampSpan(p.x, width, area.x, area.right());
  p.y = clampSpan(p.y, height, area.y, area.bottom());
  return p;
}

}  // namespace cut::core
