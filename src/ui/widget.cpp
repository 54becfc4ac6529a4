// The widget's frame: one borderless ImGui window filling the top-left of the display, laid out as
// header, rows, footer and (when open) the settings panel; or the compact ring. Also the keyboard
// shortcuts, the background drag, and the size the platform window should take.

#include "widget.h"

#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

#include "footer.h"
#include "widget_state.h"

namespace cut::ui {

struct Widget::State : detail::WidgetState {};

namespace {

using detail::Frame;
using detail::px;

constexpr float kFullWidthPx = 300.0f;
constexpr float kPanelWidthPx = 340.0f;
constexpr float kCompactPaddingPx = 8.0f;

// The GLFW backend stores GLFW key codes in io.KeysDown. GLFW's codes for letters and punctuation
// are their ASCII values (GLFW_KEY_R == 82 == 'R', GLFW_KEY_Q == 81, GLFW_KEY_COMMA == 44), so the
// UI needs no GLFW header. ImGui 1.86 has no named-key API for these.
constexpr int kKeyR = 'R';
constexpr int kKeyQ = 'Q';
constexpr int kKeyComma = ',';

void openKeyEntryState(detail::WidgetState& state) {
  state.panelOpen = true;
  state.focusKeyField = true;
  state.compactExpanded = false;
}

void handleShortcuts(const ViewModel& view, detail::WidgetState& state, Actions& actions) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyR, false)) actions.refresh = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyQ, false)) actions.quit = true;
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyComma, false)) {
    if (state.panelOpen) {
      detail::closeSettingsPanel(state);
    } else {
      state.panelOpen = true;
      state.focusKeyField = !view.hasKey;
    }
  }
  // With the menu open, Escape belongs to the menu (context_menu.cpp closes it).
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !state.menuOpen && state.panelOpen) {
    detail::closeSettingsPanel(state);
  }
}

void pill(Frame& frame, const char* label, Tone tone) {
  ImGui::PushFont(font(FontRole::Small));
  const ImVec2 size = ImGui::CalcTextSize(label);
  const float padX = px(frame, 6.0f);
  const float padY = px(frame, 1.0f);
  const float right = ImGui::GetWindowContentRegionMax().x;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - size.x - 2.0f * padX));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x + 2.0f * padX, min.y + size.y + 2.0f * padY);
  const ImU32 color = toneColor(tone);
  ImDrawList* drawList = ImGui::GetWindowDrawList();
  drawList->AddRectFilled(min, max, (color & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 56),
                          (max.y - min.y) * 0.5f);
  drawList->AddText(ImVec2(min.x + padX, min.y + padY), color, label);
  ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
  ImGui::PopFont();
  detail::recordItem(frame, label, false);
}

void drawHeader(Frame& frame) {
  detail::text(frame, FontRole::Strong, toneColor(Tone::Muted), "Claude usage");
  const bool headerHovered = ImGui::IsItemHovered();
  if (frame.snapshot.demo) {
    ImGui::SameLine();
    pill(frame, "DEMO", Tone::Accent);
  } else if (frame.snapshot.fetching) {
    ImGui::SameLine();
    detail::textRight(frame, FontRole::Body, toneColor(Tone::Muted), "\u21BB");
  }
  if (headerHovered && frame.snapshot.organization) {
    ImGui::SetTooltip("Organization: %s", frame.snapshot.organization->name.c_str());
  }
  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
}

void drawFull(Frame& frame) {
  drawHeader(frame);
  if (frame.snapshot.usage) {  // without usage the rows draw nothing, and need no gap below
    detail::drawUsageRows(frame);
    ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  }
  detail::drawFooter(frame);
  if (frame.state.panelOpen) detail::drawSettingsPanel(frame);
}

void drawCompactLayout(Frame& frame, bool expanded) {
  if (!expanded) {
    detail::drawCompact(frame);
    return;
  }
  // Expanded on hover: the ring stays in the corner the window is anchored to, so it does not move
  // under the cursor when the platform grows the window away from that corner.
  const core::Anchor anchor = frame.view.settings.placement.anchor;
  const bool bottom = anchor == core::Anchor::BottomLeft || anchor == core::Anchor::Bottom ||
                      anchor == core::Anchor::BottomRight;
  const bool right = anchor == core::Anchor::TopRight || anchor == core::Anchor::Right ||
                     anchor == core::Anchor::BottomRight;
  auto ring = [&] {
    if (right) ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - detail::compactBoxSize(frame));
    detail::drawCompact(frame);
  };
  if (!bottom) ring();
  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  detail::drawUsageRows(frame);
  detail::drawFooter(frame);
  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  if (bottom) ring();
}

/// Background drag and double-click, after every item has been submitted (so hovering a control
/// this frame is known).
void handleBackgroundMouse(Frame& frame) {
  detail::WidgetState& state = frame.state;
  Actions& actions = frame.actions;
  const ImGuiIO& io = ImGui::GetIO();
  const bool background = ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered() && !ImGui::IsAnyItemActive();
  if (background && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    core::Settings next = frame.view.settings;
    next.compact = !next.compact;
    actions.applySettings = next;
    state.compactExpanded = false;
  }
  if (background && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    state.dragArmed = true;
    state.grab = io.MousePos;
  }
  if (!state.dragArmed) return;
  if (io.MouseDown[ImGuiMouseButton_Left]) {
    const ImVec2 delta(io.MousePos.x - state.grab.x, io.MousePos.y - state.grab.y);
    const float threshold = io.MouseDragThreshold;
    if (!state.dragging && delta.x * delta.x + delta.y * delta.y >= threshold * threshold)
      state.dragging = true;
    if (state.dragging) {
      actions.dragging = true;
      actions.grabX = state.grab.x;
      actions.grabY = state.grab.y;
    }
    return;
  }
  if (state.dragging) actions.dragReleased = true;
  state.dragArmed = false;
  state.dragging = false;
}

}  // namespace

