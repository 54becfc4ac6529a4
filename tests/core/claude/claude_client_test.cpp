// Request sequencing of one fetch, over a scripted Transport that records what was asked. The real
// HTTPS path (libcurl against a loopback server) is tested in tests/net.

#include "core/claude/claude_client.h"

#include <doctest/doctest.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace claude_client_test {

using namespace cut::core;

namespace {

using cut::test::fixture;

const std::string kKey = "sk-ant-sid01-TESTKEY_abc123xyz";
const TimePoint kNow = Clock::from_time_t(1'795'900'000);
const std::string kOrgA = "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10";
const std::string kOrgB = "e2a9d4c7-1f3b-4c55-8d20-7b6a5e4f3c21";

HttpResult ok(std::string body) { return HttpResponse{.status = 200, .body = std::move(body)}; }
HttpResult status(long code, std::string body) {
  return HttpResponse{.status = code, .body = std::move(body)};
}

class ScriptedTransport final : public Transport {
 public:
  std::deque<HttpResult> script;
  std::vector<HttpRequest> requests;

  HttpResult get(const HttpRequest& request) override {
    requests.push_back(request);
    REQUIRE_MESSAGE(!script.empty(), "unexpected request to " << request.url);
    HttpResult next = std::move(script.front());
    script.pop_front();
    return next;
  }
  void cancel() override {}

  std::vector<std::string> urls() const {
    std::vector<std::string> out;
    for (const auto& request : requests) out.push_back(request.url);
    return out;
  }
};

std::string headerOf(const HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) return value;
  }
  return {};
}

/// The key may be in the Cookie header and nowhere else.
void checkKeyOnlyInCookie(const ScriptedTransport& transport) {
  for (const auto& request : transport.requests) {
    CHECK(request.url.find(kKey) == std::string::npos);
    CHECK(request.url.find("sessionKey") == std::string::npos);
    for (const auto& [name, value] : request.headers) {
      if (name == "Cookie") {
        CHECK(value == "sessionKey=" + kKey);
      } else {
        CHECK(value.find(kKey) == std::string::npos);
      }
    }
  }
}

}  // namespace

TEST_CASE("a fetch lists organizations, then reads usage of the first one with the expected headers") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_legacy.json"))};
  ClaudeClient client(transport, ClientConfig{.userAgent = "claude-usage-tracker/0.1"});
  auto outcome = client.fetch(kKey, "", kNow);
  REQUIRE_MESSAGE(outcome.ok(), (outcome.ok() ? "" : outcome.error().message));
  CHECK(transport.urls() ==
        std::vector<std::string>{"https://claude.ai/api/organizations",
                                 "https://claude.ai/api/organizations/" + kOrgA + "/usage"});
  CHECK(outcome->organization.uuid == kOrgA);
  CHECK(outcome->organizations.size() == 2);
  CHECK(outcome->usage.limits.size() == 4);
  REQUIRE(outcome->usage.extra.has_value());
  CHECK(outcome->usage.extra->currency == "USD");
  for (const auto& request : transport.requests) {
    CHECK(headerOf(request, "Cookie") == "sessionKey=" + kKey);
    CHECK(headerOf(request, "Accept") == "application/json");
    CHECK(headerOf(request, "Referer") == "https://claude.ai/");
    CHECK(headerOf(request, "Origin") == "https://claude.ai");
    CHECK(headerOf(request, "User-Agent") == "claude-usage-tracker/0.1");
  }
  checkKeyOnlyInCookie(transport);
}

TEST_CASE("the remembered organization is used while it is listed, else the first") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_idle.json"))};
  ClaudeClient client(transport, ClientConfig{});
  auto outcome = client.fetch(kKey, kOrgB, kNow);
  REQUIRE(outcome.ok());
  CHECK(outcome->organization.name == "Northwind Labs");
  CHECK(transport.requests.back().url == "https://claude.ai/api/organizations/" + kOrgB + "/usage");

  transport.requests.clear();
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_idle.json"))};
  outcome = client.fetch(kKey, "00000000-gone", kNow);
  REQUIRE(outcome.ok());
  CHECK(outcome->organization.uuid == kOrgA);
}

