// The settings panel's Alerts tab: which desktop notifications fire and at which percents (the
// draft's `alerts`), and "Send a test notification" with what came of it.

#include "widget_state.h"

#include <imgui_stdlib.h>

#include <cmath>

namespace cut::ui::detail {

namespace {

void testNotificationLine(Frame& frame) {
  const NotificationTest& test = frame.view.notificationTest;
  const bool sending = test.state == NotificationTest::State::Sending;
  if (button(frame, "Send a test notification", !sending)) frame.actions.sendTestNotification = true;
  if (test.message.empty()) return;
  ImU32 color = toneColor(Tone::Muted);
  if (test.state == NotificationTest::State::Sent) color = bandColor(Band::Green, false);
  if (test.state == NotificationTest::State::Failed) color = toneColor(Tone::Error);
  textWrapped(frame, FontRole::Small, color, test.message);
}

}  // namespace

void drawAlertSettings(Frame& frame, float column) {
  WidgetState& state = frame.state;
  core::AlertSettings& alerts = state.draft.alerts;
  textWrapped(frame, FontRole::Small, toneColor(Tone::Muted),
              "Desktop notifications, each once per window. They carry the limit's name and percent to "
              "this computer's notification service, nothing else.");
  ImGui::Checkbox("Session at", &alerts.session);
  recordItem(frame, "Session at", true);
  ImGui::SameLine(column);
  ImGui::SetNextItemWidth(-1.0f);
  if (!state.alertPercentsTaken) {
    state.alertPercentsText = core::formatSessionPercents(alerts.sessionPercents);
    state.alertPercentsProblem.clear();
    state.alertPercentsTaken = true;
  }
  if (ImGui::InputText("##session-percents", &state.alertPercentsText)) {
    // A list that does not parse leaves the draft's list as it was, and says why.
    auto parsed = core::parseSessionPercents(state.alertPercentsText);
    if (parsed) {
      alerts.sessionPercents = std::move(parsed.value());
      state.alertPercentsProblem.clear();
    } else {
      state.alertPercentsProblem = parsed.error();
    }
  }
  recordItem(frame, "Session percents", true);
  if (!state.alertPercentsProblem.empty()) {
    const std::string kept = alerts.sessionPercents.empty()
                                 ? std::string("none")
                                 : core::formatSessionPercents(alerts.sessionPercents);
    textWrapped(frame, FontRole::Small, toneColor(Tone::Error),
                "Keeping " + kept + ": " + state.alertPercentsProblem + ".");
  }
  ImGui::Checkbox("Weekly at", &alerts.weekly);
  recordItem(frame, "Weekly at", true);
  ImGui::SameLine(column);
  ImGui::SetNextItemWidth(-1.0f);
  int weekly = static_cast<int>(std::lround(alerts.weeklyPercent));
  if (ImGui::SliderInt("##weekly-percent", &weekly, 1, 100, "%d%%", ImGuiSliderFlags_AlwaysClamp))
    alerts.weeklyPercent = weekly;
  ImGui::Checkbox("A fresh window after 90%", &alerts.freshWindow);
  recordItem(frame, "A fresh window after 90%", true);
  ImGui::Checkbox("The key expired", &alerts.keyExpired);
  recordItem(frame, "The key expired", true);
  ImGui::Checkbox("On course for the limit", &alerts.projectionCritical);
  recordItem(frame, "On course for the limit", true);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("When the projection at the reset reaches 100%%");
  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  testNotificationLine(frame);
}

}  // namespace cut::ui::detail
