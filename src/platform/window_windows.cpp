// Windows: the window hints GLFW 3.3 has no API for. Undecorated and always-on-top come from GLFW.
#include <windows.h>

#include <GLFW/glfw3.h>

#include "platform/os.h"

// GLFW's native-access function, declared here as x11.cpp does for its own, so this file needs
// nothing from <GLFW/glfw3native.h> but this one declaration. Exported by GLFW 3.3 on Windows.
extern "C" HWND glfwGetWin32Window(GLFWwindow* window);

namespace cut::platform::os {
namespace {

// The widget has one window; its GLFW window procedure and handle, for the hook below.
WNDPROC g_glfwProc = nullptr;
GLFWwindow* g_window = nullptr;

// GLFW 3.3 turns WM_CLOSE into its close flag but ignores the end of the session, after which
// Windows ends the process without WM_CLOSE. Raising the same flag lets the main loop quit and save
// as Quit does, as far as Windows gives it time after this message returns.
LRESULT CALLBACK sessionAwareProc(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam) {
  if (message == WM_ENDSESSION && wParam != 0 && g_window) glfwSetWindowShouldClose(g_window, GLFW_TRUE);
  return CallWindowProcW(g_glfwProc, hwnd, message, wParam, lParam);
}

}  // namespace

void prepareWindow(GLFWwindow* window) {
  HWND hwnd = glfwGetWin32Window(window);
  if (!hwnd) return;
  // A tool window has no taskbar button and no Alt+Tab entry; GLFW sets WS_EX_APPWINDOW, which
  // would force the button back. Set while the window is still hidden: the shell reads it on show.
  const LONG_PTR exStyle = GetWindowLongPtrW(hwnd, GWL_EXSTYLE);
  SetWindowLongPtrW(hwnd, GWL_EXSTYLE,
                    (exStyle | WS_EX_TOOLWINDOW) & ~static_cast<LONG_PTR>(WS_EX_APPWINDOW));
  g_window = window;
  g_glfwProc = reinterpret_cast<WNDPROC>(
      SetWindowLongPtrW(hwnd, GWLP_WNDPROC, reinterpret_cast<LONG_PTR>(&sessionAwareProc)));
}

}  // namespace cut::platform::os
