#include "platform/imgui_layer.h"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <GLFW/glfw3.h>

#include <cstddef>
#include <vector>

#include "platform/shader_compiler.h"
#include "platform/window.h"

namespace cut::platform {

ImGuiLayer::ImGuiLayer(Window& window, std::function<void(float)> buildFonts, float scale)
    : m_window(window), m_buildFonts(std::move(buildFonts)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // placement lives in settings.json; ImGui keeps no files of its own
  io.LogFilename = nullptr;
  // The window is sized to the panel, so the panel may fill it: ImGui's default safe-area padding
  // would clamp an auto-resizing panel 3 px short of the window and the two would never agree.
  ImGui::GetStyle().DisplaySafeAreaPadding = ImVec2(0.0f, 0.0f);
  // The window's own callbacks are already installed; the backend chains to them.
  ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  if (m_buildFonts) m_buildFonts(scale);
}

ImGuiLayer::~ImGuiLayer() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiLayer::rebuildFonts(float scale) {
  if (!m_buildFonts) return;
  m_buildFonts(scale);
  // The backend uploads the atlas once; a new atlas needs a new texture.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  ImGui::GetIO().Fonts->ClearTexData();
}

void ImGuiLayer::newFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  // The first NewFrame uploads the font atlas; the CPU copy of its pixels is not needed after that.
  ImFontAtlas* fonts = ImGui::GetIO().Fonts;
  if (fonts->TexPixelsAlpha8 || fonts->TexPixelsRGBA32) fonts->ClearTexData();
  ImGui_ImplGlfw_NewFrame();
  followPointerWhileUnfocused();
  ImGui::NewFrame();
  const ImGuiIO& io = ImGui::GetIO();
  m_mouseButtonChanged = false;
  for (int button = 0; button < ImGuiMouseButton_COUNT; ++button) {
    m_mouseButtonChanged = m_mouseButtonChanged || io.MouseClicked[button] || io.MouseReleased[button];
  }
}

// ImGui 1.86's GLFW backend reads the cursor only while the window has keyboard focus. A widget that
// stays on top is usually not the focused window: without this, hovering a row showed no details
// and a click before focus arrived landed nowhere. The pointer over the window is what the person
// points at, focused or not.
void ImGuiLayer::followPointerWhileUnfocused() {
  GLFWwindow* window = m_window.handle();
  if (glfwGetWindowAttrib(window, GLFW_FOCUSED) != 0 || glfwGetWindowAttrib(window, GLFW_HOVERED) == 0) return;
  double x = 0.0, y = 0.0;
  glfwGetCursorPos(window, &x, &y);
  ImGui::GetIO().MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
}

void ImGuiLayer::render() {
  ImGui::Render();
  glViewport(0, 0, m_window.framebufferWidth(), m_window.framebufferHeight());
  // Transparent everywhere the panel does not draw: the window's framebuffer has alpha.
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // The backend linked its shaders on the first frame and compiles no more.
  if (!m_shadersBuilt) {
    m_shadersBuilt = true;
    releaseShaderCompiler();
  }
}

bool writeScreenshot(const std::filesystem::path& path, int width, int height, std::string& error) {
  if (width <= 0 || height <= 0) {
    error = "the window has no pixels to capture";
    return false;
  }
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  std::vector<unsigned char> pixels(w * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows start at the bottom; PNG's at the top.
  stbi_flip_vertically_on_write(1);
  const int ok = stbi_write_png(path.string().c_str(), width, height, 4, pixels.data(), width * 4);
  stbi_flip_vertically_on_write(0);
  if (!ok) {
    error = "cannot write " + path.string();
    return false;
  }
  return true;
}

}  // namespace cut::platform
