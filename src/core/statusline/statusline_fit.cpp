#include "core/statusline/statusline_fit.h"

#include <algorithm>
#include <array>

namespace cut::core {
namespace {

struct FitStep {
  std::string_view segment;
  std::size_t form;  ///< the form to use from this step on; kDrop leaves the segment out
};
constexpr std::size_t kDrop = static_cast<std::size_t>(-1);

// The order documented in the header and the README: least important first.
constexpr std::array<FitStep, 15> kFitOrder = {{{"stale", 1},
                                                {"dir", 1},
                                                {"branch", 1},
                                                {"model", 1},
                                                {"per_model", kDrop},
                                                {"extra", kDrop},
                                                {"limit_at", kDrop},
                                                {"five_hour", 1},
                                                {"cost", kDrop},
                                                {"branch", kDrop},
                                                {"model", kDrop},
                                                {"context", kDrop},
                                                {"five_hour", 2},
                                                {"dir", kDrop},
                                                {"weekly", kDrop}}};

bool isContinuation(unsigned char byte) { return (byte & 0xc0) == 0x80; }

// Length of the escape sequence starting at text[i] (text[i] == ESC): CSI up to its final byte,
// otherwise ESC and the byte after it.
std::size_t escapeLength(std::string_view text, std::size_t i) {
  if (i + 1 < text.size() && text[i + 1] == '[') {
    std::size_t end = i + 2;
    while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7e)) ++end;
    return std::min(end + 1, text.size()) - i;
  }
  return std::min<std::size_t>(2, text.size() - i);
}

struct Placed {
  const StatuslinePart* part;
  std::size_t form = 0;
  bool dropped = false;
};

std::string join(const std::vector<Placed>& placed, std::string_view separator) {
  std::string line;
  bool first = true;
  for (const Placed& p : placed) {
    if (p.dropped) continue;
    if (!first) line += separator;
    line += p.part->forms[p.form];
    first = false;
  }
  return line;
}

}  // namespace

std::size_t displayColumns(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {
      i += escapeLength(text, i);
      continue;
    }
    if (!isContinuation(static_cast<unsigned char>(text[i]))) ++columns;
    ++i;
  }
  return columns;
}

std::string cutToColumns(std::string_view text, std::size_t columns, bool color) {
  if (displayColumns(text) <= columns) return std::string(text);
  if (columns == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {
      const std::size_t length = escapeLength(text, i);
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    const bool starts = !isContinuation(static_cast<unsigned char>(text[i]));
    if (starts && used == columns - 1) break;  // room for the ellipsis only
    if (starts) ++used;
    out += text[i++];
  }
  if (color) out += "\x1b[0m";
  return out + "\u2026";
}

std::string fitStatusline(std::vector<StatuslinePart> parts, std::string_view separator,
                          std::size_t maxColumns, bool color) {
  std::vector<Placed> placed;
  placed.reserve(parts.size());
  for (const StatuslinePart& part : parts)
    if (!part.forms.empty()) placed.push_back(Placed{&part});
  std::string line = join(placed, separator);
  if (maxColumns == 0) return line;
  for (const FitStep& step : kFitOrder) {
    if (displayColumns(line) <= maxColumns) return line;
    for (Placed& p : placed) {
      if (p.part->segment != step.segment || p.dropped) continue;
      if (step.form == kDrop)
        p.dropped = true;
      else
        p.form = std::max(p.form, std::min(step.form, p.part->forms.size() - 1));
    }
    line = join(placed, separator);
  }
  return cutToColumns(line, maxColumns, color);
}

}  // namespace cut::core
