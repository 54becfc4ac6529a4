#pragma once
// Temporary stand-in for the ui module's fonts (same interface); replaced by the ui module.
#include <imgui.h>

namespace cut::ui {
bool buildFonts(float contentScale);
}  // namespace cut::ui
