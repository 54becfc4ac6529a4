#pragma once
// Per-OS pieces of the window code, one implementation file per OS (x11.cpp here). Internal to
// src/platform.

struct GLFWwindow;

namespace cut::platform::os {

/// Keeps the window out of the taskbar and pager. Call before the window is first shown: the
/// window manager reads the state when it maps the window.
void hideFromTaskbar(GLFWwindow* window);

}  // namespace cut::platform::os
