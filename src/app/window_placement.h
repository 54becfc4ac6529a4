#pragma once
// Where the widget's window sits: sized to what was drawn, kept at its anchored corner or edge
// (settings.placement), moved with a background drag and snapped to an edge when dropped. Main
// thread only.

#include <optional>

#include "core/files/settings.h"
#include "core/window/placement.h"
#include "ui/widget.h"

namespace cut::platform {
class Window;
}

namespace cut::app {

class WindowPlacer {
 public:
  /// `settings.placement` is read to place the window and written when a drop snaps it.
  WindowPlacer(platform::Window& window, core::Settings& settings) : m_window(window), m_settings(settings) {}

  /// Sizes the window to the frame's content; true when the size changed (its pixels are not final).
  /// Growing or shrinking keeps the anchored corner or edge where it is, except during a drag.
  bool fitToContent(const ui::Actions& actions);
  /// Moves the window to where settings.placement puts a window of its size.
  void place();
  /// Follows the frame's drag; true when a drop changed settings.placement (to be saved).
  bool followDrag(const ui::Actions& actions);

 private:
  /// Where the window was last asked to be and how large, else where the window system says it is.
  /// Under a window manager the read-back lags a move or a resize, so a size just asked for must
  /// place the window, not the size it had before.
  core::Rect requestedRect() const;
  void moveTo(core::Point position);
  void snapAfterDrag();

  struct Size {
    int width = 0;
    int height = 0;
  };
  platform::Window& m_window;
  core::Settings& m_settings;
  std::optional<core::Point> m_requestedPosition;
  std::optional<Size> m_requestedSize;
};

}  // namespace cut::app
