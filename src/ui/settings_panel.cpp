// The settings panel inside the widget: the session key first, then what to show and how to
// behave. Edits a draft copy of Settings; Apply is enabled only while the draft differs.

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "core/model/format.h"
#include "widget_state.h"

namespace cut::ui::detail {

namespace {

constexpr float kLabelColumnPx = 118.0f;

/// Keeps the draft in step with settings changed outside the panel (the menu, a drag, compact
/// mode): fields the person has not edited follow the current settings.
void syncDraft(WidgetState& state, const core::Settings& current) {
  if (!state.draftValid) {
    state.draft = current;
    state.draftBase = current;
    state.draftValid = true;
    state.alertPercentsTaken = false;
    return;
  }
  if (current == state.draftBase) return;
  core::Settings merged = current;
  auto keepEdited = [&](auto member) {
    if (state.draft.*member != state.draftBase.*member) merged.*member = state.draft.*member;
  };
  keepEdited(&core::Settings::refreshIntervalSeconds);
  keepEdited(&core::Settings::organizationUuid);
  keepEdited(&core::Settings::opacity);
  keepEdited(&core::Settings::amberPercent);
  keepEdited(&core::Settings::redPercent);
  keepEdited(&core::Settings::clock24h);
  keepEdited(&core::Settings::alwaysOnTop);
  keepEdited(&core::Settings::snapDistancePx);
  keepEdited(&core::Settings::hiddenRows);
  keepEdited(&core::Settings::colorByPace);
  keepEdited(&core::Settings::showCharts);
  keepEdited(&core::Settings::alerts);
  state.draft = std::move(merged);
  state.draftBase = current;
}

/// ImGui keeps its own copy of an edited field's text (and its undo buffer) after the field loses
/// focus; for the key field, zero it once the field is inactive so the key does not linger.
void scrubInputState(ImGuiID id) {
  ImGuiContext* context = ImGui::GetCurrentContext();
  if (context == nullptr || id == 0 || context->ActiveId == id) return;
  ImGuiInputTextState& input = context->InputTextState;
  if (input.ID != id) return;
  auto zero = [](auto& vector) {
    if (!vector.empty())
      std::memset(vector.Data, 0, static_cast<std::size_t>(vector.Size) * sizeof(vector.Data[0]));
    vector.clear();
  };
  zero(input.TextW);
  zero(input.TextA);
  zero(input.InitialTextA);
  std::memset(&input.Stb, 0, sizeof(input.Stb));
  input.CurLenA = 0;
  input.CurLenW = 0;
  input.ID = 0;  // the next activation initializes the state afresh
}

void heading(Frame& frame, const char* title) {
  ImGui::Dummy(ImVec2(0.0f, px(frame, 6.0f)));
  text(frame, FontRole::Strong, toneColor(Tone::Text), title);
}

std::string joinNames(const std::vector<core::Organization>& organizations) {
  std::string names;
  for (const core::Organization& org : organizations) {
    if (!names.empty()) names += ", ";
    names += org.name.empty() ? org.uuid : org.name;
  }
  return names;
}

void keyCheckLine(Frame& frame) {
  const KeyCheck& check = frame.view.keyCheck;
  switch (check.state) {
    case KeyCheck::State::Idle: break;
    case KeyCheck::State::Testing:
      textWrapped(frame, FontRole::Small, toneColor(Tone::Muted), "Testing the key\u2026");
      break;
    case KeyCheck::State::Saved: {
      std::string line = check.message.empty() ? std::string("Key saved.") : check.message;
      const auto& organizations = check.organizations;
      if (organizations.size() == 1) line += " It sees " + joinNames(organizations) + ".";
      if (organizations.size() > 1)
        line += " It sees " + std::to_string(organizations.size()) +
                " organizations: " + joinNames(organizations) + ".";
      textWrapped(frame, FontRole::Small, bandColor(Band::Green, false), line);
      break;
    }
    case KeyCheck::State::Failed:
      textWrapped(frame, FontRole::Small, toneColor(Tone::Error),
                  check.message.empty() ? std::string("The key did not work.") : check.message);
      break;
  }
}

// Wipes the submitted key once its check has answered with "saved" or "claude.ai refused it".
void settleSubmittedKey(WidgetState& state, const KeyCheck& check) {
  if (!state.keySubmittedAfter || check.attempt <= *state.keySubmittedAfter) return;
  if (check.state == KeyCheck::State::Testing) return;
  if (check.state == KeyCheck::State::Saved || check.keyRefused) wipe(state.keyBuffer);
  state.keySubmittedAfter.reset();
}

void keySection(Frame& frame) {
  WidgetState& state = frame.state;
  const ViewModel& view = frame.view;
  if (!view.hasKey) {
    textWrapped(frame, FontRole::Small, toneColor(Tone::Muted),
                "Sign in to claude.ai in your browser, open its developer tools, and under Cookies for "
                "claude.ai copy the value of sessionKey; paste it here.");
  }
  const float buttonsWidth = ImGui::CalcTextSize("Hide").x + ImGui::CalcTextSize("Paste").x +
                             4.0f * ImGui::GetStyle().FramePadding.x + 2.0f * ImGui::GetStyle().ItemSpacing.x;
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
  if (!state.showKey) flags |= ImGuiInputTextFlags_Password;
  const ImGuiID fieldId = ImGui::GetID("##key");
  state.keyFieldId = fieldId;
  if (state.focusKeyField) {
    ImGui::SetKeyboardFocusHere();
    state.focusKeyField = false;
  }
  ImGui::SetNextItemWidth(std::max(px(frame, 80.0f), ImGui::GetContentRegionAvail().x - buttonsWidth));
  const bool enter = ImGui::InputTextWithHint("##key", "sk-ant-\u2026", &state.keyBuffer, flags);
  recordItem(frame, "Session key field", true);
  ImGui::SameLine();
  if (button(frame, state.showKey ? "Hide##show" : "Show##show")) state.showKey = !state.showKey;
  ImGui::SameLine();
  if (button(frame, "Paste")) frame.actions.requestClipboardPaste = true;

  const bool testing = view.keyCheck.state == KeyCheck::State::Testing;
  settleSubmittedKey(state, view.keyCheck);
  const bool canTest = !state.keyBuffer.empty() && !testing && !state.keySubmittedAfter;
  const bool clicked = button(frame, "Test and save", canTest);
  if ((clicked || enter) && canTest) {
    // Kept (masked) until the answer: a check that fails for a reason not the key's own (offline,
    // a timeout, Cloudflare, a server error) must not make the person paste it again.
    frame.actions.testAndSaveKey = state.keyBuffer;
    state.keySubmittedAfter = view.keyCheck.attempt;
    state.showKey = false;
  }
  if (state.keyBuffer.empty()) scrubInputState(fieldId);
  keyCheckLine(frame);

  if (!view.hasKey) return;
  std::string where = "Stored in " + view.keyFilePath;
  if (!view.keyFileMode.empty()) where += " (mode " + view.keyFileMode + ")";
  const bool loose = !view.keyFileMode.empty() && view.keyFileMode != "0600";
  textWrapped(frame, FontRole::Small, toneColor(loose ? Tone::Warning : Tone::Muted), where);
  if (!state.confirmRemove) {
    if (button(frame, "Remove key\u2026")) state.confirmRemove = true;
    return;
  }
  textWrapped(frame, FontRole::Small, toneColor(Tone::Warning), "Delete the saved key file?");
  if (button(frame, "Remove")) {
    frame.actions.removeKey = true;
    state.confirmRemove = false;
  }
  ImGui::SameLine();
  if (button(frame, "Cancel##remove")) state.confirmRemove = false;
}

/// Acts at once, like the status-line button: the autostart entry is the setting, not the draft.
void startAtLoginRow(Frame& frame) {
  const AutostartView& autostart = frame.view.autostart;
  bool enabled = autostart.enabled;
  if (ImGui::Checkbox("Start at login", &enabled)) frame.actions.startAtLogin = enabled;
  recordItem(frame, enabled ? "Start at login: on" : "Start at login: off", true);
  if (!autostart.program.empty()) {
    std::string where = (autostart.enabled ? "Starts " : "Would start ") + autostart.program;
    if (autostart.fromBuild) where += " (the build folder's program, not an installed one)";
    textWrapped(frame, FontRole::Small, toneColor(Tone::Muted), where);
  }
  // A moved or older copy: one press points the entry at this program.
  if (autostart.elsewhere && button(frame, "Start this copy instead")) frame.actions.startAtLogin = true;
  if (!autostart.message.empty())
    textWrapped(frame, FontRole::Small,
                autostart.failed ? toneColor(Tone::Error) : bandColor(Band::Green, false), autostart.message);
}

void claudeCodeSection(Frame& frame) {
  const StatuslineInstall& statusline = frame.view.statusline;
  textWrapped(frame, FontRole::Small, toneColor(Tone::Muted),
              statusline.installed
                  ? "Claude Code's status line runs this program; what Claude Code reports shows here too."
                  : "Show usage in Claude Code's status line; the numbers Claude Code reports then show "
                    "here, even without a key.");
  if (statusline.installed) {
    if (button(frame, "Remove status line from Claude Code")) frame.actions.removeStatusline = true;
  } else if (button(frame, "Install status line in Claude Code")) {
    frame.actions.installStatusline = true;
  }
  if (!statusline.message.empty()) {
    textWrapped(frame, FontRole::Small,
                statusline.failed ? toneColor(Tone::Error) : bandColor(Band::Green, false),
                statusline.message);
  }
}

void organizationPicker(Frame& frame, float column) {
  const std::vector<core::Organization>* organizations = &frame.snapshot.organizations;
  if (organizations->size() < 2) organizations = &frame.view.keyCheck.organizations;
  if (organizations->size() < 2) return;
  core::Settings& draft = frame.state.draft;
  std::string preview = "First listed";
  for (const core::Organization& org : *organizations) {
    if (org.uuid == draft.organizationUuid) preview = org.name.empty() ? org.uuid : org.name;
  }
  fieldLabel(frame, "Organization", column);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##organization", preview.c_str())) {
    for (std::size_t i = 0; i < organizations->size(); ++i) {
      const core::Organization& org = (*organizations)[i];
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(org.name.empty() ? org.uuid.c_str() : org.name.c_str(),
                            org.uuid == draft.organizationUuid)) {
        draft.organizationUuid = org.uuid;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  recordItem(frame, "Organization: " + preview, true);
}

void rowsSection(Frame& frame) {
  core::Settings& draft = frame.state.draft;
  std::vector<std::pair<std::string, std::string>> rows;  // id, label
  if (frame.snapshot.usage) {
    for (const core::Limit& limit : frame.snapshot.usage->limits) {
      rows.emplace_back(limit.id, limit.label.empty() ? limit.id : limit.label);
    }
    if (frame.snapshot.usage->extra) rows.emplace_back("extra_usage", "Extra usage");
  }
  for (const std::string& id : draft.hiddenRows) {
    const bool listed =
        std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return row.first == id; });
    if (!listed) rows.emplace_back(id, id);
  }
  if (rows.empty()) {
    textWrapped(frame, FontRole::Small, toneColor(Tone::Muted), "Rows appear here after the first update.");
    return;
  }
  for (const auto& [id, label] : rows) {
    auto it = std::find(draft.hiddenRows.begin(), draft.hiddenRows.end(), id);
    bool shown = it == draft.hiddenRows.end();
    ImGui::PushID(id.c_str());
    if (ImGui::Checkbox(label.c_str(), &shown)) {
      if (shown) {
        draft.hiddenRows.erase(it);
      } else {
        draft.hiddenRows.push_back(id);
      }
    }
    recordItem(frame, label, true);
    ImGui::PopID();
  }
}

void lookSection(Frame& frame, float column) {
  core::Settings& draft = frame.state.draft;
  fieldLabel(frame, "Opacity", column);
  ImGui::SetNextItemWidth(-1.0f);
  float opacity = static_cast<float>(draft.opacity * 100.0);
  if (ImGui::SliderFloat("##opacity", &opacity, 30.0f, 100.0f, "%.0f%%")) {
    draft.opacity = std::round(opacity) / 100.0;
  }
  fieldLabel(frame, "Amber from", column);
  ImGui::SetNextItemWidth(-1.0f);
  int amber = static_cast<int>(std::lround(draft.amberPercent));
  if (ImGui::SliderInt("##amber", &amber, 1, 99, "%d%%")) {
    draft.amberPercent = amber;
    if (draft.redPercent <= draft.amberPercent) draft.redPercent = draft.amberPercent + 1.0;
  }
  fieldLabel(frame, "Red from", column);
  ImGui::SetNextItemWidth(-1.0f);
  int red = static_cast<int>(std::lround(draft.redPercent));
  if (ImGui::SliderInt("##red", &red, 2, 100, "%d%%")) {
    draft.redPercent = red;
    if (draft.amberPercent >= draft.redPercent) draft.amberPercent = draft.redPercent - 1.0;
  }
  ImGui::Checkbox("24-hour clock", &draft.clock24h);
  recordItem(frame, "24-hour clock", true);
  ImGui::Checkbox("Colour by pace", &draft.colorByPace);
  recordItem(frame, "Colour by pace", true);
  ImGui::SameLine();
  ImGui::Checkbox("Show charts", &draft.showCharts);
  recordItem(frame, "Show charts", true);
}

void behaviourSection(Frame& frame, float column) {
  core::Settings& draft = frame.state.draft;
  organizationPicker(frame, column);

  struct Interval {
    int seconds;
    const char* label;
  };
  static constexpr std::array<Interval, 6> kIntervals{
      {{30, "30 s"}, {60, "1 min"}, {120, "2 min"}, {300, "5 min"}, {600, "10 min"}, {900, "15 min"}}};
  std::string preview = std::to_string(draft.refreshIntervalSeconds) + " s";
  for (const Interval& interval : kIntervals) {
    if (interval.seconds == draft.refreshIntervalSeconds) preview = interval.label;
  }
  fieldLabel(frame, "Refresh every", column);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##interval", preview.c_str())) {
    for (const Interval& interval : kIntervals) {
      if (ImGui::Selectable(interval.label, interval.seconds == draft.refreshIntervalSeconds)) {
        draft.refreshIntervalSeconds = interval.seconds;
      }
    }
    ImGui::EndCombo();
  }
  fieldLabel(frame, "Snap to edges", column);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderInt("##snap", &draft.snapDistancePx, 0, 200, draft.snapDistancePx == 0 ? "off" : "%d px");
  if (frame.view.compositorPlaces)
    textWrapped(frame, FontRole::Small, toneColor(Tone::Muted),
                "Wayland places windows itself: snapping and the saved position do not apply here. Move the "
                "widget with the compositor (on Weston, Super + drag).");
  ImGui::Checkbox("Always on top", &draft.alwaysOnTop);
  recordItem(frame, "Always on top", true);
  startAtLoginRow(frame);
  heading(frame, "Claude Code");
  claudeCodeSection(frame);
}

}  // namespace

