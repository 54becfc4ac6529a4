#include "ui/usage_chart.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "headless.h"

using namespace cut;
using namespace cut::ui;
using namespace std::chrono_literals;

namespace {

const core::TimePoint kStart = core::Clock::from_time_t(1'800'000'000);
const core::TimePoint kReset = kStart + 5h;
const core::TimePoint kNow = kStart + 2h;
// 200 x 100 px at (10, 10); the vertical scale tops out at 105 % when nothing passes 100 %.
const ImVec2 kMin(10, 10);
const ImVec2 kMax(210, 110);

core::Limit session(double percent) {
  return core::Limit{.id = "five_hour",
                     .label = "Session (5h)",
                     .usedPercent = percent,
                     .resetsAt = kReset,
                     .windowSeconds = core::kFiveHourSeconds,
                     .observedAt = kNow};
}

struct Drawn {
  std::vector<ImDrawVert> vertices;
  std::optional<ChartHover> hover;
};

Drawn draw(const ChartInput& input, ImVec2 mouse, const ChartColors& colors = {}) {
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(300, 200));
  ImGui::Begin("chart", nullptr, ImGuiWindowFlags_NoDecoration);
  ImDrawList* list = ImGui::GetWindowDrawList();
  const int before = list->VtxBuffer.Size;
  Drawn out;
  out.hover = drawUsageChart(list, kMin, kMax, input, mouse, colors);
  for (int i = before; i < list->VtxBuffer.Size; ++i) out.vertices.push_back(list->VtxBuffer[i]);
  ImGui::End();
  ImGui::Render();
  return out;
}

std::vector<ImVec2> positionsOf(const Drawn& drawn, ImU32 color) {
  std::vector<ImVec2> out;
  for (const auto& v : drawn.vertices)
    if (v.col == color) out.push_back(v.pos);
  return out;
}

// Colours no other part uses, so each part's vertices can be told apart.
ChartColors distinct() {
  return ChartColors{.background = IM_COL32(1, 1, 1, 255),
                     .usage = IM_COL32(2, 2, 2, 255),
                     .evenPace = IM_COL32(3, 3, 3, 255),
                     .projection = IM_COL32(4, 4, 4, 255),
                     .limitLine = IM_COL32(5, 5, 5, 255),
                     .hover = IM_COL32(6, 6, 6, 255)};
}

float yOf(double percent) { return 110.0f - static_cast<float>(percent / 105.0) * 100.0f; }

}  // namespace

TEST_CASE("the chart draws usage, the even-pace diagonal, the projection and the 100 percent line") {
  test::Headless ui;
  const std::vector<core::PaceSample> samples = {
      {kStart + 30min, 5.0, kReset}, {kStart + 1h, 10.0, kReset}, {kStart + 90min, 20.0, kReset}};
  const core::Limit limit = session(30.0);
  const ChartInput input{
      .limit = limit, .samples = samples, .pace = core::computePace(limit, samples, kNow), .now = kNow};
  REQUIRE(input.pace.known());
  const ChartColors colors = distinct();
  const Drawn drawn = draw(input, ImVec2(-1, -1), colors);
  CHECK_FALSE(drawn.hover.has_value());
  for (ImU32 c : {colors.background, colors.usage, colors.evenPace, colors.projection, colors.limitLine}) {
    CAPTURE(c);
    CHECK_FALSE(positionsOf(drawn, c).empty());
  }
  CHECK(positionsOf(drawn, colors.hover).empty());
  // The 100 % line is level, at 100/105 of the height (within its anti-aliased fringe).
  for (const ImVec2 p : positionsOf(drawn, colors.limitLine)) CHECK(std::abs(p.y - yOf(100.0)) < 2.5f);
  // The diagonal runs from the bottom left to 100 % at the right edge.
  float lowestLeft = 0, rightmostY = 200;
  for (const ImVec2 p : positionsOf(drawn, colors.evenPace)) {
    if (p.x < 12) lowestLeft = std::max(lowestLeft, p.y);
    if (p.x > 208) rightmostY = std::min(rightmostY, p.y);
  }
  CHECK(std::abs(lowestLeft - 110.0f) < 2.5f);
  CHECK(std::abs(rightmostY - yOf(100.0)) < 2.5f);
  // The usage line ends at now (2/5 of the width), at 30 %.
  float usageRight = 0;
  for (const ImVec2 p : positionsOf(drawn, colors.usage)) usageRight = std::max(usageRight, p.x);
  CHECK(std::abs(usageRight - 90.0f) < 2.5f);
  // The projection starts there and ends at the right edge.
  float projLeft = 300, projRight = 0;
  for (const ImVec2 p : positionsOf(drawn, colors.projection)) {
    projLeft = std::min(projLeft, p.x);
    projRight = std::max(projRight, p.x);
  }
  CHECK(std::abs(projLeft - 90.0f) < 2.5f);
  CHECK(std::abs(projRight - 210.0f) < 2.5f);
}

TEST_CASE("hovering the chart gives the time and value there, recorded before now and projected after") {
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  test::Headless ui;
  const std::vector<core::PaceSample> samples = {{kStart + 1h, 10.0, kReset}};
  const core::Limit limit = session(30.0);
  const ChartInput input{
      .limit = limit, .samples = samples, .pace = core::computePace(limit, samples, kNow), .now = kNow};
  const ChartColors colors = distinct();
  // x = 50: one hour into the window, where the sample says 10 %.
  const Drawn past = draw(input, ImVec2(50, 60), colors);
  REQUIRE(past.hover.has_value());
  CHECK_FALSE(past.hover->projected);
  CHECK(std::chrono::duration_cast<std::chrono::minutes>(past.hover->time - kStart).count() == 60);
  CHECK(past.hover->percent == doctest::Approx(10.0));
  CHECK_FALSE(positionsOf(past, colors.hover).empty());
  // x = 170: four hours in; the window average (15 %/h) projects 60 %.
  const Drawn future = draw(input, ImVec2(170, 60), colors);
  REQUIRE(future.hover.has_value());
  CHECK(future.hover->projected);
  CHECK(future.hover->percent == doctest::Approx(60.0).epsilon(0.01));
}

TEST_CASE("a window without a reset time gets only the chart's background") {
  test::Headless ui;
  core::Limit limit = session(30.0);
  limit.resetsAt.reset();
  const ChartColors colors = distinct();
  const Drawn drawn = draw(ChartInput{.limit = limit, .now = kNow}, ImVec2(50, 50), colors);
  CHECK_FALSE(drawn.hover.has_value());
  CHECK_FALSE(positionsOf(drawn, colors.background).empty());
  CHECK(positionsOf(drawn, colors.usage).empty());
  CHECK(positionsOf(drawn, colors.limitLine).empty());
}
