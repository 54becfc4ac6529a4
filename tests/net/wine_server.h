#pragma once
// The Linux test_https_server as the Windows transport tests see it under Wine: started by a CTest
// fixture (tests/net/wine_https_fixture.sh) before the suite, one server per scenario, with its CA
// already added to the Wine prefix's Root store by wine_trust_ca. This side reads what the fixture
// wrote: the ports file (`NAME PORT` lines) and the request log (`<port> <METHOD> <target>` then a
// tab and `Name: value` per header), through Wine's Z: drive.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cut::test {

/// The fixture's folder, as a Windows path (CMake passes the Linux one).
inline std::string wineServerDir() { return std::string("Z:") + CUT_WINE_SERVER_DIR; }

/// The port serving `scenario` (as named to the server: `ok`, `untrusted:ok`, ...). Throws when the
/// fixture did not start it, so a missing server fails the test loudly.
inline int scenarioPort(std::string_view scenario) {
  std::ifstream in(wineServerDir() + "/ports");
  std::string name;
  int port = 0;
  while (in >> name >> port) {
    if (name == scenario) return port;
  }
  throw std::runtime_error("the fixture serves no scenario " + std::string(scenario));
}

/// https://localhost:<port of scenario><path>. Wine ignores IP addresses in certificates, so the
/// name is localhost (the certificate has DNS:localhost).
inline std::string scenarioUrl(std::string_view scenario, std::string_view path = "/api/organizations") {
  return "https://localhost:" + std::to_string(scenarioPort(scenario)) + std::string(path);
}

/// Every line of the server's request log so far.
inline std::vector<std::string> requestLog() {
  std::ifstream in(wineServerDir() + "/requests.log");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The logged requests that arrived on `port` and whose target holds `marker`.
inline std::vector<std::string> requestsTo(int port, std::string_view marker) {
  std::vector<std::string> found;
  const std::string prefix = std::to_string(port) + ' ';
  for (const std::string& line : requestLog()) {
    const std::string_view head = std::string_view(line).substr(0, line.find('\t'));
    if (line.starts_with(prefix) && head.find(marker) != std::string_view::npos) found.push_back(line);
  }
  return found;
}

/// The logged requests that arrived on `port`, whatever their target.
inline std::vector<std::string> requestsTo(int port) { return requestsTo(port, ""); }

/// A fixture file's bytes (the bodies the server answers with).
inline std::string fixtureText(std::string_view name) {
  std::ifstream in(std::string("Z:") + CUT_FIXTURES_DIR + "/" + std::string(name), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace cut::test
