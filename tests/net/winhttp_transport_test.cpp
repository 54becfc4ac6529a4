// WinHTTP under Wine against the Linux test_https_server (tests/net/wine_server.h): every outcome the
// fetcher relies on, through the real TLS stack and the Wine prefix's Root store.

#include "net/winhttp_transport.h"

#include <doctest/doctest.h>
#include <windows.h>

#include <thread>

#include "net/request_rules.h"
#include "net/transport_test_support.h"
#include "net/wine_server.h"

namespace winhttp_transport_test {

using namespace cut;
using namespace std::chrono_literals;

namespace {

constexpr const char* kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

core::HttpRequest withKey(std::string url) {
  return core::HttpRequest{std::move(url),
                           {{"Cookie", std::string("sessionKey=") + kKey}, {"Accept", "application/json"}}};
}

// The failure `result` must be: its kind, a message for people, and never the key.
void checkFailure(const core::HttpResult& result, core::TransportErrorKind kind) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == kind);
  CHECK_FALSE(result.error().message.empty());
  CHECK(result.error().message.find(kKey) == std::string::npos);
  CHECK(result.error().message.find("sessionKey") == std::string::npos);
}

bool runningUnderWine() {
  const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
}

}  // namespace

TEST_CASE(
    "WinHTTP: a request returns status, body and lower-cased headers, with the key only in the Cookie") {
  net::TransportOptions options;
  options.userAgent = "claude-usage-tracker-test/1";
  net::WinHttpTransport transport(options);
  const auto result = transport.get(withKey(test::scenarioUrl("ok", "/api/organizations?t=ok-200")));
  REQUIRE(result.ok());
  CHECK(result->status == 200);
  CHECK(result->body == test::fixtureText("organizations.json"));
  CHECK(test::headerOf(result.value(), "content-type") == "application/json");
  for (const auto& [name, value] : result->headers) CHECK(name == net::lowerAscii(name));

  const auto seen = test::requestsTo(test::scenarioPort("ok"), "t=ok-200");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].find("\tCookie: sessionKey=" + std::string(kKey)) != std::string::npos);
  CHECK(seen[0].find("\tAccept: application/json") != std::string::npos);
  CHECK(seen[0].find("\tUser-Agent: claude-usage-tracker-test/1") != std::string::npos);
  // The key appears once: in the Cookie header, not in the target or any other header.
  const auto first = seen[0].find(kKey);
  CHECK(seen[0].find(kKey, first + 1) == std::string::npos);
}

TEST_CASE("WinHTTP: error statuses pass through with their bodies and headers") {
  net::WinHttpTransport transport({});
  const std::pair<const char*, long> cases[] = {{"expired", 401},           {"forbidden_json", 403},
                                                {"cloudflare_header", 403}, {"rate_limited", 429},
                                                {"server_error", 500},      {"service_unavailable", 503}};
  for (const auto& [scenario, status] : cases) {
    CAPTURE(scenario);
    const auto result = transport.get(withKey(test::scenarioUrl(scenario)));
    REQUIRE(result.ok());
    CHECK(result->status == status);
    CHECK_FALSE(result->body.empty());
  }
  const auto expired = transport.get(withKey(test::scenarioUrl("expired")));
  REQUIRE(expired.ok());
  CHECK(expired->body == test::fixtureText("error_401.json"));
  const auto limited = transport.get(withKey(test::scenarioUrl("rate_limited")));
  REQUIRE(limited.ok());
  CHECK(test::headerOf(limited.value(), "retry-after") == "120");
  const auto challenged = transport.get(withKey(test::scenarioUrl("cloudflare_header")));
  REQUIRE(challenged.ok());
  CHECK(test::headerOf(challenged.value(), "cf-mitigated") == "challenge");
}

TEST_CASE("WinHTTP: a certificate from an untrusted CA is refused as Tls before any request is sent") {
  net::WinHttpTransport transport({});
  const auto refused =
      transport.get(withKey(test::scenarioUrl("untrusted:ok", "/api/organizations?t=untrusted")));
  checkFailure(refused, core::TransportErrorKind::Tls);
  CHECK(test::requestsTo(test::scenarioPort("untrusted:ok")).empty());
  // The same server name and transport with the trusted CA succeeds: the CA is what differs.
  const auto trusted = transport.get(withKey(test::scenarioUrl("ok", "/api/organizations?t=trusted")));
  REQUIRE(trusted.ok());
  CHECK(trusted->status == 200);
}

TEST_CASE("WinHTTP: a name the certificate does not cover is refused as Tls") {
  // The certificate names 127.0.0.1 only as an IP address, which Wine's name check ignores (Windows
  // accepts it): under Wine, https://127.0.0.1 is a name the certificate does not cover.
  if (!runningUnderWine()) return;
  net::WinHttpTransport transport({});
  const int port = test::scenarioPort("ok");
  const auto result =
      transport.get(withKey("https://127.0.0.1:" + std::to_string(port) + "/api/organizations?t=by-ip"));
  checkFailure(result, core::TransportErrorKind::Tls);
  CHECK(test::requestsTo(port, "t=by-ip").empty());
}

