// What Claude Code writes to the status line's stdin, rendered at the width its first byte picks.
#include "core/statusline/statusline_fit.h"
#include "core/statusline/statusline_input.h"
#include "core/statusline/statusline_render.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  if (size == 0) return 0;
  core::StatuslineView view;
  view.input = core::parseStatuslineInput(fuzz::text(data + 1, size - 1), fuzz::kNow);
  view.cache = core::CachedUsage{.usage = {.limits = view.input.rateLimits, .extra = std::nullopt},
                                 .extraObservedAt = std::nullopt,
                                 .organizationName = {}};
  core::StatuslineStyle style;
  style.layout.segments = {"dir",    "branch", "model",     "context", "five_hour",
                           "weekly", "cost",   "per_model", "extra"};
  style.color = (data[0] & 0x80) != 0;
  style.maxColumns = data[0] & 0x7f;
  const std::string line = core::renderStatusline(view, style, fuzz::kNow);
  // One line, within the width asked for.
  if (line.find('\n') != std::string::npos) __builtin_trap();
  if (style.maxColumns > 0 && core::displayColumns(line) > style.maxColumns) __builtin_trap();
  return 0;
}
