#pragma once
// What the two reference windows of bench/widget_idle.sh share: a 300x200 GLFW window with an
// OpenGL 3.3 core context, cleared, and the idle wait that follows its one frame.

struct GLFWwindow;

namespace cut::bench {

/// Installs the SIGTERM/SIGINT handlers, opens the window, makes its context current and clears
/// it. Null, with a message naming `program` on stderr, when there is no display.
GLFWwindow* openWindow(const char* program, const char* title);

/// Call once the frame is swapped: prints "ready first_frame_ms=N" (N measured like the widget's
/// --stats field, platform/process_clock.h), waits for SIGTERM/SIGINT or a close, then closes the
/// window and GLFW. Returns the exit code.
int idleUntilStopped(GLFWwindow* window);

}  // namespace cut::bench
