#pragma once
// Internal to cut_core: the one way a JSON file we read becomes a tree. Include only from
// src/core/*.cpp (it brings in nlohmann/json). Nothing here throws: a file that does not parse, holds
// a number outside the double range or nests deeper than kMaxJsonDepth is an error value, so no file
// on disk can end the process (the library's own parse throws out_of_range for 1e400, and its
// recursive dump overflows the stack on a file nested 100,000 deep).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"

namespace cut::core::detail {

/// Deeper than any settings file or cache we know (Claude Code's settings nest 5 or 6 levels);
/// shallow enough that every recursive walk of the tree stays far from the stack's end.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonError {
  /// "is not valid JSON (error at byte N)", "nests arrays and objects deeper than 64 levels"...:
  /// meant to follow the file's name. Never quotes the file's text.
  std::string message;
};

/// Parses `text` in time linear in its size, duplicates and ordered_json's insertion-ordered
/// objects included (the library's ordered_map searches every key on each insert: 4 s for 50k keys).
/// A repeated key keeps its first position and its last value, as the library's own parse does.
Result<nlohmann::json, JsonError> parseJson(std::string_view text);
Result<nlohmann::ordered_json, JsonError> parseOrderedJson(std::string_view text);

}  // namespace cut::core::detail
