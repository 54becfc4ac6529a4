#pragma once
// The status line as text: one line, built only from values passed in (no clock, no files, no
// environment), so every variant can be checked against a golden line.

#include <optional>
#include <string>

#include "core/files/settings.h"
#include "core/statusline/statusline_input.h"
#include "core/files/usage_cache.h"

namespace cut::core {

struct StatuslineView {
  StatuslineInput input;
  /// The shared usage cache, when one could be read.
  std::optional<CachedUsage> cache;
  /// From gitBranch(); empty outside a repository.
  std::optional<std::string> branch;
  /// A background refresh of the cache was started for this render.
  bool refreshing = false;
};

struct StatuslineStyle {
  StatuslineSettings layout;
  /// Colour bands, percent (Settings.amberPercent / redPercent).
  double amberPercent = 70.0;
  double redPercent = 90.0;
  /// 256-colour ANSI escapes; false gives plain text.
  bool color = true;
  /// The terminal's width in columns; the line is fitted to it (statusline_fit.h). 0: no limit.
  std::size_t maxColumns = 0;
};

/// Whether to colour, from the `color_mode` setting and NO_COLOR's value (nullptr when unset).
/// "none" never colours; "256" always does (a setting overrides NO_COLOR, as no-color.org asks);
/// "auto" colours unless NO_COLOR is set to a non-empty value.
bool statuslineUsesColor(const std::string& colorMode, const char* noColorEnv);

/// One line, no newline. Usage numbers come from the input's rate_limits first, then the cache;
/// with neither, "5h –". Numbers read from a cache older than kCacheFreshFor carry a stale mark
/// ("stale 12m"), and so do cache readings dated after `now` ("stale, dated ahead").
std::string renderStatusline(const StatuslineView& view, const StatuslineStyle& style, TimePoint now);

/// The 10-cell bar for `percent` with the even-pace marker inserted at `elapsedFraction` (when
/// known): "▰▰▰▰│▱▱▱▱▱▱". Plain text; colour is added by the caller.
std::string paceBar(double percent, std::optional<double> elapsedFraction);

}  // namespace cut::core
