#pragma once
// Internal to src/ui: the widget's state between frames and the per-frame context that the drawing
// files (usage_rows, footer, compact, context_menu, settings_panel) share. Owned by the UI thread.

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/files/settings.h"
#include "fonts.h"
#include "theme.h"
#include "widget.h"

namespace cut::ui::detail {

struct WidgetState {
  // Settings panel.
  bool panelOpen = false;
  bool focusKeyField = false;
  bool showKey = false;
  bool confirmRemove = false;
  std::string keyBuffer;  ///< the key being typed; wiped once saved or refused, and when the panel closes
  /// Set on submit to the KeyCheck::attempt then shown: the next attempt's result decides whether
  /// keyBuffer is wiped (saved, or refused by claude.ai) or kept for a retry.
  std::optional<std::uint64_t> keySubmittedAfter;
  core::Settings draft;
  core::Settings draftBase;  ///< the settings the draft was taken from
  bool draftValid = false;   ///< false until the open panel has taken its draft
  ImGuiID keyFieldId = 0;
  // The session percents as typed; the draft takes them only while they make a valid list.
  std::string alertPercentsText;
  bool alertPercentsTaken = false;   ///< false: take the text from the draft at the next frame
  std::string alertPercentsProblem;  ///< why the typed text was not taken; empty when it was
  // Right-click menu.
  bool requestMenu = false;
  bool menuOpen = false;
  ImVec2 menuMax{0.0f, 0.0f};
  // Dragging the window by its background.
  bool dragArmed = false;
  bool dragging = false;
  ImVec2 grab{0.0f, 0.0f};
  // Limit ids whose chart a click flipped from Settings::showCharts.
  std::vector<std::string> chartToggled;
  // Compact mode shows the full rows while hovered.
  bool compactExpanded = false;
  // Style applied for this scale and opacity.
  float styleScale = -1.0f;
  double styleOpacity = -1.0;
  // The no-key entry opens by itself once, and again when the key goes away.
  bool keyStateSeen = false;
  bool hadKey = false;
  std::vector<DrawnItem> items;
};

/// What every drawing function of one frame needs.
struct Frame {
  const ViewModel& view;
  const core::UsageSnapshot& snapshot;
  Actions& actions;
  WidgetState& state;
  float scale;  ///< content scale: multiply every size by it
  bool stale;   ///< the numbers are not fresh: draw them dimmed
};

inline float px(const Frame& frame, float size) { return size * frame.scale; }

// widget_text.cpp: drawing helpers that also record what was drawn (DrawnItem).
void recordItem(Frame& frame, std::string text, bool control);
void text(Frame& frame, FontRole role, ImU32 color, const std::string& value);
/// Right-aligns `value` on the current line (call after ImGui::SameLine()), ending at the content edge.
void textRight(Frame& frame, FontRole role, ImU32 color, const std::string& value);
void textWrapped(Frame& frame, FontRole role, ImU32 color, const std::string& value);
bool button(Frame& frame, const char* label, bool enabled = true);
/// Text that acts like a link: underlined while hovered, returns true when clicked.
bool linkText(Frame& frame, FontRole role, ImU32 color, const std::string& value, const char* id);
/// A label at the left of a settings line; the control goes to its right at `column` pixels.
void fieldLabel(Frame& frame, const char* label, float column);
/// Overwrites the string's bytes before clearing it, so the key does not linger in freed memory.
void wipe(std::string& secret);

// The parts of the widget, one file each.
void drawUsageRows(Frame& frame);
void drawFooter(Frame& frame);
void drawCompact(Frame& frame);
float compactBoxSize(const Frame& frame);
void drawContextMenu(Frame& frame);
void drawSettingsPanel(Frame& frame);
/// The panel's Alerts tab (settings_panel_alerts.cpp); `column` is where controls start.
void drawAlertSettings(Frame& frame, float column);
void closeSettingsPanel(WidgetState& state);

}  // namespace cut::ui::detail
