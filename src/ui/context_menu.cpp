// The right-click menu: Refresh now, Compact/Full, Always on top, Settings…, Quit.

#include "widget_state.h"

namespace cut::ui::detail {

namespace {

constexpr const char* kMenuId = "##menu";

bool menuItem(Frame& frame, const char* label, const char* shortcut, bool selected = false) {
  const bool chosen = ImGui::MenuItem(label, shortcut, selected);
  recordItem(frame, label, true);
  return chosen;
}

}  // namespace

void drawContextMenu(Frame& frame) {
  WidgetState& state = frame.state;
  if (state.requestMenu) {
    ImGui::OpenPopup(kMenuId);
    state.requestMenu = false;
  }
  state.menuOpen = false;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(px(frame, 6.0f), px(frame, 6.0f)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(px(frame, 8.0f), px(frame, 6.0f)));
  const bool open = ImGui::BeginPopup(kMenuId);
  ImGui::PopStyleVar(2);
  if (!open) return;
  state.menuOpen = true;
  const core::Settings& settings = frame.view.settings;

  if (menuItem(frame, "Refresh now", "Ctrl+R")) frame.actions.refresh = true;
  if (menuItem(frame, settings.compact ? "Full view" : "Compact view", nullptr)) {
    core::Settings next = settings;
    next.compact = !settings.compact;
    frame.actions.applySettings = next;
  }
  if (menuItem(frame, "Always on top", nullptr, settings.alwaysOnTop)) frame.actions.toggleAlwaysOnTop = true;
  if (menuItem(frame, "Settings\u2026", "Ctrl+,")) {
    state.panelOpen = true;
    state.compactExpanded = false;
  }
  ImGui::Separator();
  if (menuItem(frame, "Quit", "Ctrl+Q")) frame.actions.quit = true;

  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
  const ImVec2 pos = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  state.menuMax = ImVec2(pos.x + size.x, pos.y + size.y);
  ImGui::EndPopup();
}

}  // namespace cut::ui::detail
