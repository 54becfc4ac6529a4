#include "app/window_placement.h"

#include <cmath>

#include "platform/window.h"

namespace cut::app {

bool WindowPlacer::fitToContent(const ui::Actions& actions) {
  const int width = static_cast<int>(std::ceil(actions.contentWidth));
  const int height = static_cast<int>(std::ceil(actions.contentHeight));
  if (width <= 0 || height <= 0) return false;
  const core::Rect rect = requestedRect();
  if (rect.width == width && rect.height == height) return false;
  m_window.setSize(width, height);
  m_requestedSize = Size{width, height};
  if (m_window.visible() && !actions.dragging) place();
  return true;
}

core::Rect WindowPlacer::requestedRect() const {
  core::Rect rect = m_window.rect();
  if (m_requestedPosition) {
    rect.x = m_requestedPosition->x;
    rect.y = m_requestedPosition->y;
  }
  if (m_requestedSize) {
    rect.width = m_requestedSize->width;
    rect.height = m_requestedSize->height;
  }
  return rect;
}

void WindowPlacer::moveTo(core::Point position) {
  m_window.moveTo(position);
  m_requestedPosition = position;
}

void WindowPlacer::place() {
  const core::Rect rect = requestedRect();
  moveTo(core::positionFor(m_settings.placement, platform::monitorAreas(), rect.width, rect.height));
}

bool WindowPlacer::followDrag(const ui::Actions& actions) {
  if (actions.dragging) {
    // From absolute positions, so nothing accumulates: the grab point follows the cursor exactly.
    const core::Point cursor = m_window.cursorOnScreen();
    const core::Point target{cursor.x - static_cast<int>(std::lround(actions.grabX)),
                             cursor.y - static_cast<int>(std::lround(actions.grabY))};
    if (!m_requestedPosition || *m_requestedPosition != target) moveTo(target);
  }
  if (!actions.dragReleased) return false;
  snapAfterDrag();
  return true;
}

void WindowPlacer::snapAfterDrag() {
  const core::Rect dropped = requestedRect();
  const auto monitors = platform::monitorAreas();
  m_settings.placement = core::snapPlacement(monitors, dropped, m_settings.snapDistancePx);
  const core::Point position =
      core::positionFor(m_settings.placement, monitors, dropped.width, dropped.height);
  moveTo(position);
  m_window.waitForPosition(position, 0.5);
}

}  // namespace cut::app
