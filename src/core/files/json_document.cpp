#include "core/files/json_document.h"

#include <iterator>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cut::core::detail {
namespace {

// Builds the tree with an explicit stack (no recursion), refusing depth past kMaxJsonDepth before
// anything that deep exists. Objects keep a key → position index while open, so each insert is
// constant time whatever the object type.
template <typename Json>
class Builder {
 public:
  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;

  bool null() { return add(Json(nullptr)); }
  bool boolean(bool value) { return add(Json(value)); }
  bool number_integer(number_integer_t value) { return add(Json(value)); }
  bool number_unsigned(number_unsigned_t value) { return add(Json(value)); }
  bool number_float(number_float_t value, const string_t&) { return add(Json(value)); }
  bool string(string_t& value) { return add(Json(std::move(value))); }
  bool binary(binary_t& value) { return add(Json::binary(std::move(value))); }

  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool key(string_t& name) {
    m_stack.back().key = std::move(name);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    // Error 406 is a number the double cannot hold (1e400): the text is JSON, the value is not usable.
    if (error.id == 406)
      m_error = "holds a number too large to use (at byte " + std::to_string(position) + ")";
    else
      m_error = "is not valid JSON (error at byte " + std::to_string(position) + ")";
    return false;
  }

  Result<Json, JsonError> finish(bool parsed) {
    if (m_tooDeep)
      return fail(
          JsonError{"nests arrays and objects deeper than " + std::to_string(kMaxJsonDepth) + " levels"});
    if (!parsed || !m_root)
      return fail(JsonError{m_error.empty() ? std::string("is not valid JSON") : m_error});
    return std::move(*m_root);
  }

 private:
  struct Frame {
    Json value;
    std::unordered_map<string_t, std::size_t> positions;  // objects only
    string_t key;
  };

  bool open(Json container) {
    if (m_stack.size() >= kMaxJsonDepth) {
      m_tooDeep = true;
      return false;
    }
    m_stack.push_back(Frame{std::move(container), {}, {}});
    return true;
  }

  bool close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    return add(std::move(frame.value));
  }

  bool add(Json value) {
    if (m_stack.empty()) {
      m_root = std::move(value);
      return true;
    }
    Frame& parent = m_stack.back();
    if (parent.value.is_array()) {
      parent.value.template get_ref<typename Json::array_t&>().push_back(std::move(value));
      return true;
    }
    auto& object = parent.value.template get_ref<typename Json::object_t&>();
    const auto [it, inserted] = parent.positions.try_emplace(parent.key, parent.positions.size());
    if constexpr (std::is_same_v<Json, nlohmann::ordered_json>) {
      // ordered_map is a vector of pairs: appending directly skips its linear search for the key.
      if (inserted)
        object.emplace_back(parent.key, std::move(value));
      else
        std::next(object.begin(), static_cast<std::ptrdiff_t>(it->second))->second = std::move(value);
    } else {
      object[parent.key] = std::move(value);
    }
    return true;
  }

  std::vector<Frame> m_stack;
  std::optional<Json> m_root;
  std::string m_error;
  bool m_tooDeep = false;
};

template <typename Json>
Result<Json, JsonError> parse(std::string_view text) {
  Builder<Json> builder;
  try {
    const bool parsed = Json::sax_parse(text.begin(), text.end(), &builder);
    return builder.finish(parsed);
  } catch (const nlohmann::json::exception&) {
    // sax_parse reports through parse_error; this is for anything a future version throws instead.
    return fail(JsonError{"is not valid JSON"});
  }
}

}  // namespace

Result<nlohmann::json, JsonError> parseJson(std::string_view text) { return parse<nlohmann::json>(text); }

Result<nlohmann::ordered_json, JsonError> parseOrderedJson(std::string_view text) {
  return parse<nlohmann::ordered_json>(text);
}

}  // namespace cut::core::detail
