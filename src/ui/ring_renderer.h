#pragma once
// The seam between the UI and a GPU ring: the UI asks for rings through this interface, the platform
// layer implements it (platform/ring_renderer.h, a GLSL shader). Neither side needs the other's headers.

struct ImDrawList;

namespace cut::ui {

/// Draws the anti-aliased gauge ring. The platform layer supplies a GLSL implementation (through an
/// ImDrawList callback); without one, or when it reports failure, the UI draws ImDrawList arcs.
class RingRenderer {
 public:
  virtual ~RingRenderer() = default;
  /// Queues a ring arc from 12 o'clock clockwise over `fraction` (0..1) of the circle.
  /// Colours are ImU32 (ABGR). Returns false when it cannot draw (the caller falls back).
  virtual bool addRing(ImDrawList* drawList, float centerX, float centerY, float radius, float thickness,
                       float fraction, unsigned int color, unsigned int trackColor) = 0;
};

}  // namespace cut::ui
