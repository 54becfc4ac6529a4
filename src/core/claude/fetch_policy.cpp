// How each answer from claude.ai is judged (spec/claude-api.md §1.4) and when to try again.

#include "core/claude/fetch_policy.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/claude/json_read.h"

namespace cut::core {
namespace {

using json_read::Json;

constexpr std::string_view kSetKeyAdvice =
    "run `claude-usage-tracker set-key` or enter a new key in the widget";

bool containsIgnoringCase(std::string_view text, std::string_view needle) {
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

/// Whether the body looks like JSON rather than a page: its first non-blank character opens an
/// object or array. Whether it really parses is the parser's to say, with a precise message.
bool looksLikeJson(std::string_view body) {
  const auto first = body.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && (body[first] == '{' || body[first] == '[');
}

std::optional<Json> parseJson(std::string_view body) {
  Json root;
  if (!looksLikeJson(body) || json_read::parseBody(body, "JSON", root)) return std::nullopt;
  return root;
}

bool isOrgPermission(const Json& root) {
  const Json* error = json_read::member(root, "error");
  if (error == nullptr) return false;
  const auto type = json_read::readString(json_read::member(*error, "type"));
  const auto message = json_read::readString(json_read::member(*error, "message"));
  return type == "permission_error" && message && containsIgnoringCase(*message, "organization");
}

FetchError make(ErrorKind kind, long status, std::string message) {
  return FetchError{.kind = kind, .message = std::move(message), .httpStatus = static_cast<int>(status)};
}

std::string statusText(long status) { return "HTTP " + std::to_string(status); }

std::optional<FetchError> classify403(const HttpResponse& response) {
  const bool challenge =
      !response.header("cf-mitigated").empty() || containsIgnoringCase(response.body, "Just a moment");
  const auto json = challenge ? std::nullopt : parseJson(response.body);
  if (!json) {
    // A challenge, or another page put in front of claude.ai: nothing here says the key is bad.
    return make(ErrorKind::Cloudflare, 403,
                "Cloudflare is challenging this network (HTTP 403); your key is most likely fine. If it "
                "persists, open claude.ai in a browser on this network.");
  }
  if (isOrgPermission(*json)) {
    return make(ErrorKind::OrgPermission, 403,
                "This key may not read the chosen organization (HTTP 403), which happens after signing in "
                "again — choose another organization in the widget's settings, or run "
                "`claude-usage-tracker set-key` again.");
  }
  return make(ErrorKind::AuthExpired, 403,
              "Key expired or signed out (HTTP 403) — " + std::string(kSetKeyAdvice) + ".");
}

}  // namespace

std::optional<FetchError> classifyResponse(const HttpResponse& response, TimePoint now) {
  const long status = response.status;
  if (status >= 200 && status < 300) {
    if (looksLikeJson(response.body)) return std::nullopt;
    const bool html = containsIgnoringCase(response.body.substr(0, 512), "<html") ||
                      containsIgnoringCase(response.body.substr(0, 512), "<!doctype");
    return make(ErrorKind::BadResponse, status,
                std::string("claude.ai answered with ") + (html ? "a web page" : "something") +
                    " instead of data (" + statusText(status) +
                    "). Something between you and claude.ai may be interfering (a captive portal or "
                    "proxy).");
  }
  if (status >= 300 && status < 400) {
    return make(ErrorKind::BadResponse, status,
                "claude.ai answered with a redirect (" + statusText(status) +
                    "), which was not followed so the key stays with claude.ai. Check --api-base.");
  }
  if (status == 401) {
    return make(ErrorKind::AuthExpired, status,
                "Key expired or signed out — " + std::string(kSetKeyAdvice) + ".");
  }
  if (status == 403) return classify403(response);
  if (status == 429) {
    FetchError error = make(ErrorKind::RateLimited, status,
                            "claude.ai is limiting how often it may be asked (HTTP 429).");
    error.retryAfterSeconds = parseRetryAfter(response.header("retry-after"), now);
    return error;
  }
  if (status >= 500 && status < 600) {
    FetchError error =
        make(ErrorKind::Server, status,
             "claude.ai is having trouble (" + statusText(status) + ").");
    error.retryAfterSeconds = parseRetryAfter(response.header("retry-after"), now);
    return error;
  }
  return make(ErrorKind::BadResponse, status,
              "claude.ai answered " + statusText(status) +
                  ", which this program does not expect. If it persists, the service "
                  "may have changed: look for an update.");
}

FetchError classifyTransportError(const TransportError& error) {
  const std::string detail = error.message.empty() ? std::string() : " (" + error.message + ")";
  switch (error.kind) {
    case TransportErrorKind::Timeout:
      return make(ErrorKind::Timeout, 0,
                  "The request timed out" + detail + "; the network or claude.ai is slow.");
    case TransportErrorKind::Tls:
      return make(ErrorKind::Tls, 0,
                  "The secure connection failed" + detail +
                      ". Check the system clock and CA certificates, or a proxy that intercepts HTTPS.");
    case TransportErrorKind::TooLarge:
      return make(ErrorKind::TooLarge, 0,
                  "The answer was too large and was dropped" + detail +
                      "; claude.ai never sends that much, so something in between may be interfering.");
    case TransportErrorKind::Refused:
      return make(ErrorKind::Network, 0, "The request was not sent" + detail + ".");
    case TransportErrorKind::Aborted:
      return make(ErrorKind::Network, 0, "The request was cancelled" + detail + ".");
    case TransportErrorKind::Network: break;
  }
  return make(ErrorKind::Network, 0,
              "Offline: cannot reach claude.ai" + detail + ". Check the network connection.");
}

std::chrono::seconds backoffDelay(int consecutiveFailures, std::chrono::seconds pollInterval,
                                  const FetchError& error, double jitterUnit) {
  const int exponent = std::clamp(consecutiveFailures, 1, 31) - 1;
  const double base =
      static_cast<double>(clampPollInterval(pollInterval).count()) * std::ldexp(1.0, exponent);
  const double jitter =
      1.0 + 0.2 * (2.0 * std::clamp(std::isfinite(jitterUnit) ? jitterUnit : 0.5, 0.0, 1.0) - 1.0);
  const double capped = std::min(base * jitter, static_cast<double>(kMaxBackoff.count()));
  auto delay = std::chrono::seconds(std::llround(capped));
  // One request per 30 s at most, whatever the failure; a server's Retry-After is never cut short.
  delay = std::max(delay, kMinPollInterval);
  if (error.retryAfterSeconds) delay = std::max(delay, std::chrono::seconds(*error.retryAfterSeconds));
  return delay;
}

std::chrono::seconds clampPollInterval(std::chrono::seconds requested) {
  return std::max(requested, kMinPollInterval);
}

}  // namespace cut::core
