// ClaudeClient over the real CurlTransport against the loopback HTTPS server, through every answer
// in scenarios.h. For each: the error kind, a message a person can act on, and that the key went
// nowhere but the Cookie header to the configured host.

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "core/claude/claude_client.h"
#include "net/curl_transport.h"
#include "net/https_server.h"
#include "net/scenarios.h"

using namespace cut;
using namespace std::chrono_literals;
using core::ErrorKind;
using test::HttpsServer;

namespace {

constexpr const char* kKey = "sk-ant-sid01-TESTKEY_abc123xyz";
constexpr const char* kFirstOrg = "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10";
constexpr const char* kSecondOrg = "e2a9d4c7-1f3b-4c55-8d20-7b6a5e4f3c21";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// A claude.ai stand-in playing one scenario, the "other host" a redirect points at, and a client.
/// Members are declared so the transport goes before the servers it holds connections to.
struct Harness {
  HttpsServer server;
  HttpsServer other;
  net::CurlTransport transport;
  core::ClaudeClient client;

  explicit Harness(std::string_view scenario, net::TransportOptions options = {},
                   HttpsServer::Identity identity = HttpsServer::Identity::Trusted)
      : server(identity),
        other(),
        transport(withTrust(std::move(options))),
        client(transport, core::ClientConfig{.apiBase = server.url(), .userAgent = "cut-test/1"}) {
    REQUIRE(test::installScenario(server, scenario, CUT_FIXTURES_DIR, &other));
  }

  static net::TransportOptions withTrust(net::TransportOptions options) {
    options.extraCaFile = test::sharedPki().trusted().caFile;
    return options;
  }

  core::Result<core::FetchOutcome, core::FetchError> fetch(const std::string& preferredOrg = "") {
    return client.fetch(kKey, preferredOrg, core::Clock::now());
  }

  std::size_t requestsTo(std::string_view suffix) const {
    const auto seen = server.requests();
    return static_cast<std::size_t>(
        std::count_if(seen.begin(), seen.end(),
                      [&](const test::RecordedRequest& r) { return r.target.ends_with(suffix); }));
  }

  /// The key reached only the configured server, only in its Cookie header, never in a URL.
  void checkKeyWentOnlyToCookie() const {
    for (const auto& request : server.requests()) {
      CAPTURE(request.target);
      CHECK(request.target.find(kKey) == std::string::npos);
      CHECK(request.header("Cookie") == std::string("sessionKey=") + kKey);
      for (const auto& [name, value] : request.headers) {
        if (lower(name) != "cookie") CHECK_MESSAGE(value.find(kKey) == std::string::npos, name);
      }
    }
    for (const auto& request : other.requests()) {
      CHECK(request.target.find(kKey) == std::string::npos);
      for (const auto& [name, value] : request.headers) CHECK(value.find(kKey) == std::string::npos);
    }
  }
};

/// A message for a person: a sentence, no markup or page dump, no key.
void checkMessage(const core::FetchError& error) {
  CAPTURE(error.message);
  CHECK(error.message.size() >= 15);
  CHECK(error.message.find('<') == std::string::npos);
  CHECK(error.message.find(kKey) == std::string::npos);
  CHECK(error.message.find("sk-ant-") == std::string::npos);
}

/// Runs `scenario` and returns the error it must end in, after the checks every failure shares.
core::FetchError failure(Harness& harness, ErrorKind expected) {
  const auto result = harness.fetch();
  REQUIRE_FALSE(result.ok());
  const core::FetchError error = result.error();
  CHECK(core::errorKindName(error.kind) == core::errorKindName(expected));
  checkMessage(error);
  harness.checkKeyWentOnlyToCookie();
  return error;
}

}  // namespace

TEST_CASE("a healthy account yields its limits and extra usage from the overage endpoint") {
  Harness h("ok");
  const auto result = h.fetch();
  REQUIRE(result.ok());
  CHECK(result->organization.uuid == kFirstOrg);
  CHECK(result->organizations.size() == 2);
  const auto& usage = result->usage;
  REQUIRE(usage.find("five_hour") != nullptr);
  CHECK(usage.find("five_hour")->usedPercent == doctest::Approx(91.0));
  REQUIRE(usage.find("seven_day") != nullptr);
  CHECK(usage.find("seven_day")->usedPercent == doctest::Approx(23.0));
  REQUIRE(usage.find("seven_day_opus") != nullptr);
  CHECK(usage.find("seven_day_opus")->usedPercent == doctest::Approx(57.0));
  REQUIRE(usage.extra.has_value());
  CHECK(usage.extra->currency == "EUR");
  CHECK(usage.extra->used == doctest::Approx(15.38));
  REQUIRE(usage.extra->limit.has_value());
  CHECK(*usage.extra->limit == doctest::Approx(25.0));
  CHECK(h.requestsTo(std::string("/") + kFirstOrg + "/usage") == 1);
  CHECK(h.requestsTo("/overage_spend_limit") == 1);
  h.checkKeyWentOnlyToCookie();
}

TEST_CASE("legacy usage carries its own extra usage and the overage endpoint is not asked") {
  Harness h("ok_legacy");
  const auto result = h.fetch(kSecondOrg);
  REQUIRE(result.ok());
  CHECK(result->organization.uuid == kSecondOrg);
  REQUIRE(result->usage.find("seven_day_sonnet") != nullptr);
  CHECK(result->usage.find("seven_day_sonnet")->usedPercent == doctest::Approx(44.0));
  REQUIRE(result->usage.extra.has_value());
  CHECK(result->usage.extra->currency == "USD");
  CHECK(result->usage.extra->used == doctest::Approx(12.75));
  CHECK(h.requestsTo(std::string("/") + kSecondOrg + "/usage") == 1);
  CHECK(h.requestsTo("/overage_spend_limit") == 0);
  h.checkKeyWentOnlyToCookie();
}

