#include "ui/gauges.h"

#include <doctest/doctest.h>

#include "headless.h"
#include "ui/widget.h"

using namespace cut::ui;

namespace {

/// Records what it was asked to draw; `accept` false makes the caller fall back to arcs.
class RecordingRing : public RingRenderer {
 public:
  explicit RecordingRing(bool accept) : m_accept(accept) {}
  bool addRing(ImDrawList*, float, float, float radius, float thickness, float fraction, unsigned int color,
               unsigned int) override {
    calls.push_back({radius, thickness, fraction, color});
    return m_accept;
  }
  struct Call {
    float radius, thickness, fraction;
    unsigned int color;
  };
  std::vector<Call> calls;

 private:
  bool m_accept;
};

int verticesOfRing(RingRenderer* renderer, double fraction) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::Begin("ring", nullptr, ImGuiWindowFlags_NoDecoration);
  ImDrawList* drawList = ImGui::GetWindowDrawList();
  const int before = drawList->VtxBuffer.Size;
  drawRing(drawList, renderer, ImVec2(50, 50), 20, 6, fraction, IM_COL32(255, 0, 0, 255),
           IM_COL32(255, 255, 255, 30));
  const int added = drawList->VtxBuffer.Size - before;
  ImGui::End();
  ImGui::Render();
  return added;
}

}  // namespace

TEST_CASE("the ring goes through the renderer when it accepts, and falls back to arcs when it cannot") {
  test::Headless ui;
  RecordingRing shader(true);
  CHECK(verticesOfRing(&shader, 0.5) == 0);
  REQUIRE(shader.calls.size() == 1);
  CHECK(shader.calls[0].fraction == doctest::Approx(0.5f));
  CHECK(shader.calls[0].radius == doctest::Approx(20.0f));

  RecordingRing broken(false);
  const int fallback = verticesOfRing(&broken, 0.5);
  CHECK(broken.calls.size() == 1);
  CHECK(fallback > 50);
  CHECK(verticesOfRing(nullptr, 0.5) == fallback);
  // Over 100 % is drawn as a full ring, not wrapped around.
  RecordingRing over(true);
  verticesOfRing(&over, 1.4);
  CHECK(over.calls.at(0).fraction == doctest::Approx(1.0f));
}

TEST_CASE("the arc fallback draws rounded caps only when there is an arc") {
  test::Headless ui;
  const int empty = verticesOfRing(nullptr, 0.0);
  const int quarter = verticesOfRing(nullptr, 0.25);
  CHECK(empty > 0);  // the track
  CHECK(quarter > empty);
}

TEST_CASE("the gauge bar fills its fraction and puts the pace marker at the elapsed fraction") {
  test::Headless ui;
  ImGui::NewFrame();
  ImGui::Begin("bar");
  ImDrawList* drawList = ImGui::GetWindowDrawList();
  const ImU32 fill = IM_COL32(10, 200, 10, 255);
  const ImU32 marker = IM_COL32(250, 250, 250, 200);
  const int before = drawList->VtxBuffer.Size;
  drawGaugeBar(drawList, ImVec2(100, 100), ImVec2(300, 106), 0.25, 0.5,
               {fill, IM_COL32(255, 255, 255, 28), marker});
  float fillMaxX = 0.0f;
  float markerMinX = 1e9f;
  float markerMaxX = 0.0f;
  for (int i = before; i < drawList->VtxBuffer.Size; ++i) {
    const ImDrawVert& v = drawList->VtxBuffer[i];
    if (v.col == fill) fillMaxX = std::max(fillMaxX, v.pos.x);
    if (v.col == marker) {
      markerMinX = std::min(markerMinX, v.pos.x);
      markerMaxX = std::max(markerMaxX, v.pos.x);
    }
  }
  ImGui::End();
  ImGui::Render();
  CHECK(fillMaxX == doctest::Approx(150.0f).epsilon(0.01));
  CHECK((markerMinX + markerMaxX) / 2.0f == doctest::Approx(200.0f).epsilon(0.01));
}
