#pragma once
// Fitting the status line to the terminal's width. Claude Code runs the command with COLUMNS and
// cuts whatever does not fit, so the line is shortened here in an order people can rely on
// (README, "Status line"), instead of losing whatever happens to be on the right.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cut::core {

/// One segment of the line in its possible forms, fullest first (forms[0]); each later form is
/// shorter. `segment` is the settings name ("dir", "five_hour", ...) or "stale" for the stale note.
struct StatuslinePart {
  std::string segment;
  std::vector<std::string> forms;
};

/// Columns `text` takes on a terminal: ANSI escape sequences take none, and each UTF-8 character
/// takes one (every glyph the line draws is one column wide; an East Asian wide character in a
/// directory name is counted as one and may make the line a column longer than measured).
std::size_t displayColumns(std::string_view text);

/// `text` cut to at most `columns` columns, ending in "…" when cut. Escape sequences are kept
/// whole, and with `color` a reset follows a cut so no colour leaks past the line.
std::string cutToColumns(std::string_view text, std::size_t columns, bool color);

/// The parts joined by `separator`. With `maxColumns` > 0 the line takes at most that many
/// columns: while it is too wide, the next step of the fit order is applied:
///   1. ", refreshing" leaves the stale note
///   2. directory, branch and model names longer than 16 columns are shortened to 16 ("…")
///   3. the per-model figures go, 4. then extra usage, 5. then the time the limit is reached,
///   6. the 5-hour window's reset time, 7. the cost, 8. the branch, 9. the model,
///   10. the context, 11. the 5-hour pace bar, 12. the directory, 13. the weekly figure.
/// The stale note and the 5-hour figure stay; should even they not fit, the line is cut.
std::string fitStatusline(std::vector<StatuslinePart> parts, std::string_view separator,
                          std::size_t maxColumns, bool color);

/// Names longer than this many columns are shortened in step 2 of the fit order.
inline constexpr std::size_t kShortNameColumns = 16;

}  // namespace cut::core
