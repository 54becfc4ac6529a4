#include "headless.h"

#include <cfloat>
#include <chrono>
#include <cstdint>

namespace cut::ui::test {

using namespace std::chrono_literals;

void mergeInto(Actions& into, const Actions& a) {
  into.refresh |= a.refresh;
  into.quit |= a.quit;
  into.toggleAlwaysOnTop |= a.toggleAlwaysOnTop;
  into.removeKey |= a.removeKey;
  into.requestClipboardPaste |= a.requestClipboardPaste;
  into.installStatusline |= a.installStatusline;
  into.removeStatusline |= a.removeStatusline;
  into.dismissNotices |= a.dismissNotices;
  into.dismissAlerts |= a.dismissAlerts;
  into.sendTestNotification |= a.sendTestNotification;
  into.dragging |= a.dragging;
  into.dragReleased |= a.dragReleased;
  if (a.dragging) {
    into.grabX = a.grabX;
    into.grabY = a.grabY;
  }
  if (a.testAndSaveKey) into.testAndSaveKey = a.testAndSaveKey;
  if (a.applySettings) into.applySettings = a.applySettings;
  into.contentWidth = a.contentWidth;
  into.contentHeight = a.contentHeight;
  into.animating = a.animating;
}

Headless::Headless(float scale) {
  IMGUI_CHECKVERSION();
  m_context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(800.0f, 600.0f);
  io.DeltaTime = 1.0f / 60.0f;
  m_fontsLoaded = buildFonts(scale);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
  io.KeyMap[ImGuiKey_Tab] = 258;
  io.KeyMap[ImGuiKey_LeftArrow] = 263;
  io.KeyMap[ImGuiKey_RightArrow] = 262;
  io.KeyMap[ImGuiKey_UpArrow] = 265;
  io.KeyMap[ImGuiKey_DownArrow] = 264;
  io.KeyMap[ImGuiKey_Home] = 268;
  io.KeyMap[ImGuiKey_End] = 269;
  io.KeyMap[ImGuiKey_Delete] = 261;
  io.KeyMap[ImGuiKey_Backspace] = 259;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = kGlfwEnter;
  io.KeyMap[ImGuiKey_Escape] = kGlfwEscape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 335;
  io.KeyMap[ImGuiKey_A] = 'A';
  io.KeyMap[ImGuiKey_C] = 'C';
  io.KeyMap[ImGuiKey_V] = 'V';
  io.KeyMap[ImGuiKey_X] = 'X';
  io.KeyMap[ImGuiKey_Y] = 'Y';
  io.KeyMap[ImGuiKey_Z] = 'Z';
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

Headless::~Headless() { ImGui::DestroyContext(m_context); }

Actions Headless::frame(Widget& widget, const ViewModel& view) {
  ImGui::NewFrame();
  Actions actions = widget.draw(view);
  ImGui::Render();
  // Like the platform layer: the window (the display) takes the size the widget asked for.
  if (actions.contentWidth >= 1.0f && actions.contentHeight >= 1.0f) {
    ImGui::GetIO().DisplaySize = ImVec2(actions.contentWidth, actions.contentHeight);
  }
  return actions;
}

Actions Headless::frames(Widget& widget, const ViewModel& view, int count) {
  Actions merged;
  for (int i = 0; i < count; ++i) mergeInto(merged, frame(widget, view));
  return merged;
}

void Headless::mouseMove(float x, float y) { ImGui::GetIO().MousePos = ImVec2(x, y); }

void Headless::mouseButton(int button, bool down) { ImGui::GetIO().MouseDown[button] = down; }

Actions Headless::click(Widget& widget, const ViewModel& view, float x, float y, int button) {
  mouseMove(x, y);
  Actions merged = frame(widget, view);
  mouseButton(button, true);
  mergeInto(merged, frame(widget, view));
  mouseButton(button, false);
  mergeInto(merged, frames(widget, view, 2));
  return merged;
}

Actions Headless::clickItem(Widget& widget, const ViewModel& view, std::string_view text, int button) {
  const DrawnItem* item = findControl(widget, text);
  if (item == nullptr) return Actions{};
  const float x = (item->minX + item->maxX) * 0.5f;
  const float y = (item->minY + item->maxY) * 0.5f;
  return click(widget, view, x, y, button);
}

Actions Headless::pressKey(Widget& widget, const ViewModel& view, int key, bool ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = ctrl;
  io.KeysDown[kGlfwLeftCtrl] = ctrl;
  io.KeysDown[key] = true;
  Actions actions = frames(widget, view, 2);
  io.KeysDown[key] = false;
  io.KeysDown[kGlfwLeftCtrl] = false;
  io.KeyCtrl = false;
  mergeInto(actions, frame(widget, view));
  return actions;
}

void Headless::type(std::string_view text) {
  ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
}

void Headless::waitPastDoubleClick(Widget& widget, const ViewModel& view) { frames(widget, view, 30); }

std::set<ImU32> Headless::vertexColors() const {
  std::set<ImU32> colors;
  const ImDrawData* data = ImGui::GetDrawData();
  if (data == nullptr) return colors;
  for (int i = 0; i < data->CmdListsCount; ++i) {
    for (const ImDrawVert& vertex : data->CmdLists[i]->VtxBuffer) {
      if ((vertex.col & IM_COL32_A_MASK) != 0) colors.insert(vertex.col);
    }
  }
  return colors;
}

int Headless::vertexCount() const {
  const ImDrawData* data = ImGui::GetDrawData();
  return data == nullptr ? 0 : data->TotalVtxCount;
}

const DrawnItem* findItem(const Widget& widget, std::string_view text) {
  for (const DrawnItem& item : widget.drawnItems()) {
    if (item.text == text) return &item;
  }
  return nullptr;
}

const DrawnItem* findControl(const Widget& widget, std::string_view text) {
  for (const DrawnItem& item : widget.drawnItems()) {
    if (item.control && item.text == text) return &item;
  }
  return nullptr;
}

bool drew(const Widget& widget, std::string_view text) { return findItem(widget, text) != nullptr; }

bool drewContaining(const Widget& widget, std::string_view part) {
  for (const DrawnItem& item : widget.drawnItems()) {
    if (item.text.find(part) != std::string::npos) return true;
  }
  return false;
}

std::string allText(const Widget& widget) {
  std::string all;
  for (const DrawnItem& item : widget.drawnItems()) all += item.text + " | ";
  return all;
}

core::TimePoint testNow() { return core::Clock::from_time_t(1'800'000'000); }

core::Usage sampleUsage() {
  const core::TimePoint now = testNow();
  core::Usage usage;
  usage.limits.push_back(core::Limit{.id = "five_hour",
                                     .label = "Session (5h)",
                                     .usedPercent = 38.0,
                                     .resetsAt = now + 3h + 47min,
                                     .windowSeconds = core::kFiveHourSeconds,
                                     .observedAt = now - 2min});
  usage.limits.push_back(core::Limit{.id = "seven_day",
                                     .label = "Weekly (all models)",
                                     .usedPercent = 72.0,
                                     .resetsAt = now + 50h,
                                     .windowSeconds = core::kSevenDaySeconds,
                                     .observedAt = now - 2min});
  usage.limits.push_back(core::Limit{.id = "seven_day_opus",
                                     .label = "Weekly Opus",
                                     .usedPercent = 91.0,
                                     .resetsAt = now + 50h,
                                     .windowSeconds = core::kSevenDaySeconds,
                                     .observedAt = now - 2min});
  usage.limits.push_back(core::Limit{.id = "seven_day_claude_design",
                                     .label = "Weekly Claude Design",
                                     .usedPercent = 12.0,
                                     .resetsAt = std::nullopt,
                                     .windowSeconds = core::kSevenDaySeconds,
                                     .observedAt = now - 2min});
  usage.extra = core::ExtraUsage{.used = 15.38, .limit = 25.0, .currency = "EUR"};
  return usage;
}

core::UsageSnapshot okSnapshot() {
  const core::TimePoint now = testNow();
  core::UsageSnapshot snapshot;
  snapshot.usage = sampleUsage();
  snapshot.organization = core::Organization{.uuid = "org-1", .name = "Acme Research"};
  snapshot.organizations = {*snapshot.organization};
  snapshot.lastSuccess = now - 2min;
  snapshot.lastAttempt = now - 2min;
  snapshot.nextAttempt = now + 58s;
  return snapshot;
}

core::UsageSnapshot withError(core::ErrorKind kind, int status) {
  using namespace std::chrono_literals;
  core::UsageSnapshot snapshot = okSnapshot();
  snapshot.error = core::FetchError{kind, "details for people", status, std::nullopt};
  snapshot.lastSuccess = testNow() - 12min;
  snapshot.nextAttempt = testNow() + 5min;
  snapshot.paused = core::pausesPolling(kind);
  return snapshot;
}

ViewModel viewOf(core::UsageSnapshot snapshot) {
  ViewModel view;
  view.snapshot = std::make_shared<const core::UsageSnapshot>(std::move(snapshot));
  view.now = testNow();
  view.hasKey = true;
  view.keyFilePath = "~/.claude-session-key";
  view.keyFileMode = "0600";
  return view;
}

}  // namespace cut::ui::test
