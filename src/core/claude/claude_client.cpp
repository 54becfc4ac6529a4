#include "core/claude/claude_client.h"

#include <algorithm>

#include "core/claude/fetch_policy.h"
#include "core/claude/usage_parser.h"

namespace cut::core {
namespace {

constexpr std::size_t kMaxUuidLength = 64;

bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/// "https://host[:port]" (scheme lower-cased, trailing '/' dropped), or empty when `apiBase` is not
/// an https:// address of that form. Paths, queries, fragments and user information are refused:
/// the key must only ever go to the host named.
std::string normalizeApiBase(std::string_view apiBase) {
  constexpr std::string_view kScheme = "https://";
  if (apiBase.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    const char c = apiBase[i];
    if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c) != kScheme[i]) return {};
  }
  std::string_view authority = apiBase.substr(kScheme.size());
  if (!authority.empty() && authority.back() == '/') authority.remove_suffix(1);
  if (authority.empty()) return {};
  const bool allowed = std::all_of(authority.begin(), authority.end(), [](char c) {
    return isAlnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  if (!allowed) return {};
  return std::string(kScheme) + std::string(authority);
}

bool isUsableUuid(std::string_view uuid) {
  return !uuid.empty() && uuid.size() <= kMaxUuidLength &&
         std::all_of(uuid.begin(), uuid.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

/// Characters a session key has; anything else (a newline, a ';') could forge another header or
/// cookie, so such a key is never sent.
bool isSendableKey(std::string_view key) {
  return std::all_of(key.begin(), key.end(), [](char c) { return isAlnum(c) || c == '-' || c == '_'; });
}

/// Messages are built without the key; this keeps one that came from elsewhere (a transport's text)
/// from carrying it out.
FetchError scrubbed(FetchError error, const std::string& key) {
  error.message = redactKey(std::move(error.message), key);
  return error;
}

FetchError badResponse(std::string message, long status = 200) {
  return FetchError{
      .kind = ErrorKind::BadResponse, .message = std::move(message), .httpStatus = static_cast<int>(status)};
}

const Organization& choose(const std::vector<Organization>& organizations, const std::string& preferredUuid) {
  const auto preferred = std::find_if(organizations.begin(), organizations.end(), [&](const Organization& o) {
    return !preferredUuid.empty() && o.uuid == preferredUuid;
  });
  return preferred != organizations.end() ? *preferred : organizations.front();
}

}  // namespace

ClaudeClient::ClaudeClient(Transport& transport, ClientConfig config)
    : m_transport(transport), m_config(std::move(config)), m_base(normalizeApiBase(m_config.apiBase)) {}

Result<HttpResponse, FetchError> ClaudeClient::get(const std::string& path, const std::string& key,
                                                   TimePoint now) {
  if (m_base.empty()) {
    // A configuration mistake, not a server answer: reported like a request that could not be sent.
    return fail(FetchError{.kind = ErrorKind::Network,
                           .message = "Refusing to send the key: the API address must be https://host[:port] "
                                      "with nothing after it (check --api-base)."});
  }
  if (key.empty()) {
    return fail(FetchError{
        .kind = ErrorKind::NoKey,
        .message = "No session key — run `claude-usage-tracker set-key` or enter a key in the widget."});
  }
  if (!isSendableKey(key)) {
    return fail(FetchError{.kind = ErrorKind::InvalidKey,
                           .message =
                               "The session key has characters a key never has — run "
                               "`claude-usage-tracker set-key` or enter the key again in the widget."});
  }
  HttpRequest request{.url = m_base + path};
  request.headers = {{"Cookie", "sessionKey=" + key},
                     {"Accept", "application/json"},
                     {"Referer", m_base + "/"},
                     {"Origin", m_base}};
  if (!m_config.userAgent.empty()) request.headers.emplace_back("User-Agent", m_config.userAgent);

  HttpResult result = m_transport.get(request);
  if (!result) return fail(scrubbed(classifyTransportError(result.error()), key));
  if (auto error = classifyResponse(result.value(), now)) return fail(scrubbed(std::move(*error), key));
  return std::move(result).value();
}

Result<std::vector<Organization>, FetchError> ClaudeClient::listChecked(const std::string& key,
                                                                        TimePoint now) {
  auto response = get("/api/organizations", key, now);
  if (!response) return fail(response.error());
  auto parsed = parseOrganizations(response->body);
  if (!parsed) {
    return fail(scrubbed(
        badResponse("claude.ai sent an organization list this program does not understand: " +
                        parsed.error().message + ". Retrying later; if it persists, look for an update.",
                    response->status),
        key));
  }
  std::vector<Organization> organizations;
  for (Organization& organization : parsed.value()) {
    if (isUsableUuid(organization.uuid)) organizations.push_back(std::move(organization));
  }
  if (organizations.empty()) {
    return fail(badResponse(
        "This key sees no organization on claude.ai. Sign in to claude.ai in a browser to check the account, "
        "then run `claude-usage-tracker set-key` with that browser's key.",
        response->status));
  }
  return organizations;
}

Result<std::vector<Organization>, FetchError> ClaudeClient::listOrganizations(const std::string& key) {
  return listChecked(key, Clock::now());
}

Result<FetchOutcome, FetchError> ClaudeClient::fetch(const std::string& key,
                                                     const std::string& preferredOrgUuid, TimePoint now) {
  // The list is asked for once per key and reused while it still holds the organization wanted:
  // each poll then costs one request (two when extra usage needs its own call).
  const bool listKnown = m_listedForKey == key && !m_organizations.empty();
  const bool preferredKnown =
      preferredOrgUuid.empty() ||
      std::any_of(m_organizations.begin(), m_organizations.end(),
                  [&](const Organization& o) { return o.uuid == preferredOrgUuid; });
  if (!listKnown || !preferredKnown) {
    auto listed = listChecked(key, now);
    if (!listed) return fail(listed.error());
    m_organizations = std::move(listed).value();
    m_listedForKey = key;
  }
  FetchOutcome outcome{.organizations = m_organizations};

  for (int attempt = 0;; ++attempt) {
    outcome.organization = choose(outcome.organizations, preferredOrgUuid);
    const std::string orgPath = "/api/organizations/" + outcome.organization.uuid;
    auto response = get(orgPath + "/usage", key, now);
    if (!response) {
      // A stale organization id (seen after signing in again): list once more, then report.
      if (response.error().kind != ErrorKind::OrgPermission || attempt > 0) return fail(response.error());
      m_organizations.clear();
      auto again = listChecked(key, now);
      if (!again) return fail(again.error());
      m_organizations = std::move(again).value();
      m_listedForKey = key;
      outcome.organizations = m_organizations;
      continue;
    }
    auto report = parseUsageReport(response->body, now);
    if (!report) {
      return fail(scrubbed(
          badResponse("claude.ai sent usage this program does not understand: " + report.error().message +
                          ". Retrying later; if it persists, look for an update.",
                      response->status),
          key));
    }
    const bool extraReported = report.value().extraUsageReported;
    outcome.usage = std::move(report).value().usage;
    if (!extraReported) {
      // Optional: without it the widget simply shows no extra usage.
      if (auto overage = get(orgPath + "/overage_spend_limit", key, now)) {
        if (auto extra = parseOverageSpendLimit(overage->body); extra && extra.value())
          outcome.usage.extra = *extra.value();
      }
    }
    return outcome;
  }
}

}  // namespace cut::core
