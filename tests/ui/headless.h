#pragma once
// A headless Dear ImGui context for UI tests: real font atlas, fake texture id, no backend and no
// window. Input is fed the way ImGui 1.86's GLFW backend feeds it (GLFW key codes in io.KeysDown).
// Debian's libimgui.a keeps its assert()s, so any ImGui assertion aborts the test run.

#include <imgui.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/snapshot.h"
#include "ui/fonts.h"
#include "ui/widget.h"

namespace cut::ui::test {

// GLFW key codes (as the GLFW backend writes them into io.KeyMap / io.KeysDown).
inline constexpr int kGlfwEnter = 257;
inline constexpr int kGlfwEscape = 256;
inline constexpr int kGlfwLeftCtrl = 341;

/// ORs the one-shot requests of `a` into `into`; sizes and drag deltas take the latest values.
void mergeInto(Actions& into, const Actions& a);

class Headless {
 public:
  explicit Headless(float scale = 1.0f);
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  bool fontsLoaded() const { return m_fontsLoaded; }

  /// One frame: NewFrame, draw, Render. Advances ImGui's clock by 1/60 s.
  Actions frame(Widget& widget, const ViewModel& view);
  /// `count` frames; the returned actions OR together what every frame asked for.
  Actions frames(Widget& widget, const ViewModel& view, int count);

  void mouseMove(float x, float y);
  void mouseButton(int button, bool down);
  /// Press in one frame, release in the next, then one settling frame; returns the merged actions.
  Actions click(Widget& widget, const ViewModel& view, float x, float y, int button = 0);
  /// Clicks the middle of the first control drawn with exactly `text`; no-op when there is none.
  Actions clickItem(Widget& widget, const ViewModel& view, std::string_view text, int button = 0);
  /// Holds `key` (a GLFW key code) down for two frames, with Ctrl when asked.
  Actions pressKey(Widget& widget, const ViewModel& view, int key, bool ctrl = false);
  void type(std::string_view text);
  /// Lets ImGui's double-click window pass so the next click is a single click.
  void waitPastDoubleClick(Widget& widget, const ViewModel& view);

  /// Every vertex colour in the last frame's draw data that is fully opaque to the eye (alpha > 0).
  std::set<ImU32> vertexColors() const;
  int vertexCount() const;

 private:
  ImGuiContext* m_context = nullptr;
  bool m_fontsLoaded = false;
};

const DrawnItem* findItem(const Widget& widget, std::string_view text);
/// The first control (button, checkbox, menu item, link) with exactly this text.
const DrawnItem* findControl(const Widget& widget, std::string_view text);
bool drew(const Widget& widget, std::string_view text);
bool drewContaining(const Widget& widget, std::string_view part);
std::string allText(const Widget& widget);

/// A fixed moment and data for every test: 5-hour window at 38 %, weekly 72 %, Opus 91 %, an
/// unknown weekly bucket, extra usage in euros.
core::TimePoint testNow();
core::Usage sampleUsage();
core::UsageSnapshot okSnapshot();
/// okSnapshot() whose last attempt failed with `kind` (12 min after the last success).
core::UsageSnapshot withError(core::ErrorKind kind, int status = 0);
ViewModel viewOf(core::UsageSnapshot snapshot);

}  // namespace cut::ui::test
