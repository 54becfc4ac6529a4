// Holds the X clipboard, as a browser does after a person copies a cookie: reads the text from
// standard input, owns the CLIPBOARD selection through a hidden GLFW window, and answers requests
// for it until SIGTERM. Prints "ready" once it owns the selection.
#include <GLFW/glfw3.h>

#include <csignal>
#include <cstdio>
#include <string>

namespace {
volatile std::sig_atomic_t g_stop = 0;
extern "C" void onSignal(int /*signal*/) { g_stop = 1; }
}  // namespace

int main() {
  std::signal(SIGTERM, onSignal);
  std::signal(SIGINT, onSignal);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof(buffer), stdin)) > 0;) text.append(buffer, n);
  if (!glfwInit()) {
    std::fprintf(stderr, "clipboard_owner: no display\n");
    return 1;
  }
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(1, 1, "clipboard owner", nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    return 1;
  }
  glfwSetClipboardString(window, text.c_str());
  std::printf("ready\n");
  std::fflush(stdout);
  // The signal handler cannot wake GLFW, so the wait is bounded.
  while (!g_stop) glfwWaitEventsTimeout(0.2);
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
