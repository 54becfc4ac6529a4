#include "ui/widget.h"

#include <doctest/doctest.h>

#include "core/model/format.h"
#include "headless.h"
#include "ui/theme.h"

using namespace cut;
using namespace cut::ui;
using namespace cut::ui::test;
using namespace std::chrono_literals;

namespace {

class FakeRing : public RingRenderer {
 public:
  bool addRing(ImDrawList*, float, float, float, float, float fraction, unsigned int color,
               unsigned int) override {
    fractions.push_back(fraction);
    colors.push_back(color);
    return true;
  }
  std::vector<float> fractions;
  std::vector<unsigned int> colors;
};

}  // namespace

TEST_CASE("compact mode draws the session ring with its percent and the weekly arc around it") {
  Headless ui;
  Widget widget;
  FakeRing ring;
  ViewModel view = viewOf(okSnapshot());
  view.settings.compact = true;
  view.ring = &ring;
  const Actions actions = ui.frames(widget, view, 3);
  INFO(allText(widget));
  CHECK(drew(widget, "38%"));
  CHECK_FALSE(drew(widget, "Session (5h)"));
  CHECK(actions.contentWidth < 100.0f);
  CHECK(actions.contentHeight < 100.0f);
  REQUIRE(ring.fractions.size() >= 2);
  CHECK(ring.fractions[0] == doctest::Approx(0.72f));  // weekly, drawn first (outside)
  CHECK(ring.fractions[1] == doctest::Approx(0.38f));  // session
  CHECK(ring.colors[0] == bandColor(Band::Amber, false));
  CHECK(ring.colors[1] == bandColor(Band::Green, false));

  // Without a renderer the ImDrawList arcs are drawn instead.
  Widget fallback;
  view.ring = nullptr;
  ui.frames(fallback, view, 3);
  CHECK(ui.vertexColors().count(bandColor(Band::Green, false)) == 1);
}

TEST_CASE("hovering the compact ring shows the full rows") {
  Headless ui;
  Widget widget;
  ViewModel view = viewOf(okSnapshot());
  view.settings.compact = true;
  ui.frames(widget, view, 3);
  const DrawnItem ring = *findItem(widget, "38%");
  ui.mouseMove((ring.minX + ring.maxX) / 2.0f, (ring.minY + ring.maxY) / 2.0f);
  const Actions expanded = ui.frames(widget, view, 3);
  INFO(allText(widget));
  CHECK(drew(widget, "Session (5h)"));
  CHECK(drew(widget, "updated 2 min ago"));
  CHECK(expanded.contentWidth == doctest::Approx(300.0f));
  ui.mouseMove(-FLT_MAX, -FLT_MAX);
  ui.frames(widget, view, 3);
  CHECK_FALSE(drew(widget, "Session (5h)"));
}
