// Text from the server reaches a terminal only through core::terminalSafe: an organization name or
// a limit label holding an escape sequence or a newline is printed with '?' in their place.

#include <doctest/doctest.h>

#include <string>

#include "app/cli_sandbox.h"
#include "net/scenarios.h"

using namespace cut;
using test::CliSandbox;
using test::HttpsServer;

TEST_SUITE_BEGIN("process");

namespace {

// JSON escapes, so the server sends the raw control bytes.
constexpr const char* kHostileOrgs =
    R"([{"uuid": "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10", "name": "Evil\u001b]0;pwned\u0007\nOrg",
         "capabilities": ["chat"]}])";
constexpr const char* kHostileUsage =
    R"({"five_hour": {"utilization": 10, "resets_at": null},
        "limits": [{"kind": "weekly_scoped", "percent": 5, "resets_at": null,
                    "scope": {"model": {"display_name": "Bad\u001b[2J\rName"}}}]})";

bool hasControlByteBesidesNewline(const std::string& text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n') || byte == 0x7f) return true;
  }
  return false;
}

struct HostileServer {
  CliSandbox sandbox;
  HttpsServer server;
  HostileServer() {
    REQUIRE(test::installScenario(server, "ok", CUT_FIXTURES_DIR));
    server.on(std::string(test::kOrganizationsPath), test::Reply::json(200, kHostileOrgs));
    server.on(std::string(test::kUsagePattern), test::Reply::json(200, kHostileUsage));
  }
};

}  // namespace

TEST_CASE("status prints an organization name and labels from the server without control characters") {
  HostileServer h;
  h.sandbox.writeKeyFile(std::string(test::kTestKey) + "\n");
  const auto result = h.sandbox.run({"status"}, &h.server);
  CAPTURE(result.out);
  REQUIRE(result.exitCode == 0);
  CHECK_FALSE(hasControlByteBesidesNewline(result.out));
  CHECK(result.out.find("Organization: Evil?]0;pwned??Org\n") != std::string::npos);
  CHECK(result.out.find("Weekly Bad?[2J?Name") != std::string::npos);
}

TEST_CASE("set-key lists organization names without control characters") {
  HostileServer h;
  const auto result = h.sandbox.run({"set-key"}, &h.server, std::string(test::kTestKey) + "\n");
  CAPTURE(result.out);
  REQUIRE(result.exitCode == 0);
  CHECK_FALSE(hasControlByteBesidesNewline(result.out));
  CHECK(result.out.find("Evil?]0;pwned??Org (5b0e7c1a") != std::string::npos);
}
