#pragma once
// The gauge ring drawn by a GLSL signed-distance shader (shaders/ring.*, embedded at build time),
// queued into ImGui's draw list as a callback so it lands in the right order among the other shapes.
// Main thread only, with the window's GL context current.

#include <deque>
#include <memory>
#include <string>

#include "ui/widget.h"

struct ImDrawList;
struct ImDrawCmd;

namespace cut::platform {

class GlRingRenderer final : public ui::RingRenderer {
 public:
  /// Compiles and links the ring shader in the current context. Null, with the driver's log in
  /// `error`, when that fails: the caller then passes no renderer and the UI draws ImDrawList arcs.
  static std::unique_ptr<GlRingRenderer> create(std::string& error);
  ~GlRingRenderer() override;
  GlRingRenderer(const GlRingRenderer&) = delete;
  GlRingRenderer& operator=(const GlRingRenderer&) = delete;

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

  std::unique_ptr<Gl> m_gl;
  std::deque<Ring> m_rings;  ///< a deque: callbacks keep pointers to its elements until the frame ends
  unsigned long m_ringsDrawn = 0;
};

}  // namespace cut::platform
