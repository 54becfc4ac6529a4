#include "net/curl_transport.h"

#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "net/https_server.h"
#include "net/transport_test_support.h"

using namespace cut;
using namespace std::chrono_literals;
using test::HttpsServer;
using test::Reply;

namespace {

constexpr const char* kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

net::TransportOptions trusting(const HttpsServer& server) {
  return net::TransportOptions{.extraCaFile = server.caFile()};
}

core::HttpRequest withKey(std::string url) {
  return core::HttpRequest{std::move(url),
                           {{"Cookie", std::string("sessionKey=") + kKey}, {"Accept", "application/json"}}};
}

}  // namespace

TEST_CASE("a request to the loopback server returns status headers and body") {
  HttpsServer server;
  server.on("/hello", Reply::json(200, R"({"ok":true})", {{"X-Test", "Yes"}}));
  net::CurlTransport transport(trusting(server));
  const auto result = transport.get(core::HttpRequest{server.url("/hello?x=1"), {}});
  REQUIRE(result.ok());
  CHECK(result->status == 200);
  CHECK(result->body == R"({"ok":true})");
  CHECK(test::headerOf(result.value(), "x-test") == "Yes");  // names arrive lower-cased
  CHECK(test::headerOf(result.value(), "content-type") == "application/json");
  REQUIRE(server.requestCount() == 1);
  CHECK(server.requests()[0].method == "GET");
  CHECK(server.requests()[0].target == "/hello?x=1");
}

TEST_CASE("request headers arrive as given and the key travels only in the Cookie header") {
  HttpsServer server;
  server.on("/api/organizations", Reply::json(200, "[]"));
  net::TransportOptions options = trusting(server);
  options.userAgent = "claude-usage-tracker-test/1";
  net::CurlTransport transport(options);
  const auto result = transport.get(withKey(server.url("/api/organizations")));
  REQUIRE(result.ok());
  REQUIRE(server.requestCount() == 1);
  const auto seen = server.requests()[0];
  CHECK(seen.header("Cookie") == std::string("sessionKey=") + kKey);
  CHECK(seen.header("Accept") == "application/json");
  CHECK(seen.header("User-Agent") == "claude-usage-tracker-test/1");
  CHECK(seen.target.find(kKey) == std::string::npos);
  for (const auto& [name, value] : seen.headers) {
    if (name != "Cookie") CHECK_MESSAGE(value.find(kKey) == std::string::npos, name);
  }
}

TEST_CASE("status codes pass through with their bodies and headers") {
  HttpsServer server;
  server.on("/401", Reply::json(401, R"({"e":401})"));
  server.on("/403", Reply::json(403, R"({"e":403})"));
  server.on("/429", Reply::json(429, R"({"e":429})", {{"Retry-After", "120"}}));
  server.on("/500", Reply::json(500, R"({"e":500})"));
  server.on("/503", Reply::html(503, "<html>down</html>"));
  net::CurlTransport transport(trusting(server));
  for (const long status : {401L, 403L, 429L, 500L, 503L}) {
    CAPTURE(status);
    const auto result = transport.get(withKey(server.url("/" + std::to_string(status))));
    REQUIRE(result.ok());
    CHECK(result->status == status);
    CHECK_FALSE(result->body.empty());
  }
  const auto limited = transport.get(withKey(server.url("/429")));
  REQUIRE(limited.ok());
  CHECK(test::headerOf(limited.value(), "retry-after") == "120");
  CHECK(server.requestCount() == 6);
}

TEST_CASE("consecutive requests reuse one connection") {
  HttpsServer server;
  server.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(trusting(server));
  REQUIRE(transport.get(withKey(server.url("/a"))).ok());
  REQUIRE(transport.get(withKey(server.url("/a"))).ok());
  const auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].clientPort == seen[1].clientPort);
}

TEST_CASE("a body of exactly the cap is kept and one byte more is too large") {
  HttpsServer server;
  server.on("/exact", Reply::json(200, std::string(1000, 'a')));
  server.on("/over", Reply::json(200, std::string(1001, 'a')));
  server.on("/over-chunked", Reply::huge(1001, true));
  net::TransportOptions options = trusting(server);
  options.maxBodyBytes = 1000;
  net::CurlTransport transport(options);

  const auto exact = transport.get(withKey(server.url("/exact")));
  REQUIRE(exact.ok());
  CHECK(exact->body.size() == 1000);
  for (const char* path : {"/over", "/over-chunked"}) {
    CAPTURE(path);
    const auto over = transport.get(withKey(server.url(path)));
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().kind == core::TransportErrorKind::TooLarge);
    CHECK(over.error().message.find("KiB") != std::string::npos);
    CHECK(transport.lastBodyBytes() <= 1000);
  }
}

TEST_CASE("a 50 MB body is abandoned as too large with memory held under the cap") {
  HttpsServer server;
  server.on("/declared", Reply::huge(50u << 20));
  server.on("/chunked", Reply::huge(50u << 20, true));
  // JSON is compressible, so the server gzips it: a small transfer that inflates to 50 MB.
  server.on("/compressed", Reply::huge(50u << 20, true, "application/json"));
  server.on("/compressed-small", Reply::huge(10000, true, "application/json"));
  net::CurlTransport transport(trusting(server));

  const auto small = transport.get(withKey(server.url("/compressed-small")));
  REQUIRE(small.ok());
  REQUIRE(test::headerOf(small.value(), "content-encoding") == "gzip");  // the bomb below really is one
  CHECK(small->body.size() == 10000);

  for (const std::string path : {"/declared", "/chunked", "/compressed"}) {
    CAPTURE(path);
    const long baselineKiB = test::resetPeakRss();
    const auto result = transport.get(withKey(server.url(path)));
    const long peakKiB = test::peakRssKiB();
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == core::TransportErrorKind::TooLarge);
    CHECK(transport.lastBodyBytes() <= std::size_t{1} << 20);
    CHECK(peakKiB - baselineKiB < 20 * 1024);
  }
}

