#pragma once
// One fetch of everything the tracker shows, over a Transport: organizations, /usage and, when
// /usage carries no extra usage, /overage_spend_limit. Owns the policy of which requests to make
// and how each answer is classified; knows nothing about threads or timing.

#include <string>
#include <vector>

#include "core/claude/error.h"
#include "core/result.h"
#include "core/claude/transport.h"
#include "core/model/usage.h"

namespace cut::core {

struct ClientConfig {
  /// Scheme and host (optionally a port and a trailing '/'), e.g. "https://claude.ai". Anything but
  /// https:// is refused before sending; so is a path, a query or user information.
  std::string apiBase = "https://claude.ai";
  /// Sent as User-Agent when not empty (the transport may also set one).
  std::string userAgent;
};

struct FetchOutcome {
  Organization organization;                ///< the one whose usage was fetched
  std::vector<Organization> organizations;  ///< all the key can see, when they were listed
  Usage usage;
};

/// Requests carry `Cookie: sessionKey=<key>`, `Accept: application/json` and the Referer/Origin
/// of the API base; the key goes nowhere else (not into a URL, not into any message). Not
/// thread-safe: one instance per thread, one request at a time.
class ClaudeClient {
 public:
  ClaudeClient(Transport& transport, ClientConfig config);

  /// GET /api/organizations. An empty list is an error (bad_response) with a clear message.
  /// Organizations whose uuid has characters other than [A-Za-z0-9-] are left out.
  Result<std::vector<Organization>, FetchError> listOrganizations(const std::string& key);

  /// Fetches usage for `preferredOrgUuid` when set and still listed, else the first organization.
  /// Lists organizations on the first fetch with a key (and when the wanted one is not in the list
  /// kept from then), and once more after an org_permission answer (then retries /usage once). When /usage says nothing about extra usage, asks /overage_spend_limit too; a failure of
  /// that optional request never fails the fetch.
  Result<FetchOutcome, FetchError> fetch(const std::string& key, const std::string& preferredOrgUuid,
                                         TimePoint now);

 private:
  /// One GET of `path` under the API base; the answer when it is a 2xx with a JSON body.
  Result<HttpResponse, FetchError> get(const std::string& path, const std::string& key, TimePoint now);
  Result<std::vector<Organization>, FetchError> listChecked(const std::string& key, TimePoint now);

  Transport& m_transport;
  ClientConfig m_config;
  /// "https://host[:port]" from the config; empty when the config's apiBase was refused.
  std::string m_base;
  /// The organizations last listed, and for which key: reused by fetch() until the key changes,
  /// the wanted organization is missing from it, or the server says the organization id is stale.
  std::vector<Organization> m_organizations;
  std::string m_listedForKey;
};

}  // namespace cut::core
