#include "ui/widget.h"

#include <doctest/doctest.h>

#include "core/model/format.h"
#include "headless.h"
#include "ui/theme.h"

using namespace cut;
using namespace cut::ui;
using namespace cut::ui::test;
using namespace std::chrono_literals;

TEST_CASE("right-click menu: every entry is there, Quit quits, Escape closes it") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  const DrawnItem* row = findItem(widget, "Session (5h)");
  REQUIRE(row != nullptr);
  ui.click(widget, view, row->maxX + 20.0f, row->minY + 2.0f, 1);
  INFO(allText(widget));
  for (const char* entry : {"Refresh now", "Compact view", "Always on top", "Settings\u2026", "Quit"}) {
    CHECK_MESSAGE(drew(widget, entry), entry);
  }
  ui.pressKey(widget, view, kGlfwEscape);
  CHECK_FALSE(drew(widget, "Quit"));
  CHECK_FALSE(widget.settingsOpen());  // Escape closed the menu, not more

  ui.click(widget, view, row->maxX + 20.0f, row->minY + 2.0f, 1);
  REQUIRE(drew(widget, "Quit"));
  CHECK(ui.clickItem(widget, view, "Quit").quit);
}

TEST_CASE("right-click menu: refresh, always on top, compact and settings") {
  Headless ui;
  Widget widget;
  const ViewModel view = viewOf(okSnapshot());
  ui.frames(widget, view, 2);
  const DrawnItem row = *findItem(widget, "Session (5h)");
  auto openMenu = [&] {
    ui.waitPastDoubleClick(widget, view);
    ui.click(widget, view, row.maxX + 20.0f, row.minY + 2.0f, 1);
  };
  openMenu();
  CHECK(ui.clickItem(widget, view, "Refresh now").refresh);
  openMenu();
  CHECK(ui.clickItem(widget, view, "Always on top").toggleAlwaysOnTop);
  openMenu();
  const Actions compact = ui.clickItem(widget, view, "Compact view");
  REQUIRE(compact.applySettings.has_value());
  CHECK(compact.applySettings->compact);
  openMenu();
  ui.clickItem(widget, view, "Settings\u2026");
  CHECK(widget.settingsOpen());
}