TEST_CASE("later fetches with the same key reuse the organization list; a new key lists again") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_idle.json"))};
  ClaudeClient client(transport, ClientConfig{});
  REQUIRE(client.fetch(kKey, kOrgB, kNow).ok());

  transport.requests.clear();
  transport.script = {ok(fixture("usage_idle.json"))};
  auto outcome = client.fetch(kKey, kOrgB, kNow);
  REQUIRE(outcome.ok());
  CHECK(transport.urls() ==
        std::vector<std::string>{"https://claude.ai/api/organizations/" + kOrgB + "/usage"});
  CHECK(outcome->organization.name == "Northwind Labs");
  CHECK(outcome->organizations.size() == 2);

  const std::string otherKey = "sk-ant-sid01-OTHERKEY_xyz789";
  transport.requests.clear();
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_idle.json"))};
  REQUIRE(client.fetch(otherKey, kOrgB, kNow).ok());
  CHECK(transport.requests.size() == 2);
  CHECK(transport.requests[0].url == "https://claude.ai/api/organizations");
}

TEST_CASE("another API base is used for the URLs, Referer and Origin") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_idle.json"))};
  ClaudeClient client(transport, ClientConfig{.apiBase = "https://127.0.0.1:8443/"});
  REQUIRE(client.fetch(kKey, "", kNow).ok());
  CHECK(transport.requests[0].url == "https://127.0.0.1:8443/api/organizations");
  CHECK(headerOf(transport.requests[0], "Referer") == "https://127.0.0.1:8443/");
  CHECK(headerOf(transport.requests[0], "Origin") == "https://127.0.0.1:8443");
  CHECK(headerOf(transport.requests[0], "User-Agent").empty());
}

TEST_CASE("extra usage falls back to overage_spend_limit only when /usage has no extra_usage object") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok(fixture("usage_limits.json")),
                      ok(fixture("overage_spend_limit.json"))};
  ClaudeClient client(transport, ClientConfig{});
  auto outcome = client.fetch(kKey, "", kNow);
  REQUIRE(outcome.ok());
  CHECK(transport.requests.size() == 3);
  CHECK(transport.requests[2].url == "https://claude.ai/api/organizations/" + kOrgA + "/overage_spend_limit");
  REQUIRE(outcome->usage.extra.has_value());
  CHECK(outcome->usage.extra->used == doctest::Approx(15.38));
  CHECK(outcome->usage.extra->currency == "EUR");
  checkKeyOnlyInCookie(transport);

  // extra_usage present but disabled: no overage request (and the list is reused).
  transport.requests.clear();
  transport.script = {ok(fixture("usage_idle.json"))};
  outcome = client.fetch(kKey, "", kNow);
  REQUIRE(outcome.ok());
  CHECK(transport.requests.size() == 1);
  CHECK_FALSE(outcome->usage.extra.has_value());
}

TEST_CASE("a failing overage request does not fail the fetch") {
  for (HttpResult overage : {status(500, "<html>"), status(404, "{}"), ok("<html>not json</html>"),
                             HttpResult(fail(TransportError{TransportErrorKind::Timeout, "timed out"}))}) {
    ScriptedTransport transport;
    transport.script.push_back(ok(fixture("organizations.json")));
    transport.script.push_back(ok(fixture("usage_limits.json")));
    transport.script.push_back(std::move(overage));
    ClaudeClient client(transport, ClientConfig{});
    auto outcome = client.fetch(kKey, "", kNow);
    REQUIRE(outcome.ok());
    CHECK(transport.requests.size() == 3);
    CHECK(outcome->usage.limits.size() == 3);
    CHECK_FALSE(outcome->usage.extra.has_value());
  }
}

TEST_CASE("org_permission lists organizations again once, retries, then reports") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), status(403, fixture("error_403_org.json")),
                      ok(R"([{"uuid": ")" + kOrgB + R"(", "name": "Northwind Labs"}])"),
                      ok(fixture("usage_idle.json"))};
  ClaudeClient client(transport, ClientConfig{});
  auto outcome = client.fetch(kKey, kOrgA, kNow);
  REQUIRE(outcome.ok());
  CHECK(transport.urls() ==
        std::vector<std::string>{"https://claude.ai/api/organizations",
                                 "https://claude.ai/api/organizations/" + kOrgA + "/usage",
                                 "https://claude.ai/api/organizations",
                                 "https://claude.ai/api/organizations/" + kOrgB + "/usage"});
  CHECK(outcome->organization.uuid == kOrgB);

  transport.requests.clear();
  transport.script = {ok(fixture("organizations.json")), status(403, fixture("error_403_org.json")),
                      ok(fixture("organizations.json")), status(403, fixture("error_403_org.json"))};
  outcome = client.fetch(kKey, kOrgA, kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::OrgPermission);
  CHECK(outcome.error().httpStatus == 403);
  CHECK(transport.requests.size() == 4);
  CHECK(transport.script.empty());
}

