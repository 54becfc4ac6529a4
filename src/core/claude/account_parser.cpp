// Organizations and extra usage (paid overage): the answers around the usage numbers.

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/claude/money_read.h"
#include "core/claude/usage_parser.h"

namespace cut::core {
namespace json_read {
namespace {

/// ISO 4217 currencies whose minor unit is not the hundredth, for amounts that come without an
/// explicit exponent (`decimal_places`, `exponent`).
int defaultExponent(const std::string& currency) {
  static constexpr std::array<std::string_view, 16> kZero = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                                             "KMF", "KRW", "PYG", "RWF", "UGX", "VND",
                                                             "VUV", "XAF", "XOF", "XPF"};
  static constexpr std::array<std::string_view, 7> kThree = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  if (std::find(kZero.begin(), kZero.end(), currency) != kZero.end()) return 0;
  if (std::find(kThree.begin(), kThree.end(), currency) != kThree.end()) return 3;
  return 2;
}

/// Three letters, upper-cased; anything else is dropped rather than shown.
std::string readCurrency(const Json* value) {
  const auto text = readString(value);
  if (!text || text->size() != 3) return {};
  std::string out;
  for (const char c : *text) {
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    } else if (c >= 'A' && c <= 'Z') {
      out += c;
    } else {
      return {};
    }
  }
  return out;
}

/// An explicit exponent when it is a whole number 0..6, else the currency's usual one.
int readExponent(const Json* value, const std::string& currency) {
  const auto number = readNumber(value);
  if (number && *number >= 0.0 && *number <= 6.0 && std::floor(*number) == *number) {
    return static_cast<int>(*number);
  }
  return defaultExponent(currency);
}

double toMajor(double minor, int exponent) { return minor / std::pow(10.0, exponent); }

/// A limit of zero or less says nothing useful about a cap: treated as not reported.
std::optional<double> positive(std::optional<double> value) {
  if (value && *value > 0.0) return value;
  return std::nullopt;
}

/// {amount_minor, currency, exponent} in major units, with its currency (or `fallbackCurrency`).
std::optional<std::pair<double, std::string>> readMoney(const Json* money,
                                                        const std::string& fallbackCurrency) {
  if (money == nullptr || !money->is_object()) return std::nullopt;
  const auto minor = readNumber(member(*money, "amount_minor"));
  if (!minor) return std::nullopt;
  std::string currency = readCurrency(member(*money, "currency"));
  if (currency.empty()) currency = fallbackCurrency;
  return std::pair{toMajor(*minor, readExponent(member(*money, "exponent"), currency)), currency};
}

std::optional<ExtraUsage> fromSpend(const Json& spend, const std::string& fallbackCurrency) {
  if (const Json* enabled = member(spend, "is_enabled"); enabled != nullptr && !readTrue(enabled)) {
    return std::nullopt;
  }
  const auto used = readMoney(member(spend, "used"), fallbackCurrency);
  if (!used) return std::nullopt;
  ExtraUsage extra{.used = used->first, .currency = used->second};
  if (const auto limit = readMoney(member(spend, "limit"), used->second))
    extra.limit = positive(limit->first);
  return extra;
}

}  // namespace

std::optional<ExtraUsage> readExtraUsage(const Json* extraUsage, const Json* spend) {
  if (extraUsage != nullptr && !extraUsage->is_object()) extraUsage = nullptr;
  if (spend == nullptr && extraUsage != nullptr) spend = member(*extraUsage, "spend");
  if (spend != nullptr && !spend->is_object()) spend = nullptr;

  const bool enabled = extraUsage != nullptr && readTrue(member(*extraUsage, "is_enabled"));
  if (extraUsage != nullptr && !enabled) return std::nullopt;  // switched off, whatever else it says

  const std::string currency = extraUsage ? readCurrency(member(*extraUsage, "currency")) : std::string();
  if (spend != nullptr) {
    if (auto extra = fromSpend(*spend, currency)) return extra;
  }
  if (!enabled) return std::nullopt;

  const int exponent = readExponent(member(*extraUsage, "decimal_places"), currency);
  ExtraUsage extra{.used = toMajor(readNumber(member(*extraUsage, "used_credits")).value_or(0.0), exponent),
                   .currency = currency};
  auto limit = readNumber(member(*extraUsage, "monthly_limit"));
  if (!limit) limit = readNumber(member(*extraUsage, "monthly_credit_limit"));
  if (limit) extra.limit = positive(toMajor(*limit, exponent));
  return extra;
}

}  // namespace json_read

using json_read::Json;

Result<std::vector<Organization>, ParseError> parseOrganizations(std::string_view body) {
  Json root;
  if (auto message =
          json_read::parseAnswer(body, "a JSON list of organizations", json_read::Shape::Array, root))
    return fail(ParseError{std::move(*message)});
  std::vector<Organization> organizations;
  for (const Json& entry : root) {
    auto uuid = json_read::readString(json_read::member(entry, "uuid"));
    if (!uuid || uuid->empty()) continue;  // nothing to ask for usage with
    Organization organization{.uuid = std::move(*uuid),
                              .name = json_read::readString(json_read::member(entry, "name")).value_or("")};
    if (const Json* capabilities = json_read::member(entry, "capabilities");
        capabilities && capabilities->is_array()) {
      for (const Json& capability : *capabilities) {
        if (capability.is_string()) organization.capabilities.push_back(capability.get<std::string>());
      }
    }
    organizations.push_back(std::move(organization));
  }
  return organizations;
}

Result<std::optional<ExtraUsage>, ParseError> parseOverageSpendLimit(std::string_view body) {
  Json root;
  if (auto message = json_read::parseAnswer(body, "a JSON object with the overage spend limit",
                                            json_read::Shape::Object, root))
    return fail(ParseError{std::move(*message)});
  return json_read::readExtraUsage(&root, json_read::member(root, "spend"));
}

}  // namespace cut::core
