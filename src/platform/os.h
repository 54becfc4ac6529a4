#pragma once
// Per-OS pieces of the window code, one implementation file per OS (x11.cpp, window_windows.cpp).
// Internal to src/platform.

struct GLFWwindow;

namespace cut::platform::os {

/// The OS hints GLFW 3.3 has no API for: the window stays out of the taskbar and pager (X11) or the
/// taskbar and Alt+Tab (Windows, which also raises GLFW's close flag when the session ends). Call
/// before the window is first shown: the window manager reads the state when it maps the window.
void prepareWindow(GLFWwindow* window);

}  // namespace cut::platform::os