TEST_CASE("a non-https API base is refused before any request") {
  for (const char* base : {"http://claude.ai", "claude.ai", "ftp://claude.ai", "https://",
                           "https://claude.ai/api", "https://user@claude.ai", "https://claude.ai?x=1",
                           "https://claude.ai/#", " https://claude.ai", "https://claude.ai\r\nX: y"}) {
    CAPTURE(base);
    ScriptedTransport transport;
    ClaudeClient client(transport, ClientConfig{.apiBase = base});
    const auto outcome = client.fetch(kKey, "", kNow);
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error().message.find("https://") != std::string::npos);
    CHECK(outcome.error().message.find(kKey) == std::string::npos);
    const auto listed = client.listOrganizations(kKey);
    CHECK_FALSE(listed.ok());
    CHECK(transport.requests.empty());
  }
}

TEST_CASE("no key or a key with header-breaking characters is never sent") {
  ScriptedTransport transport;
  ClaudeClient client(transport, ClientConfig{});
  auto outcome = client.fetch("", "", kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::NoKey);
  outcome = client.fetch(kKey + "\r\nX-Evil: 1", "", kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::InvalidKey);
  CHECK(outcome.error().message.find(kKey) == std::string::npos);
  outcome = client.fetch(kKey + "; other=1", "", kNow);
  CHECK(outcome.error().kind == ErrorKind::InvalidKey);
  CHECK(transport.requests.empty());
}

TEST_CASE("errors of every kind never carry the key, even when a transport message holds it") {
  std::vector<HttpResult> answers = {
      status(401, fixture("error_401.json")),
      status(403, fixture("cloudflare_challenge.html")),
      status(429, "{}"),
      status(503, "<html>" + kKey + "</html>"),
      status(302, ""),
      ok("<html>sessionKey=" + kKey + "</html>"),
      ok(R"({"unexpected": ")" + kKey + R"("})"),
      ok("[]"),
      HttpResult(fail(TransportError{TransportErrorKind::Network, "reset while sending " + kKey})),
      HttpResult(fail(TransportError{TransportErrorKind::Tls, "bad certificate"})),
      HttpResult(fail(TransportError{TransportErrorKind::TooLarge, "over 1 MiB"})),
  };
  for (HttpResult& answer : answers) {
    ScriptedTransport transport;
    transport.script.push_back(std::move(answer));
    ClaudeClient client(transport, ClientConfig{});
    const auto outcome = client.fetch(kKey, "", kNow);
    REQUIRE_FALSE(outcome.ok());
    CAPTURE(outcome.error().message);
    CHECK(outcome.error().message.find(kKey) == std::string::npos);
    CHECK(outcome.error().message.find("TESTKEY_abc123xyz") == std::string::npos);
    CHECK_FALSE(outcome.error().message.empty());
  }
}

TEST_CASE("usage answers that are not usage are bad responses, and so is a list of unusable organizations") {
  ScriptedTransport transport;
  transport.script = {ok(fixture("organizations.json")), ok("[1, 2, 3]")};
  ClaudeClient client(transport, ClientConfig{});
  auto outcome = client.fetch(kKey, "", kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::BadResponse);
  CHECK(outcome.error().message.find("got an array") != std::string::npos);

  transport.script = {ok(R"({"five_hour": {"utiliz)")};  // the list from the first fetch is reused
  outcome = client.fetch(kKey, "", kNow);
  REQUIRE_FALSE(outcome.ok());
  CHECK(outcome.error().kind == ErrorKind::BadResponse);
  CHECK(outcome.error().httpStatus == 200);
  CHECK(outcome.error().message.find("not valid JSON (at byte") != std::string::npos);

  transport.script = {ok(R"([{"uuid": "../../etc", "name": "x"}, {"uuid": "a b", "name": "y"}])")};
  const auto listed = client.listOrganizations(kKey);
  REQUIRE_FALSE(listed.ok());
  CHECK(listed.error().kind == ErrorKind::BadResponse);
  CHECK(listed.error().message.find("no organization") != std::string::npos);

  transport.script = {status(401, fixture("error_401.json"))};
  const auto expired = client.listOrganizations(kKey);
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.error().kind == ErrorKind::AuthExpired);
  CHECK(expired.error().httpStatus == 401);
}

}  // namespace claude_client_test