Widget::Widget() : m_state(std::make_unique<State>()) {}
Widget::~Widget() { detail::wipe(m_state->keyBuffer); }

void Widget::openKeyEntry() { openKeyEntryState(*m_state); }

void Widget::openSettings() {
  m_state->panelOpen = true;
  m_state->compactExpanded = false;
}

bool Widget::settingsOpen() const { return m_state->panelOpen; }

void Widget::setKeyField(const std::string& text) {
  detail::wipe(m_state->keyBuffer);
  m_state->keySubmittedAfter.reset();  // a new paste is not the key whose check is running
  m_state->keyBuffer = text;
  m_state->panelOpen = true;
  m_state->focusKeyField = true;  // back into the field, so Enter saves what was pasted
}

const std::vector<DrawnItem>& Widget::drawnItems() const { return m_state->items; }

Actions Widget::draw(const ViewModel& view) {
  State& state = *m_state;
  Actions actions;
  state.items.clear();
  static const core::UsageSnapshot kNoSnapshot;
  const core::UsageSnapshot& snapshot = view.snapshot ? *view.snapshot : kNoSnapshot;
  const core::Settings& settings = view.settings;
  const float scale = view.contentScale > 0.0f ? view.contentScale : 1.0f;
  if (scale != state.styleScale || settings.opacity != state.styleOpacity) {
    applyStyle(scale, settings.opacity);
    state.styleScale = scale;
    state.styleOpacity = settings.opacity;
  }
  // First run with nothing to show, or the key just went away: open on the key entry (never over
  // the demo). Claude Code's numbers with no key are something to show; the footer offers the key.
  const bool somethingToShow = snapshot.usage && !snapshot.usage->limits.empty();
  if (((!state.keyStateSeen && !somethingToShow) || state.hadKey) && !view.hasKey && !snapshot.demo)
    openKeyEntryState(state);
  state.keyStateSeen = true;
  state.hadKey = view.hasKey;

  handleShortcuts(view, state, actions);

  Frame frame{view, snapshot, actions, state, scale, isStale(snapshot, settings, view.now)};
  const bool compact = settings.compact && !state.panelOpen;
  if (!compact) state.compactExpanded = false;
  const bool expanded = compact && state.compactExpanded;
  const float padding = compact ? px(frame, kCompactPaddingPx) : ImGui::GetStyle().WindowPadding.x;
  const float width = compact && !expanded ? detail::compactBoxSize(frame) + 2.0f * padding
                                           : px(frame, state.panelOpen ? kPanelWidthPx : kFullWidthPx);

  ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, FLT_MAX));
  // An alert no notification service showed tints the border until it is clicked away: seen at a
  // glance, in compact mode too, where the footer naming it shows only while hovered.
  const bool alerting = !view.unseenAlerts.empty();
  if (alerting) {
    ImGui::PushStyleColor(ImGuiCol_Border, toneColorVec(Tone::Error));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, px(frame, 2.0f));
  }
  if (compact) ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padding, padding));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##claude-usage-tracker", nullptr, flags);
  if (compact) ImGui::PopStyleVar();
  if (alerting) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }

  if (compact) {
    drawCompactLayout(frame, expanded);
  } else {
    drawFull(frame);
  }
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
    state.requestMenu = true;
  }
  handleBackgroundMouse(frame);
  detail::drawContextMenu(frame);

  // This frame's content size, measured the way ImGui's auto-resize will measure it next frame
  // (content floored, then the padding added), so the two agree once the layout settles.
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float contentHeight =
      std::floor(window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y) + 2.0f * window->WindowPadding.y;
  const ImVec2 windowPos = window->Pos;
  const ImVec2 windowSize = window->Size;
  ImGui::End();
  if (alerting) {
    state.items.push_back(DrawnItem{"alert border", windowPos.x, windowPos.y, windowPos.x + windowSize.x,
                                    windowPos.y + windowSize.y, false});
  }

  // Compact mode opens to the full rows while the cursor is over it (and no menu or drag is going).
  if (compact) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool inside = ImGui::IsMousePosValid(&mouse) && mouse.x >= windowPos.x && mouse.y >= windowPos.y &&
                        mouse.x < windowPos.x + windowSize.x && mouse.y < windowPos.y + windowSize.y;
    state.compactExpanded = inside && !state.dragging && !state.menuOpen && !actions.applySettings;
  }

  actions.contentWidth = std::ceil(width);
  actions.contentHeight = std::ceil(contentHeight);
  if (state.menuOpen) {
    actions.contentWidth = std::max(actions.contentWidth, std::ceil(state.menuMax.x));
    actions.contentHeight = std::max(actions.contentHeight, std::ceil(state.menuMax.y));
  }
  if (std::fabs(windowSize.x - width) > 1.0f || std::fabs(windowSize.y - contentHeight) > 1.0f ||
      expanded != state.compactExpanded) {
    actions.animating = true;  // the layout has not settled: one more frame
  }
  return actions;
}

}  // namespace cut::ui