void closeSettingsPanel(WidgetState& state) {
  wipe(state.keyBuffer);
  state.keySubmittedAfter.reset();
  scrubInputState(state.keyFieldId);
  state.panelOpen = false;
  state.focusKeyField = false;
  state.showKey = false;
  state.confirmRemove = false;
  state.draftValid = false;
}

void drawSettingsPanel(Frame& frame) {
  WidgetState& state = frame.state;
  const core::Settings& current = frame.view.settings;
  syncDraft(state, current);
  const float column = px(frame, kLabelColumnPx);

  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  ImGui::Separator();
  const bool firstRun = !frame.view.hasKey && !frame.snapshot.usage && !frame.snapshot.demo;
  if (firstRun) {
    // Nothing to show yet: only the key, so pasting and pressing Enter is all there is to do.
    heading(frame, "Session key");
    keySection(frame);
    heading(frame, "Or use Claude Code");
    claudeCodeSection(frame);
  } else if (ImGui::BeginTabBar("##settings")) {
    // Tabs keep the open panel short enough for a small screen at content scale 2.
    auto tab = [&](const char* label, ImGuiTabItemFlags flags, auto&& body) {
      const bool open = ImGui::BeginTabItem(label, nullptr, flags);
      recordItem(frame, label, true);
      if (!open) return;
      ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
      body();
      ImGui::EndTabItem();
    };
    const ImGuiTabItemFlags keyFlags = state.focusKeyField ? ImGuiTabItemFlags_SetSelected : 0;
    tab("Key", keyFlags, [&] { keySection(frame); });
    tab("Rows", 0, [&] { rowsSection(frame); });
    tab("Look", 0, [&] { lookSection(frame, column); });
    tab("Behaviour", 0, [&] { behaviourSection(frame, column); });
    tab("Alerts", 0, [&] { drawAlertSettings(frame, column); });
    ImGui::EndTabBar();
  }
  ImGui::Dummy(ImVec2(0.0f, px(frame, 4.0f)));
  if (!firstRun && button(frame, "Apply", state.draft != current)) frame.actions.applySettings = state.draft;
  if (!firstRun) ImGui::SameLine();
  if (button(frame, "Close##panel")) closeSettingsPanel(state);
}

}  // namespace cut::ui::detail