TEST_CASE("listing organizations over https returns every organization the key sees") {
  Harness h("ok");
  const auto result = h.client.listOrganizations(kKey);
  REQUIRE(result.ok());
  REQUIRE(result->size() == 2);
  CHECK(result.value()[0].uuid == kFirstOrg);
  CHECK(result.value()[1].name == "Northwind Labs");
  h.checkKeyWentOnlyToCookie();
}

TEST_CASE("401 means the key expired") {
  Harness h("expired");
  CHECK(failure(h, ErrorKind::AuthExpired).httpStatus == 401);
}

TEST_CASE("403 with a JSON error means the key expired") {
  Harness h("forbidden_json");
  CHECK(failure(h, ErrorKind::AuthExpired).httpStatus == 403);
}

TEST_CASE("403 with the Cloudflare challenge page is cloudflare and not an expired key") {
  Harness h("cloudflare");
  const auto error = failure(h, ErrorKind::Cloudflare);
  CHECK(error.httpStatus == 403);
  CHECK(lower(error.message).find("cloudflare") != std::string::npos);
}

TEST_CASE("403 with a cf-mitigated header is cloudflare") {
  Harness h("cloudflare_header");
  CHECK(failure(h, ErrorKind::Cloudflare).httpStatus == 403);
}

TEST_CASE("org permission is recovered by listing organizations again once") {
  Harness h("org_permission_then_ok");
  const auto result = h.fetch(kFirstOrg);
  REQUIRE(result.ok());
  CHECK(result->usage.find("five_hour") != nullptr);
  CHECK(h.requestsTo("/usage") == 2);
  CHECK(h.requestsTo("/api/organizations") >= 1);
  h.checkKeyWentOnlyToCookie();
}

TEST_CASE("org permission that persists after listing again is reported after one retry") {
  Harness h("org_permission");
  CHECK(failure(h, ErrorKind::OrgPermission).httpStatus == 403);
  CHECK(h.requestsTo("/usage") == 2);
}

TEST_CASE("429 carries Retry-After in seconds") {
  Harness h("rate_limited");
  const auto error = failure(h, ErrorKind::RateLimited);
  CHECK(error.httpStatus == 429);
  REQUIRE(error.retryAfterSeconds.has_value());
  CHECK(*error.retryAfterSeconds == 120);
}

TEST_CASE("429 carries Retry-After given as an HTTP date") {
  Harness h("rate_limited_date");
  const auto error = failure(h, ErrorKind::RateLimited);
  REQUIRE(error.retryAfterSeconds.has_value());
  CHECK(*error.retryAfterSeconds <= 120);
  CHECK(*error.retryAfterSeconds >= 100);  // the date was 120 s ahead when the scenario was set up
}

TEST_CASE("500 and 503 are server trouble") {
  Harness internal("server_error");
  CHECK(failure(internal, ErrorKind::Server).httpStatus == 500);
  Harness unavailable("service_unavailable");
  CHECK(failure(unavailable, ErrorKind::Server).httpStatus == 503);
}

TEST_CASE("an HTML page with 200 is a bad response") {
  Harness h("html");
  failure(h, ErrorKind::BadResponse);
}

TEST_CASE("malformed JSON is a bad response") {
  Harness h("malformed");
  failure(h, ErrorKind::BadResponse);
}

TEST_CASE("truncated JSON is a bad response") {
  Harness h("truncated");
  failure(h, ErrorKind::BadResponse);
}

TEST_CASE("a 50 MB body is too large") {
  Harness declared("huge");
  failure(declared, ErrorKind::TooLarge);
  Harness chunked("huge_chunked");
  failure(chunked, ErrorKind::TooLarge);
}

TEST_CASE("a redirect to another host is not followed and the key never goes there") {
  Harness h("redirect");
  const auto error = failure(h, ErrorKind::BadResponse);
  CHECK(error.httpStatus == 302);
  CHECK(h.other.requestCount() == 0);
}

TEST_CASE("an untrusted certificate is a tls failure and nothing is sent") {
  Harness h("ok", {}, HttpsServer::Identity::Untrusted);
  failure(h, ErrorKind::Tls);
  CHECK(h.server.requestCount() == 0);
}

TEST_CASE("a closed port is a network failure") {
  int port = 0;
  {
    HttpsServer gone;
    port = gone.port();
  }
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = test::sharedPki().trusted().caFile});
  core::ClaudeClient client(transport,
                            core::ClientConfig{.apiBase = "https://127.0.0.1:" + std::to_string(port)});
  const auto result = client.fetch(kKey, "", core::Clock::now());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == ErrorKind::Network);
  checkMessage(result.error());
}

TEST_CASE("an api base that is not https is refused before anything is sent") {
  HttpsServer server;
  REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.caFile()});
  const std::string plain = "http://127.0.0.1:" + std::to_string(server.port());
  core::ClaudeClient client(transport, core::ClientConfig{.apiBase = plain});
  const auto result = client.fetch(kKey, "", core::Clock::now());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find(kKey) == std::string::npos);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("a server that never answers is a timeout" * doctest::test_suite("slow")) {
  Harness h("hang", net::TransportOptions{.totalTimeout = 1s});
  failure(h, ErrorKind::Timeout);
}

TEST_CASE("a server dripping a byte a second is a timeout" * doctest::test_suite("slow")) {
  Harness h("drip", net::TransportOptions{.totalTimeout = 20s, .lowSpeedTime = 2s});
  failure(h, ErrorKind::Timeout);
}
