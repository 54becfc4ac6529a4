// X11: the window manager hints GLFW 3.3 has no API for.
#include "platform/os.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <array>

#include <GLFW/glfw3.h>

// GLFW's native-access functions, declared here rather than through <GLFW/glfw3native.h>: with
// GLFW_EXPOSE_NATIVE_X11 that header also includes <X11/extensions/Xrandr.h>, a package
// (libxrandr-dev) this file does not otherwise need. Both are exported by libglfw 3.3.
extern "C" {
Display* glfwGetX11Display(void);
::Window glfwGetX11Window(GLFWwindow* window);
}

namespace cut::platform::os {

void prepareWindow(GLFWwindow* window) {
  Display* display = glfwGetX11Display();
  const ::Window xwindow = glfwGetX11Window(window);
  if (!display || !xwindow) return;
  // EWMH: a client sets _NET_WM_STATE itself before mapping; GLFW has already put
  // _NET_WM_STATE_ABOVE there for a floating window, so append rather than replace.
  const std::array<Atom, 2> states = {XInternAtom(display, "_NET_WM_STATE_SKIP_TASKBAR", False),
                                      XInternAtom(display, "_NET_WM_STATE_SKIP_PAGER", False)};
  XChangeProperty(display, xwindow, XInternAtom(display, "_NET_WM_STATE", False), XA_ATOM, 32, PropModeAppend,
                  reinterpret_cast<const unsigned char*>(states.data()), static_cast<int>(states.size()));
  XFlush(display);
}

}  // namespace cut::platform::os
