// The baseline for the widget's memory: a bare GLFW window with an OpenGL 3.3 core context that
// clears, swaps once and then waits for events, like an idle widget with nothing drawn. Run under
// the same X server and GL driver as the widget; once its first frame is shown it prints
// "ready first_frame_ms=N" (bench_window.h).
#include <GLFW/glfw3.h>

#include "bench_window.h"

int main() {
  GLFWwindow* window = cut::bench::openWindow("bench_bare_window", "bare window");
  if (!window) return 1;
  glfwSwapBuffers(window);
  return cut::bench::idleUntilStopped(window);
}
