#pragma once
// Tolerant readers of single JSON values, shared by core's parsers. Internal to src/core: no public
// header names a JSON type (only this one, which nothing outside src/core includes).

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cut::core::json_read {

/// Key order as the server sent it, so unknown buckets keep the server's order.
using Json = nlohmann::ordered_json;

/// Parses `body` into `out`. On failure returns a message for people: what was expected (`what`,
/// e.g. "a JSON object"), what arrived (an HTML page, nothing, invalid JSON at byte N) and at most
/// 80 characters of the body.
std::optional<std::string> parseBody(std::string_view body, std::string_view what, Json& out);

enum class Shape { Object, Array };

/// parseBody, then what every endpoint's answer is checked for: a `{"type": "error"}` body gives
/// the server's own message, said plainly; a body that is not `shape` gives a message naming what
/// came instead. Empty when `out` holds a `shape` to read.
std::optional<std::string> parseAnswer(std::string_view body, std::string_view what, Shape shape, Json& out);

/// "an array", "a string", "a number"... for messages about a body of the wrong shape.
std::string describeType(const Json& value);

/// At most 80 characters of `text` for a message, quoted, with control and non-ASCII bytes replaced
/// and anything shaped like a session key cut down to its prefix.
std::string quoteExcerpt(std::string_view text);

/// The member `key` of an object when present and not null; nullptr otherwise (also when `object`
/// is not an object).
const Json* member(const Json& object, std::string_view key);

/// A finite number from an int, a float or a numeric string ("38", " 38.5 ", "1e2"). Empty for
/// null, booleans, NaN/infinity spellings, out-of-range values and anything else.
std::optional<double> readNumber(const Json* value);

/// A string value; empty for anything that is not a string.
std::optional<std::string> readString(const Json* value);

/// true for JSON true, 1, "true" (any case); false for everything else.
bool readTrue(const Json* value);

}  // namespace cut::core::json_read
