#pragma once
// The gauge ring drawn by a GLSL signed-distance shader (shaders/ring.*, embedded at build time),
// queued into ImGui's draw list as a callback so it lands in the right order among the other shapes.
// Main thread only, with the window's GL context current.

#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "ui/ring_renderer.h"

struct ImDrawList;
struct ImDrawCmd;

namespace cut::platform {

class GlRingRenderer final : public ui::RingRenderer {
 public:
  /// Called once, with the driver's log, when the shader fails to build; the UI then draws arcs.
  using BuildFailed = std::function<void(const std::string& error)>;

  /// Looks up the GL entry points the shader needs in the current context; null, with the reason in
  /// `error`, when the driver lacks them. The shader itself is compiled on the first addRing(): only
  /// compact mode draws rings, and compiling costs start-up time and resident memory in a software
  /// GL driver (llvmpipe JIT-compiles it).
  static std::unique_ptr<GlRingRenderer> create(BuildFailed onBuildFailed, std::string& error);
  ~GlRingRenderer() override;
  GlRingRenderer(const GlRingRenderer&) = delete;
  GlRingRenderer& operator=(const GlRingRenderer&) = delete;

  /// Builds the shader on the first call; false (the caller draws arcs) when it did not build.
  bool addRing(ImDrawList* drawList, float centerX, float centerY, float radius, float thickness,
               float fraction, unsigned int color, unsigned int trackColor) override;

  /// Drops the rings queued for the previous frame. Call before the UI draws a new frame.
  void beginFrame();

  /// How many rings the shader drew since creation (for tests and diagnostics).
  unsigned long ringsDrawn() const { return m_ringsDrawn; }

 private:
  struct Ring {
    GlRingRenderer* owner;
    float centerX, centerY, radius, thickness, fraction;
    unsigned int color, trackColor;
  };
  struct Gl;

  GlRingRenderer();
  static void drawCallback(const ImDrawList* list, const ImDrawCmd* cmd);
  void draw(const Ring& ring, const ImDrawCmd& cmd);

  enum class Build { NotYet, Ready, Failed };

  std::unique_ptr<Gl> m_gl;
  BuildFailed m_onBuildFailed;
  Build m_build = Build::NotYet;
  std::deque<Ring> m_rings;  ///< a deque: callbacks keep pointers to its elements until the frame ends
  unsigned long m_ringsDrawn = 0;
};

}  // namespace cut::platform
