#include "net/scenarios.h"

#include <time.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <map>

namespace cut::test {
namespace {

constexpr const char* kOrgPermissionBody =
    R"({"type":"error","error":{"type":"permission_error","message":"Invalid authorization for organization"}})";
constexpr const char* kAuthErrorBody =
    R"({"type":"error","error":{"type":"authentication_error","message":"Invalid authorization"}})";

struct Context {
  HttpsServer& server;
  std::filesystem::path fixtures;
  HttpsServer* redirectTarget;

  std::string fixture(const char* name) const { return readFile(fixtures / name); }

  void everywhere(const Reply& reply) const {
    server.on(std::string(kOrganizationsPath), reply);
    server.on(std::string(kUsagePattern), reply);
    server.on(std::string(kOveragePattern), reply);
  }

  void healthy(const char* usageFixture) const {
    server.on(std::string(kOrganizationsPath), Reply::json(200, fixture("organizations.json")));
    server.on(std::string(kUsagePattern), Reply::json(200, fixture(usageFixture)));
    server.on(std::string(kOveragePattern), Reply::json(200, fixture("overage_spend_limit.json")));
  }
};

using Installer = std::function<bool(const Context&)>;

// A moment `secondsFromNow` ahead as claude.ai writes it: "2026-11-30T10:00:00Z", whole seconds.
std::string isoUtcFromNow(long secondsFromNow) {
  const time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) + secondsFromNow;
  tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

const std::map<std::string, Installer, std::less<>>& installers() {
  static const std::map<std::string, Installer, std::less<>> table = {
      {"ok", [](const Context& c) { return c.healthy("usage_limits.json"), true; }},
      {"ok_legacy", [](const Context& c) { return c.healthy("usage_legacy.json"), true; }},
      {"expired",
       [](const Context& c) { return c.everywhere(Reply::json(401, c.fixture("error_401.json"))), true; }},
      {"forbidden_json",
       [](const Context& c) { return c.everywhere(Reply::json(403, kAuthErrorBody)), true; }},
      {"cloudflare",
       [](const Context& c) {
         return c.everywhere(Reply::html(403, c.fixture("cloudflare_challenge.html"))), true;
       }},
      {"cloudflare_header",
       [](const Context& c) {
         return c.everywhere(
                    Reply::html(403, "<html><body>Blocked</body></html>", {{"cf-mitigated", "challenge"}})),
                true;
       }},
      {"org_permission",
       [](const Context& c) {
         c.healthy("usage_limits.json");
         c.server.on(std::string(kUsagePattern), Reply::json(403, kOrgPermissionBody));
         return true;
       }},
      {"org_permission_then_ok",
       [](const Context& c) {
         c.healthy("usage_limits.json");
         c.server.onSequence(std::string(kUsagePattern), {Reply::json(403, kOrgPermissionBody),
                                                          Reply::json(200, c.fixture("usage_limits.json"))});
         return true;
       }},
      {"rate_limited",
       [](const Context& c) {
         return c.everywhere(Reply::json(429, R"({"type":"error","error":{"type":"rate_limit_error"}})",
                                         {{"Retry-After", "120"}})),
                true;
       }},
      {"rate_limited_date",
       [](const Context& c) {
         return c.everywhere(Reply::json(429, R"({"type":"error","error":{"type":"rate_limit_error"}})",
                                         {{"Retry-After", httpDateFromNow(120)}})),
                true;
       }},
      {"server_error",
       [](const Context& c) {
         return c.everywhere(Reply::json(
                    500, R"({"type":"error","error":{"type":"api_error","message":"Internal"}})")),
                true;
       }},
      {"service_unavailable",
       [](const Context& c) {
         return c.everywhere(Reply::html(503, "<html><body>Service Unavailable</body></html>")), true;
       }},
      {"html",
       [](const Context& c) {
         return c.everywhere(Reply::html(200,
                                         "<!DOCTYPE html><html><head><title>Sign in</title></head>"
                                         "<body>Please sign in to continue.</body></html>")),
                true;
       }},
      {"malformed",
       [](const Context& c) {
         return c.everywhere(Reply::json(200, R"({"five_hour": {"utilization": 12,,)")), true;
       }},
      {"truncated",
       [](const Context& c) {
         c.healthy("usage_limits.json");
         const std::string usage = c.fixture("usage_limits.json");
         c.server.on(std::string(kUsagePattern), Reply::json(200, usage.substr(0, usage.size() / 2)));
         return true;
       }},
      {"hang", [](const Context& c) { return c.everywhere(Reply::hang()), true; }},
      {"drip", [](const Context& c) { return c.everywhere(Reply::drip()), true; }},
      {"huge", [](const Context& c) { return c.everywhere(Reply::huge(kHugeBodyBytes)), true; }},
      {"huge_chunked",
       [](const Context& c) { return c.everywhere(Reply::huge(kHugeBodyBytes, true)), true; }},
      {"alert_steps",
       [](const Context& c) {
         c.healthy("usage_limits.json");
         // One session window three hours from its reset, read at 50, 80, 92 %, then once at 0 %
         // with the same reset time (a phantom reset), then 92 % for every later request.
         const std::string reset = isoUtcFromNow(3 * 3600);
         const std::string week = isoUtcFromNow(4 * 24 * 3600);
         std::vector<Reply> readings;
         for (int percent : {50, 80, 92, 0, 92}) {
           readings.push_back(Reply::json(
               200, R"({"five_hour": {"utilization": )" + std::to_string(percent) + R"(, "resets_at": ")" +
                        reset + R"("}, "seven_day": {"utilization": 20, "resets_at": ")" + week + R"("}})"));
         }
         c.server.onSequence(std::string(kUsagePattern), std::move(readings));
         return true;
       }},
      {"redirect",
       [](const Context& c) {
         if (c.redirectTarget == nullptr) return false;
         Context other{*c.redirectTarget, c.fixtures, nullptr};
         other.healthy("usage_limits.json");
         const HttpsServer& target = *c.redirectTarget;
         c.server.on(std::string(kOrganizationsPath),
                     Reply::redirect(target.url("/api/organizations", "localhost")));
         c.server.on(std::string(kUsagePattern),
                     Reply::redirect(target.url("/api/organizations/redirected/usage", "localhost")));
         c.server.on(
             std::string(kOveragePattern),
             Reply::redirect(target.url("/api/organizations/redirected/overage_spend_limit", "localhost")));
         return true;
       }},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& scenarioNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& [name, installer] : installers()) out.push_back(name);
    return out;
  }();
  return names;
}

bool installScenario(HttpsServer& server, std::string_view name, const std::filesystem::path& fixturesDir,
                     HttpsServer* redirectTarget) {
  const auto& table = installers();
  const auto it = table.find(name);
  if (it == table.end()) return false;
  return it->second(Context{server, fixturesDir, redirectTarget});
}

std::string httpDateFromNow(long secondsFromNow) {
  const auto when = std::chrono::system_clock::now() + std::chrono::seconds(secondsFromNow);
  const time_t t = std::chrono::system_clock::to_time_t(when);
  tm utc{};
  gmtime_r(&t, &utc);
  // Day and month names by hand: IMF-fixdate is English whatever the process locale is.
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buffer;
}

}  // namespace cut::test
