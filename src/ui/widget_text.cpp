#include <algorithm>
#include <cstring>

#include "widget_state.h"

namespace cut::ui::detail {

namespace {

std::string visibleLabel(const char* label) {
  const char* end = std::strstr(label, "##");
  return end ? std::string(label, static_cast<std::size_t>(end - label)) : std::string(label);
}

}  // namespace

void recordItem(Frame& frame, std::string value, bool control) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  frame.state.items.push_back(DrawnItem{std::move(value), min.x, min.y, max.x, max.y, control});
}

void text(Frame& frame, FontRole role, ImU32 color, const std::string& value) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  recordItem(frame, value, false);
}

void textRight(Frame& frame, FontRole role, ImU32 color, const std::string& value) {
  ImGui::PushFont(font(role));
  const float width = ImGui::CalcTextSize(value.c_str(), value.c_str() + value.size()).x;
  const float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - width));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  recordItem(frame, value, false);
}

void textWrapped(Frame& frame, FontRole role, ImU32 color, const std::string& value) {
  ImGui::PushFont(font(role));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(value.c_str(), value.c_str() + value.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
  recordItem(frame, value, false);
}

bool button(Frame& frame, const char* label, bool enabled) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(label);
  ImGui::EndDisabled();
  recordItem(frame, visibleLabel(label), true);
  return pressed && enabled;
}

bool linkText(Frame& frame, FontRole role, ImU32 color, const std::string& value, const char* id) {
  ImGui::PushFont(font(role));
  ImGui::PushID(id);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float wrap = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(value.c_str(), value.c_str() + value.size(), false, wrap);
  const bool clicked =
      ImGui::InvisibleButton("##link", ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* drawList = ImGui::GetWindowDrawList();
  drawList->AddText(ImGui::GetFont(), ImGui::GetFontSize(), start, color, value.c_str(),
                    value.c_str() + value.size(), wrap);
  if (hovered) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const float y = start.y + size.y;
    drawList->AddLine(ImVec2(start.x, y), ImVec2(start.x + size.x, y), color, 1.0f);
  }
  ImGui::PopID();
  ImGui::PopFont();
  recordItem(frame, value, true);
  return clicked;
}

void fieldLabel(Frame& frame, const char* label, float column) {
  ImGui::AlignTextToFramePadding();
  text(frame, FontRole::Body, toneColor(Tone::Muted), label);
  ImGui::SameLine(column);
}

void wipe(std::string& secret) {
  secret.resize(secret.capacity());  // earlier, longer contents may sit past size()
  volatile char* bytes = secret.data();
  for (std::size_t i = 0; i < secret.size(); ++i) bytes[i] = 0;
  secret.clear();
  secret.shrink_to_fit();
}

}  // namespace cut::ui::detail
