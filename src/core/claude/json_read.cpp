#include "core/claude/json_read.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace cut::core::json_read {
namespace {

constexpr std::size_t kMaxExcerpt = 80;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool isKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

std::string quoteExcerpt(std::string_view text) {
  text = trim(text);
  const bool cut = text.size() > kMaxExcerpt;
  text = text.substr(0, kMaxExcerpt);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A body that echoes a session key must not carry it into a message: keep only "sk-ant-".
    if (text.substr(i, 7) == "sk-ant-") {
      out += "sk-ant-…";
      i += 7;
      while (i < text.size() && isKeyChar(text[i])) ++i;
      --i;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f) {
      out += ' ';
    } else if (byte >= 0x80) {
      out += '?';
    } else {
      out += text[i];
    }
  }
  return "\"" + out + (cut ? "…\"" : "\"");
}

std::string describeType(const Json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return "a number";
    default: return "something else";
  }
}

std::optional<std::string> parseBody(std::string_view body, std::string_view what, Json& out) {
  const std::string_view content = trim(body);
  const std::string expected = "expected " + std::string(what);
  if (content.empty()) return expected + ", got an empty body";
  if (content.front() == '<') return expected + ", got an HTML page: " + quoteExcerpt(content);
  try {
    out = Json::parse(content);
  } catch (const nlohmann::json::parse_error& error) {
    return expected + ", got text that is not valid JSON (at byte " + std::to_string(error.byte) +
           "): " + quoteExcerpt(content);
  } catch (const nlohmann::json::exception&) {
    return expected + ", got text that is not valid JSON: " + quoteExcerpt(content);
  }
  return std::nullopt;
}

std::optional<std::string> parseAnswer(std::string_view body, std::string_view what, Shape shape, Json& out) {
  if (auto message = parseBody(body, what, out)) return message;
  if (readString(member(out, "type")) == "error") {
    const Json* error = member(out, "error");
    const auto message = error ? readString(member(*error, "message")) : std::nullopt;
    return "the server answered with an error: " + quoteExcerpt(message.value_or("(no message)"));
  }
  if (shape == Shape::Object ? !out.is_object() : !out.is_array())
    return "expected " + std::string(what) + ", got " + describeType(out) + ": " + quoteExcerpt(body);
  return std::nullopt;
}

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<double> readNumber(const Json* value) {
  if (value == nullptr) return std::nullopt;
  double number = 0.0;
  if (value->is_number()) {
    number = value->get<double>();
  } else if (value->is_string()) {
    std::string_view text = trim(value->get_ref<const std::string&>());
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

std::optional<std::string> readString(const Json* value) {
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return value->get<std::string>();
}

bool readTrue(const Json* value) {
  if (value == nullptr) return false;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_number()) return value->get<double>() == 1.0;
  if (value->is_string()) {
    std::string text = value->get<std::string>();
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return trim(text) == "true";
  }
  return false;
}

}  // namespace cut::core::json_read
