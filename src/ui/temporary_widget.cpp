// Temporary stand-in for the ui module: enough drawing to exercise the window, drag, ring shader and
// loop. Replaced by the ui module.
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdio>

#include "ui/fonts.h"
#include "ui/widget.h"

namespace cut::embedded {
extern const unsigned char fontInterRegular[];
extern const std::size_t fontInterRegularSize;
}  // namespace cut::embedded

namespace cut::ui {

bool buildFonts(float contentScale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(embedded::fontInterRegular),
                                 static_cast<int>(embedded::fontInterRegularSize), 14.0f * contentScale,
                                 &config);
  return true;
}

struct Widget::State {
  bool compact = false;
  bool dragging = false;
  bool grabbed = false;
  std::string key;
};

Widget::Widget() : m_state(std::make_unique<State>()) {}
Widget::~Widget() = default;
void Widget::openKeyEntry() {}
void Widget::openSettings() {}
bool Widget::settingsOpen() const { return false; }
void Widget::setKeyField(const std::string& text) { m_state->key = text; }

Actions Widget::draw(const ViewModel& view) {
  Actions actions;
  const float s = view.contentScale;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f * s);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(24, 27, 33, 235));
  ImGui::Begin("widget", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto colour = [&](double p) {
    return p >= view.settings.redPercent     ? IM_COL32(229, 72, 77, 255)
           : p >= view.settings.amberPercent ? IM_COL32(232, 176, 75, 255)
                                             : IM_COL32(76, 195, 138, 255);
  };
  if (view.snapshot->usage) {
    const auto& limits = view.snapshot->usage->limits;
    if (!limits.empty()) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float r = 26.0f * s;
      const double pct = limits.front().usedPercent;
      const float frac = static_cast<float>(pct / 100.0);
      if (!view.ring || !view.ring->addRing(draw, p.x + r + 4, p.y + r + 4, r, 7.0f * s, frac, colour(pct),
                                            IM_COL32(58, 64, 75, 255))) {
        draw->PathArcTo(ImVec2(p.x + r + 4, p.y + r + 4), r, 0, 6.2831853f, 48);
        draw->PathStroke(IM_COL32(58, 64, 75, 255), 0, 7.0f * s);
        draw->PathArcTo(ImVec2(p.x + r + 4, p.y + r + 4), r, -1.5707963f, -1.5707963f + frac * 6.2831853f,
                        48);
        draw->PathStroke(colour(pct), 0, 7.0f * s);
      }
      ImGui::Dummy(ImVec2(2 * r + 8, 2 * r + 8));
    }
    for (const core::Limit& limit : limits) {
      ImGui::Text("%s  %.0f%%", limit.label.c_str(), limit.usedPercent);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float w = 220.0f * s, h = 6.0f * s;
      draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(58, 64, 75, 255), h / 2);
      draw->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(limit.usedPercent / 100.0), p.y + h),
                          colour(limit.usedPercent), h / 2);
      ImGui::Dummy(ImVec2(w, h + 4));
    }
  } else {
    ImGui::TextUnformatted(view.hasKey ? "Loading…" : "No key yet");
  }
  if (view.snapshot->demo) ImGui::TextDisabled("DEMO");
  if (!view.keyCheck.message.empty()) ImGui::TextWrapped("%s", view.keyCheck.message.c_str());
  if (ImGui::BeginPopupContextWindow("menu")) {
    if (ImGui::MenuItem("Refresh now")) actions.refresh = true;
    if (ImGui::MenuItem("Always on top", nullptr, view.settings.alwaysOnTop))
      actions.toggleAlwaysOnTop = true;
    if (ImGui::MenuItem("Quit")) actions.quit = true;
    ImGui::EndPopup();
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed('Q')) actions.quit = true;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    m_state->grabbed = ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered();
  }
  if (!m_state->dragging && m_state->grabbed && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    m_state->dragging = true;
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) m_state->grabbed = false;
  if (m_state->dragging) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      const ImVec2 d = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
      actions.dragging = true;
      actions.dragDeltaX = d.x;
      actions.dragDeltaY = d.y;
    } else {
      m_state->dragging = false;
      actions.dragReleased = true;
    }
  }
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  actions.contentWidth =
      window->DC.CursorMaxPos.x - window->DC.CursorStartPos.x + 2 * window->WindowPadding.x;
  actions.contentHeight =
      window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y + 2 * window->WindowPadding.y;
  const ImVec2 size = window->Size;
  actions.animating =
      std::abs(size.x - actions.contentWidth) > 0.5f || std::abs(size.y - actions.contentHeight) > 0.5f;
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return actions;
}

}  // namespace cut::ui
