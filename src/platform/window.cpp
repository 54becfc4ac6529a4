#include "platform/window.h"

#include <GLFW/glfw3.h>
#include <stb_image.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <utility>

#include "platform/os.h"

namespace cut::embedded {
extern const unsigned char iconPng[];
extern const std::size_t iconPngSize;
}  // namespace cut::embedded

namespace cut::platform {
namespace {

// GLFW reports errors through a callback; the last one explains a failed init or window creation.
std::string g_lastGlfwError;

void onGlfwError(int /*code*/, const char* description) { g_lastGlfwError = description ? description : ""; }

Window* owner(GLFWwindow* window) { return static_cast<Window*>(glfwGetWindowUserPointer(window)); }

void setIcon(GLFWwindow* window) {
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels = stbi_load_from_memory(embedded::iconPng, static_cast<int>(embedded::iconPngSize),
                                                &width, &height, &channels, 4);
  if (!pixels) return;
  const GLFWimage image{width, height, pixels};
  glfwSetWindowIcon(window, 1, &image);
  stbi_image_free(pixels);
}

}  // namespace

// The callbacks are installed before ImGui's backend, which chains to them, so both see every event.
struct WindowCallbacks {
  static WindowEvents& events(GLFWwindow* window) { return owner(window)->m_events; }
  static void input(GLFWwindow* window) { events(window).input = true; }

  static void install(GLFWwindow* w) {
    glfwSetCursorPosCallback(w, [](GLFWwindow* window, double, double) { input(window); });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* window, int, int, int) { input(window); });
    glfwSetScrollCallback(w, [](GLFWwindow* window, double, double) { input(window); });
    glfwSetKeyCallback(w, [](GLFWwindow* window, int, int, int, int) { input(window); });
    glfwSetCharCallback(w, [](GLFWwindow* window, unsigned int) { input(window); });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* window, int) { input(window); });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* window, int) { input(window); });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* window) { events(window).exposed = true; });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* window, int, int) { events(window).exposed = true; });
    glfwSetWindowContentScaleCallback(
        w, [](GLFWwindow* window, float, float) { events(window).scaleChanged = true; });
    glfwSetWindowCloseCallback(w, [](GLFWwindow* window) { events(window).closeRequested = true; });
  }
};

bool initGlfw(std::string& error) {
  glfwSetErrorCallback(onGlfwError);
  if (glfwInit() == GLFW_TRUE) return true;
  error = g_lastGlfwError.empty() ? "GLFW could not be initialized" : g_lastGlfwError;
  return false;
}

void terminateGlfw() { glfwTerminate(); }

void postEmptyEvent() { glfwPostEmptyEvent(); }

std::vector<core::MonitorArea> monitorAreas() {
  std::vector<core::MonitorArea> areas;
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  GLFWmonitor* primary = glfwGetPrimaryMonitor();
  for (int i = 0; i < count; ++i) {
    core::MonitorArea area;
    const char* name = glfwGetMonitorName(monitors[i]);
    area.name = name ? name : "";
    glfwGetMonitorWorkarea(monitors[i], &area.workArea.x, &area.workArea.y, &area.workArea.width,
                           &area.workArea.height);
    area.primary = monitors[i] == primary;
    areas.push_back(std::move(area));
  }
  return areas;
}

std::unique_ptr<Window> Window::create(const WindowConfig& config, std::string& error) {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
  glfwWindowHint(GLFW_TRANSPARENT_FRAMEBUFFER, GLFW_TRUE);
  // ImGui draws in 2D with blending only: no depth or stencil buffer to allocate and clear.
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_FLOATING, config.alwaysOnTop ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_TRUE);
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "claude-usage-tracker");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "claude-usage-tracker");
  g_lastGlfwError.clear();
  GLFWwindow* window = glfwCreateWindow(config.width, config.height, config.title.c_str(), nullptr, nullptr);
  if (!window) {
    error = "no OpenGL 3.3 window: " +
            (g_lastGlfwError.empty() ? std::string("unknown reason") : g_lastGlfwError);
    return nullptr;
  }
  std::unique_ptr<Window> result(new Window(window));
  glfwSetWindowUserPointer(window, result.get());
  WindowCallbacks::install(window);
  glfwMakeContextCurrent(window);
  // Frames are paced by the event loop, not by vblank: a swap must never block the loop.
  glfwSwapInterval(0);
  setIcon(window);
  os::prepareWindow(window);
  return result;
}

Window::Window(GLFWwindow* window) : m_window(window) {}

Window::~Window() { glfwDestroyWindow(m_window); }

void Window::show() { glfwShowWindow(m_window); }

void Window::focus() {
  glfwShowWindow(m_window);
  glfwRestoreWindow(m_window);
  glfwFocusWindow(m_window);
}

bool Window::visible() const { return glfwGetWindowAttrib(m_window, GLFW_VISIBLE) == GLFW_TRUE; }

void Window::setAlwaysOnTop(bool onTop) {
  glfwSetWindowAttrib(m_window, GLFW_FLOATING, onTop ? GLFW_TRUE : GLFW_FALSE);
}

void Window::setSize(int width, int height) { glfwSetWindowSize(m_window, width, height); }

core::Rect Window::rect() const {
  core::Rect r;
  glfwGetWindowPos(m_window, &r.x, &r.y);
  glfwGetWindowSize(m_window, &r.width, &r.height);
  return r;
}

void Window::moveTo(core::Point position) { glfwSetWindowPos(m_window, position.x, position.y); }

bool Window::waitForPosition(core::Point position, double timeoutSeconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
  for (;;) {
    const core::Rect r = rect();
    if (r.x == position.x && r.y == position.y) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    glfwWaitEventsTimeout(0.01);
  }
}

core::Point Window::cursorOnScreen() const {
  double cx = 0.0, cy = 0.0;
  glfwGetCursorPos(m_window, &cx, &cy);
  const core::Rect r = rect();
  return {r.x + static_cast<int>(std::lround(cx)), r.y + static_cast<int>(std::lround(cy))};
}

int Window::framebufferWidth() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return w;
}

int Window::framebufferHeight() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  return h;
}

float Window::contentScale() const {
  float x = 1.0f, y = 1.0f;
  glfwGetWindowContentScale(m_window, &x, &y);
  return x > 0.0f ? x : 1.0f;
}

std::string Window::clipboardText() const {
  const char* text = glfwGetClipboardString(m_window);
  return text ? text : "";
}

void Window::swapBuffers() { glfwSwapBuffers(m_window); }

void Window::waitEvents(double timeoutSeconds) {
  if (timeoutSeconds > 0.0) {
    glfwWaitEventsTimeout(timeoutSeconds);
  } else {
    glfwPollEvents();
  }
}

WindowEvents Window::takeEvents() {
  if (glfwWindowShouldClose(m_window)) {
    m_events.closeRequested = true;
    glfwSetWindowShouldClose(m_window, GLFW_FALSE);
  }
  return std::exchange(m_events, WindowEvents{});
}

}  // namespace cut::platform
