#include "ui/theme.h"

#include <doctest/doctest.h>

using namespace cut::ui;

TEST_CASE("the widget's bands take their thresholds from the settings") {
  cut::core::Settings settings;  // 70 / 90 by default
  CHECK(bandFor(69.99, settings) == Band::Green);
  CHECK(bandFor(70.0, settings) == Band::Amber);
  CHECK(bandFor(90.0, settings) == Band::Red);
  settings.amberPercent = 50.0;
  settings.redPercent = 80.0;
  CHECK(bandFor(49.0, settings) == Band::Green);
  CHECK(bandFor(50.0, settings) == Band::Amber);
  CHECK(bandFor(80.0, settings) == Band::Red);
}

TEST_CASE("each band has its own colour, and stale numbers get a faded variant of it") {
  const ImU32 green = bandColor(Band::Green, false);
  const ImU32 amber = bandColor(Band::Amber, false);
  const ImU32 red = bandColor(Band::Red, false);
  CHECK(green != amber);
  CHECK(amber != red);
  CHECK(green != red);
  for (Band band : {Band::Green, Band::Amber, Band::Red}) {
    const ImU32 fresh = bandColor(band, false);
    const ImU32 dimmed = bandColor(band, true);
    CHECK(dimmed != fresh);
    CHECK(((fresh >> IM_COL32_A_SHIFT) & 0xFF) == 255);
    CHECK(((dimmed >> IM_COL32_A_SHIFT) & 0xFF) < 200);
  }
  // Green is green, red is red.
  CHECK(((green >> IM_COL32_G_SHIFT) & 0xFF) > ((green >> IM_COL32_R_SHIFT) & 0xFF));
  CHECK(((red >> IM_COL32_R_SHIFT) & 0xFF) > ((red >> IM_COL32_G_SHIFT) & 0xFF));
}

TEST_CASE("the panel style is translucent at the opacity setting and scales with the content scale") {
  ImGui::CreateContext();
  applyStyle(1.0f, 0.8);
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w == doctest::Approx(0.8f));
  const float rounding = ImGui::GetStyle().WindowRounding;
  CHECK(rounding > 0.0f);
  applyStyle(2.0f, 0.1);  // held to 0.3 at least
  CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w == doctest::Approx(0.3f));
  CHECK(ImGui::GetStyle().WindowRounding == doctest::Approx(2.0f * rounding));
  ImGui::DestroyContext();
}
