// CurlTransport against servers that never finish: hanging, dripping, and cancel() from another
// thread. Timeouts are shortened to a few seconds; the cases that wait on them are labelled `slow`.

#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>

#include "net/curl_transport.h"
#include "net/https_server.h"
#include "net/transport_test_support.h"

using namespace cut;
using namespace std::chrono_literals;
using test::HttpsServer;
using test::Reply;

namespace {

constexpr const char* kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

core::HttpRequest withKey(std::string url) {
  return core::HttpRequest{std::move(url), {{"Cookie", std::string("sessionKey=") + kKey}}};
}

}  // namespace

TEST_CASE("a server that never answers ends in timeout after the whole-request limit" *
          doctest::test_suite("slow")) {
  HttpsServer server;
  server.on("/hang", Reply::hang());
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.caFile(), .totalTimeout = 2s});
  const auto result = transport.get(withKey(server.url("/hang")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Timeout);
  CHECK_FALSE(result.error().message.empty());
  CHECK(result.error().message.find(kKey) == std::string::npos);
  CHECK(server.requestCount() == 1);
}

TEST_CASE("a server that accepts but never starts TLS hits the connect timeout" *
          doctest::test_suite("slow")) {
  // A listening socket nobody accepts from: the kernel completes the TCP handshake, TLS never starts.
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  REQUIRE(bind(listener, reinterpret_cast<sockaddr*>(&address), length) == 0);
  REQUIRE(listen(listener, 4) == 0);
  REQUIRE(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  const std::string url =
      "https://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/api/organizations";

  net::CurlTransport transport(net::TransportOptions{
      .extraCaFile = test::sharedPki().trusted().caFile, .connectTimeout = 1s, .totalTimeout = 20s});
  const auto result = transport.get(withKey(url));
  close(listener);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Timeout);
  // libcurl says "SSL connection timeout" here; the 20 s limit would say "Operation timed out".
  CHECK(result.error().message.find("onnection") != std::string::npos);
}

TEST_CASE("a server dripping a byte a second is cut off by the low-speed limit" *
          doctest::test_suite("slow")) {
  HttpsServer server;
  server.on("/drip", Reply::drip());
  // The whole-request limit is far away, so only the low-speed abort can end this in time.
  net::CurlTransport transport(
      net::TransportOptions{.extraCaFile = server.caFile(), .totalTimeout = 20s, .lowSpeedTime = 2s});
  const auto result = transport.get(withKey(server.url("/drip")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Timeout);
  CHECK(result.error().message.find("slow") != std::string::npos);  // libcurl's low-speed wording
  CHECK(result.error().message.find(kKey) == std::string::npos);
}

TEST_CASE("cancel from another thread ends a hanging request as aborted") {
  HttpsServer server;
  server.on("/hang", Reply::hang());
  server.on("/ok", Reply::json(200, "{}"));
  // No timeout could end it within the test: only cancel() can.
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.caFile(), .totalTimeout = 600s});
  auto pending = std::async(std::launch::async, [&] { return transport.get(withKey(server.url("/hang"))); });
  REQUIRE(test::waitUntil([&] { return server.requestCount() == 1; }));
  transport.cancel();
  const auto result = pending.get();
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Aborted);

  // Cancellation sticks: later requests end at once and send nothing.
  const auto later = transport.get(withKey(server.url("/ok")));
  REQUIRE_FALSE(later.ok());
  CHECK(later.error().kind == core::TransportErrorKind::Aborted);
  CHECK(server.requestCount() == 1);
}

TEST_CASE("cancel before a request ends it as aborted without sending anything") {
  HttpsServer server;
  server.on("/ok", Reply::json(200, "{}"));
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.caFile()});
  transport.cancel();
  const auto result = transport.get(withKey(server.url("/ok")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Aborted);
  CHECK(server.requestCount() == 0);
}

TEST_CASE("stopping the server releases a hanging reply and a dripping one") {
  HttpsServer server;
  server.on("/hang", Reply::hang());
  server.on("/drip", Reply::drip());
  net::CurlTransport hanging(net::TransportOptions{.extraCaFile = server.caFile(), .totalTimeout = 600s});
  net::CurlTransport dripping(
      net::TransportOptions{.extraCaFile = server.caFile(), .totalTimeout = 600s, .lowSpeedBytes = 0});
  auto first = std::async(std::launch::async, [&] { return hanging.get(withKey(server.url("/hang"))); });
  auto second = std::async(std::launch::async, [&] { return dripping.get(withKey(server.url("/drip"))); });
  REQUIRE(test::waitUntil([&] { return server.requestCount() == 2; }));
  server.stop();  // must return although both replies would go on forever
  const auto released = first.get();
  REQUIRE(released.ok());
  CHECK(released->status == 503);  // the hanging handler answers once it is let go
  const auto cut = second.get();
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().kind == core::TransportErrorKind::Network);  // the drip ends mid-body
}