TEST_CASE("WinHTTP: anything but https:// is refused without a connection") {
  net::WinHttpTransport transport({});
  const int port = test::scenarioPort("ok");
  const std::string rest = "localhost:" + std::to_string(port) + "/api/organizations?t=plain-http";
  checkFailure(transport.get(withKey("http://" + rest)), core::TransportErrorKind::Refused);
  checkFailure(transport.get(withKey("ftp://" + rest)), core::TransportErrorKind::Refused);
  checkFailure(transport.get(withKey("HTTP://" + rest)), core::TransportErrorKind::Refused);
  checkFailure(transport.get(withKey("https://user:pw@" + rest)), core::TransportErrorKind::Refused);
  core::HttpRequest injected = withKey("https://" + rest);
  injected.headers.emplace_back("X-Test", "a\r\nCookie: other");
  checkFailure(transport.get(injected), core::TransportErrorKind::Refused);
  CHECK(test::requestsTo(port, "t=plain-http").empty());
}

TEST_CASE("WinHTTP: a redirect is returned as it is and the other host gets nothing") {
  net::WinHttpTransport transport({});
  const auto result = transport.get(withKey(test::scenarioUrl("redirect")));
  REQUIRE(result.ok());
  CHECK(result->status == 302);
  const std::string location = test::headerOf(result.value(), "location");
  const std::string prefix = "https://localhost:";
  REQUIRE(location.starts_with(prefix));
  const int otherPort = std::stoi(location.substr(prefix.size()));
  CHECK(otherPort != test::scenarioPort("redirect"));
  CHECK(test::requestsTo(otherPort).empty());
}

TEST_CASE("WinHTTP: a body of exactly the cap is kept and one byte more is too large") {
  const std::string body = test::fixtureText("organizations.json");
  net::TransportOptions options;
  options.maxBodyBytes = body.size();
  net::WinHttpTransport exact(options);
  const auto kept = exact.get(withKey(test::scenarioUrl("ok")));
  REQUIRE(kept.ok());
  CHECK(kept->body == body);

  options.maxBodyBytes = body.size() - 1;
  net::WinHttpTransport under(options);
  checkFailure(under.get(withKey(test::scenarioUrl("ok"))), core::TransportErrorKind::TooLarge);
  CHECK(under.lastBodyBytes() <= body.size() - 1);
}

TEST_CASE("WinHTTP: a 50 MB body is abandoned as too large with no more than the cap held") {
  net::WinHttpTransport transport({});
  for (const char* scenario : {"huge", "huge_chunked"}) {
    CAPTURE(scenario);
    checkFailure(transport.get(withKey(test::scenarioUrl(scenario))), core::TransportErrorKind::TooLarge);
    CHECK(transport.lastBodyBytes() <= std::size_t{1} << 20);
  }
}

TEST_CASE("WinHTTP: a server that never answers ends as Timeout" * doctest::test_suite("slow")) {
  net::TransportOptions options;
  options.totalTimeout = 2s;
  net::WinHttpTransport transport(options);
  checkFailure(transport.get(withKey(test::scenarioUrl("hang"))), core::TransportErrorKind::Timeout);
}

TEST_CASE("WinHTTP: a server that sends a byte a second ends as Timeout by the low-speed limit" *
          doctest::test_suite("slow")) {
  net::TransportOptions options;
  options.lowSpeedTime = 2s;
  options.totalTimeout = 60s;
  net::WinHttpTransport transport(options);
  const auto result = transport.get(withKey(test::scenarioUrl("drip")));
  checkFailure(result, core::TransportErrorKind::Timeout);
  CHECK(result.error().message.find("bytes a second") != std::string::npos);
}

TEST_CASE("WinHTTP: cancel from another thread ends a hanging request as Aborted, and every later one") {
  net::TransportOptions options;
  options.totalTimeout = 60s;
  options.lowSpeedTime = 60s;
  net::WinHttpTransport transport(options);
  const int port = test::scenarioPort("hang");
  std::thread canceller([&] {
    // Cancel once the server holds the request, so the cancel lands mid-request.
    CHECK(test::waitUntil([&] { return !test::requestsTo(port, "t=cancel").empty(); }, 30s));
    transport.cancel();
  });
  const auto result = transport.get(withKey(test::scenarioUrl("hang", "/api/organizations?t=cancel")));
  canceller.join();
  checkFailure(result, core::TransportErrorKind::Aborted);
  checkFailure(transport.get(withKey(test::scenarioUrl("ok"))), core::TransportErrorKind::Aborted);
}

TEST_CASE("WinHTTP: a closed port is Network and a CA file is refused as Tls, naming the system store") {
  net::WinHttpTransport transport({});
  checkFailure(transport.get(withKey("https://localhost:1/api/organizations")),
               core::TransportErrorKind::Network);

  net::TransportOptions options;
  options.extraCaFile = "ca.pem";
  net::WinHttpTransport withCaFile(options);
  const auto result = withCaFile.get(withKey(test::scenarioUrl("ok")));
  checkFailure(result, core::TransportErrorKind::Tls);
  CHECK(result.error().message.find("certificate store") != std::string::npos);
}

}  // namespace winhttp_transport_test
