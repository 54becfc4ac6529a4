#pragma once
// claude.ai as the loopback server plays it: one named scenario per answer the fetcher must survive.
// Used by the in-process tests and by test_https_server.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "net/https_server.h"

namespace cut::test {

/// The endpoints a scenario scripts (patterns for HttpsServer::on).
inline constexpr std::string_view kOrganizationsPath = "/api/organizations";
inline constexpr std::string_view kUsagePattern = "/api/organizations/*/usage";
inline constexpr std::string_view kOveragePattern = "/api/organizations/*/overage_spend_limit";

/// The size of the `huge` body: far over the 1 MiB cap.
inline constexpr std::size_t kHugeBodyBytes = 50u * 1024 * 1024;

/// Every scenario name, for --help and for tests that walk them all:
///   ok                      organizations.json, usage_limits.json, overage_spend_limit.json
///   ok_legacy               the same with usage_legacy.json (extra usage inside /usage)
///   expired                 401 with error_401.json everywhere
///   forbidden_json          403 with a JSON authentication error everywhere
///   cloudflare              403 with cloudflare_challenge.html everywhere
///   cloudflare_header       403 with `cf-mitigated: challenge` and a short non-JSON body
///   org_permission          organizations ok; usage always 403 "Invalid authorization for organization"
///   org_permission_then_ok  organizations ok; usage 403 org permission once, then ok
///   rate_limited            429 with `Retry-After: 120`
///   rate_limited_date       429 with `Retry-After` as an HTTP date 120 s after install
///   server_error            500 with a JSON error
///   service_unavailable     503 with an HTML page
///   html                    200 with an HTML sign-in page
///   malformed               200 application/json that is not JSON
///   truncated               200 with usage JSON cut in half (organizations ok)
///   hang                    never answers (until the server stops)
///   drip                    one byte a second, forever
///   huge                    200 with a 50 MB body (Content-Length)
///   huge_chunked            200 with a 50 MB chunked body (no Content-Length)
///   alert_steps             the session read at 50, 80, 92 %, then a phantom 0 % (same reset time),
///                           then 92 % from then on; its reset three hours after install
///   redirect                302 to the same endpoint on `redirectTarget`, named localhost there
const std::vector<std::string>& scenarioNames();

/// Scripts `server` for the named scenario with bodies from `fixturesDir`. `redirectTarget` is the
/// "other host" for `redirect` (required there, ignored elsewhere); it is scripted with `ok`, so a
/// client that followed the redirect would visibly succeed. Returns false for an unknown name.
bool installScenario(HttpsServer& server, std::string_view name, const std::filesystem::path& fixturesDir,
                     HttpsServer* redirectTarget = nullptr);

/// `Retry-After` in the HTTP-date form (IMF-fixdate, GMT) for a moment `secondsFromNow` ahead.
std::string httpDateFromNow(long secondsFromNow);

}  // namespace cut::test
