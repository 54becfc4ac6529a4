// The baseline for the widget's memory: a bare GLFW window with an OpenGL 3.3 core context that
// clears, swaps once and then waits for events, like an idle widget with nothing drawn. Run under
// the same X server and GL driver as the widget; once its first frame is shown it prints
// "ready first_frame_ms=N", N measured like the widget's --stats field (platform/process_clock.h).
#include <GLFW/glfw3.h>

#include <csignal>
#include <cstdio>

#include "platform/process_clock.h"

namespace {
volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int /*signal*/) { g_stop = 1; }
}  // namespace

int main() {
  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  if (!glfwInit()) {
    std::fprintf(stderr, "bench_bare_window: no display\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(300, 200, "bare window", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(window);
  const auto firstFrameMs = cut::platform::millisecondsSinceProcessStart();
  std::printf("ready first_frame_ms=%.0f\n", firstFrameMs.value_or(-1.0));
  std::fflush(stdout);
  // The signal handler cannot wake GLFW, so the wait is bounded; this program is only measured idle.
  while (!g_stop && !glfwWindowShouldClose(window)) glfwWaitEventsTimeout(0.5);
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
