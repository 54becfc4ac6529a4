#pragma once
// The widget's window: GLFW 3.3, undecorated, floating, transparent, OpenGL 3.3 core, kept out of the
// taskbar where the platform allows it. GLFW stays out of this header; the GLFWwindow handle is
// exposed only for the ImGui backend. Every call here is for the main thread (GLFW's rule), except
// postEmptyEvent().

#include <memory>
#include <string>
#include <vector>

#include "core/window/placement.h"

struct GLFWwindow;

namespace cut::platform {

/// Initializes GLFW. On failure (no display, no X server) returns false and fills `error` with
/// GLFW's own description. Call once, on the main thread, before creating a window.
bool initGlfw(std::string& error);
void terminateGlfw();

/// Wakes the main loop from Window::waitEvents(). Safe from any thread once GLFW is initialized
/// (never from a signal handler).
void postEmptyEvent();

/// The monitors' work areas, as placement maths wants them.
std::vector<core::MonitorArea> monitorAreas();

struct WindowConfig {
  std::string title = "Claude Usage Tracker";
  int width = 320;
  int height = 160;
  bool alwaysOnTop = true;
};

/// Events seen since the last takeEvents(): what the main loop needs to decide whether to draw.
struct WindowEvents {
  bool input = false;         ///< keyboard, mouse, scroll, focus, cursor enter/leave
  bool exposed = false;       ///< the window system asked for a redraw
  bool scaleChanged = false;  ///< content scale changed (moved to another monitor, DPI change)
  bool closeRequested = false;
};

class Window {
 public:
  /// Creates the window hidden, with its context current and the icon set. Null with `error` filled
  /// when no OpenGL 3.3 core context can be had.
  static std::unique_ptr<Window> create(const WindowConfig& config, std::string& error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return m_window; }

  void show();
  /// Brings the window to the front and gives it focus (a second launch asks for this).
  void focus();
  bool visible() const;

  void setAlwaysOnTop(bool onTop);
  /// Resizes the client area, in screen pixels.
  void setSize(int width, int height);
  core::Rect rect() const;
  void moveTo(core::Point position);
  /// Runs events until the window system reports the window at `position` or `timeoutSeconds` pass.
  /// Under a window manager moves are applied asynchronously, so a read right after moveTo() still
  /// gives the old place.
  bool waitForPosition(core::Point position, double timeoutSeconds);
  /// Cursor position on the screen: window position plus the cursor's position inside it.
  core::Point cursorOnScreen() const;
  int framebufferWidth() const;
  int framebufferHeight() const;

  /// The content scale of the monitor the window is on (1 on a normal screen, 2 on HiDPI).
  float contentScale() const;

  /// The clipboard's text, or empty.
  std::string clipboardText() const;

  void swapBuffers();
  /// Sleeps until an event arrives, postEmptyEvent() is called or `timeoutSeconds` pass, then
  /// handles the events that came; with a timeout of 0 only handles those already waiting.
  void waitEvents(double timeoutSeconds);
  /// Returns and clears what happened since the last call.
  WindowEvents takeEvents();

 private:
  friend struct WindowCallbacks;
  explicit Window(GLFWwindow* window);

  GLFWwindow* m_window = nullptr;
  WindowEvents m_events;  ///< written by GLFW callbacks (main thread), read through takeEvents()
};

}  // namespace cut::platform
