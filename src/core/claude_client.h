#pragma once
// One fetch of everything the tracker shows, over a Transport: organizations, /usage and, when
// /usage carries no extra usage, /overage_spend_limit. Owns the policy of which requests to make
// and how each answer is classified; knows nothing about threads or timing.

#include <string>
#include <vector>

#include "error.h"
#include "result.h"
#include "transport.h"
#include "usage.h"

namespace cut::core {

struct ClientConfig {
  /// Scheme and host, e.g. "https://claude.ai". Anything but https:// is refused before sending.
  std::string apiBase = "https://claude.ai";
  std::string userAgent;
};

struct FetchOutcome {
  Organization organization;               ///< the one whose usage was fetched
  std::vector<Organization> organizations;  ///< all the key can see, when they were listed
  Usage usage;
};

class ClaudeClient {
 public:
  ClaudeClient(Transport& transport, ClientConfig config);

  /// GET /api/organizations. An empty list is an error (bad_response) with a clear message.
  Result<std::vector<Organization>, FetchError> listOrganizations(const std::string& key);

  /// Fetches usage for `preferredOrgUuid` when set and still listed, else the first organization.
  /// Lists organizations when needed, and once more after an org_permission answer.
  Result<FetchOutcome, FetchError> fetch(const std::string& key, const std::string& preferredOrgUuid,
                                         TimePoint now);

 private:
  Transport& m_transport;
  ClientConfig m_config;
};

}  // namespace cut::core
