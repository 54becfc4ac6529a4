#include "bench_window.h"

#include <GLFW/glfw3.h>

#include <csignal>
#include <cstdio>

#include "platform/process_clock.h"

namespace cut::bench {
namespace {
volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int /*signal*/) { g_stop = 1; }
}  // namespace

GLFWwindow* openWindow(const char* program, const char* title) {
  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  if (!glfwInit()) {
    std::fprintf(stderr, "%s: no display\n", program);
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(300, 200, title, nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "%s: no OpenGL 3.3 core window\n", program);
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  return window;
}

int idleUntilStopped(GLFWwindow* window) {
  const auto firstFrameMs = platform::millisecondsSinceProcessStart();
  std::printf("ready first_frame_ms=%.0f\n", firstFrameMs.value_or(-1.0));
  std::fflush(stdout);
  // The signal handler cannot wake GLFW, so the wait is bounded; these programs are only measured idle.
  while (!g_stop && !glfwWindowShouldClose(window)) glfwWaitEventsTimeout(0.5);
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}

}  // namespace cut::bench
