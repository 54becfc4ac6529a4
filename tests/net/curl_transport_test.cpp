#include "net/curl_transport.h"

#include <doctest/doctest.h>

#include "net/https_server.h"

using namespace cut;

TEST_CASE("a request to the loopback server returns status headers and body") {
  test::HttpsServer server;
  server.on("/hello", test::Reply::json(200, R"({"ok":true})", {{"X-Test", "yes"}}));
  net::CurlTransport transport(net::CurlOptions{.extraCaFile = server.caFile()});
  const auto result = transport.get(core::HttpRequest{server.url("/hello"), {}});
  REQUIRE(result.ok());
  CHECK(result->status == 200);
  CHECK(result->body == R"({"ok":true})");
}
