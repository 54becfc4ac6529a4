// GET /api/organizations/{org}/usage: legacy buckets, the newer `limits[]` array, extra usage.

#include "core/claude/usage_parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/claude/money_read.h"
#include "core/model/time_bounds.h"

namespace cut::core {
namespace {

using json_read::Json;
using json_read::member;

/// Percentages beyond this are garbage, not a very large overage; held here so a bar stays drawable.
constexpr double kMaxPercent = 1000.0;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxLabelLength = 40;

struct FamilyName {
  std::string_view key;
  std::string_view label;
};

/// Code names and spellings the service uses for model families and other weekly caps.
constexpr std::array<FamilyName, 8> kFamilies = {{{"opus", "Opus"},
                                                  {"sonnet", "Sonnet"},
                                                  {"haiku", "Haiku"},
                                                  {"omelette", "Claude Design"},
                                                  {"design", "Claude Design"},
                                                  {"cowork", "Cowork"},
                                                  {"oauth_apps", "OAuth Apps"},
                                                  {"fable", "Fable"}}};

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

/// Lower case, runs of anything but [a-z0-9] as one '_', no '_' at the ends, at most kMaxIdLength.
std::string toId(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      out += lower;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.size() > kMaxIdLength) out.resize(kMaxIdLength);
  return out;
}

/// "oauth_apps" -> "Oauth Apps".
std::string titleWords(std::string_view id) {
  std::string out;
  bool wordStart = true;
  for (const char c : id) {
    if (c == '_') {
      out += ' ';
      wordStart = true;
      continue;
    }
    out += (wordStart && c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    wordStart = false;
  }
  return out;
}

std::string familyLabel(std::string_view family) {
  for (const auto& known : kFamilies) {
    if (known.key == family) return std::string(known.label);
  }
  return titleWords(family);
}

std::string labelForId(std::string_view id) {
  if (id == "five_hour") return "Session (5h)";
  if (id == "seven_day") return "Weekly (all models)";
  if (startsWith(id, "seven_day_")) return "Weekly " + familyLabel(id.substr(10));
  if (startsWith(id, "five_hour_")) return "Session " + familyLabel(id.substr(10));
  return titleWords(id);
}

std::int64_t windowForId(std::string_view id) {
  if (id == "five_hour" || startsWith(id, "five_hour_")) return kFiveHourSeconds;
  if (id == "seven_day" || startsWith(id, "seven_day_")) return kSevenDaySeconds;
  return 0;
}

/// Display order: session, weekly all models, Opus, Sonnet, other weekly caps, everything else.
int rank(std::string_view id) {
  if (id == "five_hour") return 0;
  if (id == "seven_day") return 1;
  if (id == "seven_day_opus") return 2;
  if (id == "seven_day_sonnet") return 3;
  if (startsWith(id, "seven_day_")) return 4;
  if (startsWith(id, "five_hour_")) return 5;
  return 6;
}

double readPercent(const Json* value) {
  return std::clamp(json_read::readNumber(value).value_or(0.0), 0.0, kMaxPercent);
}

/// ISO-8601 text, or (tolerated) epoch seconds / milliseconds as a number.
std::optional<TimePoint> readTime(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return parseIsoTime(value->get_ref<const std::string&>());
  if (value->is_number()) {
    const double number = value->get<double>();
    return number > 1e11 ? timeFromEpochMs(number) : timeFromEpochSeconds(number);
  }
  return std::nullopt;
}

Limit makeLimit(std::string id, const Json& bucket, const Json* percent, TimePoint observedAt) {
  Limit limit;
  limit.label = labelForId(id);
  limit.windowSeconds = windowForId(id);
  limit.id = std::move(id);
  limit.usedPercent = readPercent(percent);
  limit.resetsAt = readTime(member(bucket, "resets_at"));
  limit.observedAt = observedAt;
  return limit;
}

bool isReservedKey(std::string_view key) { return key == "extra_usage" || key == "spend" || key == "limits"; }

/// A top-level object is a bucket when its key names a window, or when it looks like one.
bool isBucket(std::string_view key, const Json& value) {
  if (!value.is_object() || isReservedKey(key)) return false;
  if (key == "five_hour" || key == "seven_day" || startsWith(key, "seven_day_") ||
      startsWith(key, "five_hour_")) {
    return true;
  }
  return value.contains("utilization") || value.contains("resets_at");
}

std::vector<Limit> legacyBuckets(const Json& root, TimePoint observedAt) {
  std::vector<Limit> limits;
  for (const auto& [key, value] : root.items()) {
    if (!isBucket(key, value)) continue;
    std::string id = toId(key);
    if (id.empty()) continue;
    limits.push_back(makeLimit(std::move(id), value, member(value, "utilization"), observedAt));
  }
  return limits;
}

/// The family a weekly_scoped entry names: from scope.model.display_name, else scope.model.id.
std::pair<std::string, std::string> scopedFamily(const Json& entry) {
  const Json* scope = member(entry, "scope");
  const Json* model = scope ? member(*scope, "model") : nullptr;
  if (model == nullptr) return {};
  if (auto name = json_read::readString(member(*model, "display_name")); name && !toId(*name).empty()) {
    std::string family = toId(*name);
    std::string shown = name->size() <= kMaxLabelLength ? *name : name->substr(0, kMaxLabelLength);
    return {family, shown};
  }
  if (auto modelId = json_read::readString(member(*model, "id"))) {
    const std::string lowered = toId(*modelId);
    for (const auto& known : kFamilies) {
      if (lowered.find(known.key) != std::string::npos) return {std::string(known.key), {}};
    }
    return {lowered, {}};
  }
  return {};
}

std::optional<Limit> limitsEntry(const Json& entry, TimePoint observedAt) {
  if (!entry.is_object()) return std::nullopt;
  const std::string kind = toId(json_read::readString(member(entry, "kind")).value_or(""));
  if (kind.empty()) return std::nullopt;
  const Json* percent = member(entry, "percent");
  if (percent == nullptr) percent = member(entry, "utilization");

  if (kind == "session") return makeLimit("five_hour", entry, percent, observedAt);
  if (kind == "weekly_all") return makeLimit("seven_day", entry, percent, observedAt);
  if (kind == "weekly_scoped") {
    // Named members rather than a structured binding: clang 14 (the fuzzing build) cannot
    // capture a binding in a lambda.
    const auto scoped = scopedFamily(entry);
    const std::string family = scoped.first.empty() ? std::string("scoped") : scoped.first;
    const std::string& shown = scoped.second;
    Limit limit = makeLimit("seven_day_" + family, entry, percent, observedAt);
    const bool knownFamily = std::any_of(kFamilies.begin(), kFamilies.end(),
                                         [&](const FamilyName& known) { return known.key == family; });
    if (!knownFamily && !shown.empty()) limit.label = "Weekly " + shown;
    return limit;
  }
  return makeLimit(kind, entry, percent, observedAt);  // a kind this program does not know yet
}

std::vector<Limit> limitsArray(const Json& root, TimePoint observedAt) {
  std::vector<Limit> limits;
  const Json* array = member(root, "limits");
  if (array == nullptr || !array->is_array()) return limits;
  std::unordered_set<std::string> seen;  // linear de-duplication: bodies can hold thousands
  for (const Json& entry : *array) {
    auto limit = limitsEntry(entry, observedAt);
    if (limit && seen.insert(limit->id).second) limits.push_back(std::move(*limit));
  }
  return limits;
}

bool hasUsageShape(const Json& root) {
  for (const auto& [key, value] : root.items()) {
    if (key == "five_hour" || key == "seven_day" || isReservedKey(key) || startsWith(key, "seven_day_") ||
        startsWith(key, "five_hour_")) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<UsageReport, ParseError> parseUsageReport(std::string_view body, TimePoint observedAt) {
  Json root;
  if (auto message = json_read::parseAnswer(body, "a JSON object with usage", json_read::Shape::Object, root))
    return fail(ParseError{std::move(*message)});
  if (!hasUsageShape(root)) {
    return fail(ParseError{"expected usage (five_hour, seven_day or limits), got an object without them: " +
                           json_read::quoteExcerpt(body)});
  }

  UsageReport report;
  // limits[] first so its entries win; legacy buckets fill in what it does not name.
  report.usage.limits = limitsArray(root, observedAt);
  std::unordered_set<std::string> seen;
  for (const Limit& limit : report.usage.limits) seen.insert(limit.id);
  for (Limit& legacy : legacyBuckets(root, observedAt)) {
    if (seen.insert(legacy.id).second) report.usage.limits.push_back(std::move(legacy));
  }
  std::stable_sort(report.usage.limits.begin(), report.usage.limits.end(),
                   [](const Limit& a, const Limit& b) { return rank(a.id) < rank(b.id); });
  // The session and weekly figures sort first, so a body padded with thousands of limits loses
  // only its padding.
  if (report.usage.limits.size() > kMaxLimits) report.usage.limits.resize(kMaxLimits);

  const Json* extra = member(root, "extra_usage");
  const Json* spend = member(root, "spend");
  report.extraUsageReported = (extra && extra->is_object()) || (spend && spend->is_object());
  report.usage.extra = json_read::readExtraUsage(extra, spend);
  return report;
}

Result<Usage, ParseError> parseUsage(std::string_view body, TimePoint observedAt) {
  auto report = parseUsageReport(body, observedAt);
  if (!report) return fail(report.error());
  return std::move(report).value().usage;
}

}  // namespace cut::core