TEST_CASE("a redirect is returned as it is and the other host gets nothing") {
  HttpsServer other;
  other.on("/api/organizations", Reply::json(200, "[]"));
  HttpsServer server;
  server.on("/api/organizations", Reply::redirect(other.url("/api/organizations", "localhost")));
  net::CurlTransport transport(trusting(server));
  const auto result = transport.get(withKey(server.url("/api/organizations")));
  REQUIRE(result.ok());
  CHECK(result->status == 302);
  CHECK(test::headerOf(result.value(), "location") == other.url("/api/organizations", "localhost"));
  CHECK(server.requestCount() == 1);
  CHECK(other.requestCount() == 0);
}

TEST_CASE("a certificate from an untrusted CA fails as tls before any request is sent") {
  HttpsServer server(HttpsServer::Identity::Untrusted);
  server.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = test::sharedPki().trusted().caFile});
  const auto result = transport.get(withKey(server.url("/a")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Tls);
  CHECK_FALSE(result.error().message.empty());
  CHECK(result.error().message.find(kKey) == std::string::npos);
  CHECK(server.requestCount() == 0);

  // The same server is fine once its CA is trusted: the failure above was about trust alone.
  net::CurlTransport trustingIt(trusting(server));
  CHECK(trustingIt.get(withKey(server.url("/a"))).ok());
}

TEST_CASE("without an extra CA the test certificate is not trusted") {
  HttpsServer server;
  server.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(net::TransportOptions{});
  const auto result = transport.get(withKey(server.url("/a")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Tls);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("without an extra CA the system CA directory alone decides trust") {
  HttpsServer systemSigned;  // stands in for a server the system store trusts
  systemSigned.on("/a", Reply::json(200, "{}"));
  HttpsServer stranger(HttpsServer::Identity::Untrusted);
  stranger.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(net::TransportOptions{.systemCaPath = test::sharedPki().trusted().caDir});
  CHECK(transport.get(withKey(systemSigned.url("/a"))).ok());
  const auto refused = transport.get(withKey(stranger.url("/a")));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == core::TransportErrorKind::Tls);
  CHECK(stranger.requestCount() == 0);
}

TEST_CASE("an extra CA adds trust to the system store and removes none") {
  HttpsServer systemSigned;  // stands in for a server the system store trusts
  systemSigned.on("/a", Reply::json(200, "{}"));
  HttpsServer extraSigned(HttpsServer::Identity::Untrusted);
  extraSigned.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = extraSigned.caFile(),
                                                .systemCaPath = test::sharedPki().trusted().caDir});
  CHECK(transport.get(withKey(systemSigned.url("/a"))).ok());
  CHECK(transport.get(withKey(extraSigned.url("/a"))).ok());

  // The stand-in store alone: the extra CA's server is not trusted without it.
  net::CurlTransport systemOnly(net::TransportOptions{.extraCaFile = systemSigned.caFile(),
                                                 .systemCaPath = test::sharedPki().trusted().caDir});
  const auto refused = systemOnly.get(withKey(extraSigned.url("/a")));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == core::TransportErrorKind::Tls);
}

TEST_CASE("without a system CA directory the extra CA is still trusted and others are not") {
  HttpsServer server;
  server.on("/a", Reply::json(200, "{}"));
  HttpsServer stranger(HttpsServer::Identity::Untrusted);
  stranger.on("/a", Reply::json(200, "{}"));
  const auto noDirectory = test::sharedPki().directory() / "no-such-directory";
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.caFile(), .systemCaPath = noDirectory});
  CHECK(transport.get(withKey(server.url("/a"))).ok());
  const auto refused = transport.get(withKey(stranger.url("/a")));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == core::TransportErrorKind::Tls);
}

TEST_CASE("an unreadable extra CA file fails as tls naming the file and sends nothing") {
  HttpsServer server;
  server.on("/a", Reply::json(200, "{}"));
  const auto missing = test::sharedPki().directory() / "no-such-ca.pem";
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = missing});
  const auto result = transport.get(withKey(server.url("/a")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Tls);
  CHECK(result.error().message.find("no-such-ca.pem") != std::string::npos);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("a closed port fails as network") {
  int port = 0;
  {
    HttpsServer gone;
    port = gone.port();
  }
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = test::sharedPki().trusted().caFile});
  const auto result =
      transport.get(withKey("https://127.0.0.1:" + std::to_string(port) + "/api/organizations"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Network);
  CHECK_FALSE(result.error().message.empty());
  CHECK(result.error().message.find(kKey) == std::string::npos);
}

TEST_CASE("anything but an https URL or a clean header is refused without sending") {
  HttpsServer server;
  server.on("/a", Reply::json(200, "{}"));
  net::CurlTransport transport(trusting(server));
  const std::string hostPort = "127.0.0.1:" + std::to_string(server.port());
  for (const std::string& url :
       {"http://" + hostPort + "/a", "ftp://" + hostPort + "/a", "//" + hostPort + "/a"}) {
    CAPTURE(url);
    const auto result = transport.get(withKey(url));
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == core::TransportErrorKind::Refused);
  }
  core::HttpRequest smuggled = withKey(server.url("/a"));
  smuggled.headers.emplace_back("X-Extra", "1\r\nCookie: sessionKey=other");
  const auto result = transport.get(smuggled);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Refused);
  CHECK(server.requestCount() == 0);
}
