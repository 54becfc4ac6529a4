#include "core/statusline/statusline_input.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/model/time_bounds.h"

namespace cut::core {
namespace {

using json = nlohmann::json;

// Deeper nesting than this is not something Claude Code sends; stop rather than grow a stack.
constexpr std::size_t kMaxDepth = 32;

std::optional<double> numberFromText(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// The leaves the status line uses, collected by their dotted path while the document streams by.
// A SAX read keeps everything seen before a syntax error, which is what makes a truncated
// document still useful.
struct Fields {
  std::optional<std::string> cwd, currentDir, modelName, modelId;
  std::optional<double> contextPercent, contextSize, inputTokens, cacheCreation, cacheRead, cost;
  std::optional<double> fivePercent, fiveResets, weekPercent, weekResets;
  bool object = false;
};

class Collector final : public nlohmann::json_sax<json> {
 public:
  explicit Collector(Fields& fields) : m_fields(fields) {}

  bool null() override { return leaf(); }
  bool boolean(bool) override { return leaf(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& v) override {
    if (!m_started) return false;
    if (auto* target = textTarget())
      *target = v;
    else if (auto* numeric = numberTarget())
      *numeric = numberFromText(v);
    return leaf();
  }
  bool binary(binary_t&) override { return leaf(); }
  bool start_object(std::size_t) override {
    if (!m_started) {
      m_started = true;
      m_fields.object = true;
      return true;
    }
    return push();
  }
  bool key(string_t& v) override {
    m_key = v;
    return true;
  }
  bool end_object() override { return pop(); }
  bool start_array(std::size_t) override {
    if (!m_started) return false;
    m_key.clear();  // array elements have no key: nothing inside an array is read
    return push();
  }
  bool end_array() override { return pop(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool push() {
    if (m_path.size() >= kMaxDepth) return false;
    m_path.push_back(m_key);
    m_key.clear();
    return true;
  }
  bool pop() {
    if (!m_path.empty()) m_path.pop_back();
    m_key.clear();
    return true;
  }
  bool leaf() {
    m_key.clear();
    return m_started;
  }
  bool number(double v) {
    if (!m_started) return false;
    if (auto* target = numberTarget(); target != nullptr && std::isfinite(v)) *target = v;
    return leaf();
  }

  bool at(std::string_view parent, std::string_view name) const {
    if (m_key != name) return false;
    if (parent.empty()) return m_path.empty();
    return m_path.size() == 1 && m_path[0] == parent;
  }
  bool atRate(std::string_view window, std::string_view name) const {
    return m_key == name && m_path.size() == 2 && m_path[0] == "rate_limits" && m_path[1] == window;
  }

  std::optional<std::string>* textTarget() {
    if (at("", "cwd")) return &m_fields.cwd;
    if (at("workspace", "current_dir")) return &m_fields.currentDir;
    if (at("model", "display_name")) return &m_fields.modelName;
    if (at("model", "id")) return &m_fields.modelId;
    return nullptr;
  }
  std::optional<double>* numberTarget() {
    if (at("context_window", "used_percentage")) return &m_fields.contextPercent;
    if (at("context_window", "context_window_size")) return &m_fields.contextSize;
    if (at("cost", "total_cost_usd")) return &m_fields.cost;
    if (atRate("five_hour", "used_percentage")) return &m_fields.fivePercent;
    if (atRate("five_hour", "resets_at")) return &m_fields.fiveResets;
    if (atRate("seven_day", "used_percentage")) return &m_fields.weekPercent;
    if (atRate("seven_day", "resets_at")) return &m_fields.weekResets;
    if (m_path.size() == 2 && m_path[0] == "context_window" && m_path[1] == "current_usage") {
      if (m_key == "input_tokens") return &m_fields.inputTokens;
      if (m_key == "cache_creation_input_tokens") return &m_fields.cacheCreation;
      if (m_key == "cache_read_input_tokens") return &m_fields.cacheRead;
    }
    return nullptr;
  }

  Fields& m_fields;
  std::vector<std::string> m_path;
  std::string m_key;
  bool m_started = false;
};

// Epoch seconds; a value too large to be seconds (after the year 5000) is taken as milliseconds.
// Anything past kMaxEpochSeconds either way is no reset time at all.
std::optional<TimePoint> epochTime(std::optional<double> value) {
  if (!value) return std::nullopt;
  return *value > 1e11 ? timeFromEpochMs(*value) : timeFromEpochSeconds(*value);
}

void addLimit(StatuslineInput& input, const char* id, const char* label, std::int64_t window,
              std::optional<double> percent, std::optional<double> resets, TimePoint now) {
  if (!percent || *percent < 0) return;
  Limit limit;
  limit.id = id;
  limit.label = label;
  limit.usedPercent = *percent;
  limit.resetsAt = epochTime(resets);
  limit.windowSeconds = window;
  limit.source = Source::ClaudeCode;
  limit.observedAt = now;
  input.rateLimits.push_back(std::move(limit));
}

}  // namespace

const Limit* StatuslineInput::find(std::string_view id) const {
  for (const Limit& limit : rateLimits)
    if (limit.id == id) return &limit;
  return nullptr;
}

StatuslineInput parseStatuslineInput(std::string_view text, TimePoint now) {
  if (text.size() > kMaxStatuslineInputBytes) text = text.substr(0, kMaxStatuslineInputBytes);
  Fields fields;
  Collector collector(fields);
  json::sax_parse(text.begin(), text.end(), &collector, json::input_format_t::json, false);

  StatuslineInput input;
  input.anyField = fields.object;
  input.currentDir = fields.currentDir.value_or(fields.cwd.value_or(""));
  if (input.currentDir.empty() && fields.cwd) input.currentDir = *fields.cwd;
  input.model = fields.modelName.value_or("");
  if (input.model.empty()) input.model = fields.modelId.value_or("");
  if (fields.contextPercent) {
    input.contextPercent = fields.contextPercent;
  } else if (fields.contextSize && *fields.contextSize > 0 && fields.inputTokens) {
    // Older releases send only the token counts; what the next request carries is the context.
    const double used = *fields.inputTokens + fields.cacheCreation.value_or(0) + fields.cacheRead.value_or(0);
    input.contextPercent = used * 100.0 / *fields.contextSize;
  }
  if (fields.cost && *fields.cost >= 0) input.costUsd = fields.cost;
  addLimit(input, "five_hour", "Session (5h)", kFiveHourSeconds, fields.fivePercent, fields.fiveResets, now);
  addLimit(input, "seven_day", "Weekly (all models)", kSevenDaySeconds, fields.weekPercent, fields.weekResets,
           now);
  return input;
}

}  // namespace cut::core
