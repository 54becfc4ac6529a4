#pragma once
// Dear ImGui on the widget's window: its context, the GLFW and OpenGL3 backends, frames, and the
// font texture after a content-scale change. Main thread only.

#include <filesystem>
#include <functional>
#include <string>

namespace cut::platform {

class Window;

class ImGuiLayer {
 public:
  /// Creates the ImGui context and the backends on `window`, whose context must be current.
  /// `buildFonts(scale)` fills ImGui's font atlas for a content scale; it runs now and again on
  /// every rebuildFonts().
  ImGuiLayer(Window& window, std::function<void(float scale)> buildFonts, float scale);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  /// Refills the font atlas at `scale` and re-uploads its texture (between frames).
  void rebuildFonts(float scale);

  void newFrame();
  /// Whether the frame begun last saw a mouse button go down or come up. ImGui acts on a click when
  /// the button comes up, a frame after the event that woke the loop when both arrived together,
  /// and what the click does (a menu item chosen, a tab switched) shows only in the frames after.
  bool mouseButtonChanged() const { return m_mouseButtonChanged; }
  /// Ends the ImGui frame and draws it into the cleared (fully transparent) back buffer.
  void render();

 private:
  void followPointerWhileUnfocused();
  Window& m_window;
  std::function<void(float)> m_buildFonts;
  bool m_shadersBuilt = false;
  bool m_mouseButtonChanged = false;
};

/// Reads the back buffer of the current context (width x height pixels) and writes it as an RGBA
/// PNG, top row first. Call after render() and before swapping. Returns false with `error` filled.
bool writeScreenshot(const std::filesystem::path& path, int width, int height, std::string& error);

}  // namespace cut::platform
