// test_https_server as a process, the way end-to-end tests and the benchmark use it: it announces
// its port and CA through files, serves a scenario, logs requests and stops cleanly on SIGTERM.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <map>
#include <sstream>

#include "net/curl_transport.h"
#include "net/https_server.h"
#include "net/transport_test_support.h"
#include "support/temp_dir.h"

extern char** environ;

using namespace cut;
using namespace std::chrono_literals;

namespace {

constexpr const char* kKey = "sk-ant-sid01-TESTKEY_abc123xyz";

/// test_https_server running in a temporary directory; SIGTERM and reaped when destroyed.
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> extraArgs) {
    std::vector<std::string> args = {CUT_TEST_HTTPS_SERVER,
                                     "--port-file",
                                     (m_dir / "port").string(),
                                     "--ca-out",
                                     (m_dir / "ca.pem").string(),
                                     "--log",
                                     (m_dir / "requests.log").string(),
                                     "--max-seconds",
                                     "60"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (m_dir / "stdout").c_str(), O_WRONLY | O_CREAT,
                                     0600);
    REQUIRE(posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(test::waitUntil([&] { return std::filesystem::exists(m_dir / "port"); }));
    m_port = std::stoi(test::readFile(m_dir / "port"));
  }
  ~ServerProcess() {
    if (m_pid > 0) stop();
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  /// SIGTERM, then the exit code (128 + signal when killed by one).
  int stop() {
    kill(m_pid, SIGTERM);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  int port() const { return m_port; }
  std::filesystem::path file(const char* name) const { return m_dir / name; }
  std::string url(const std::string& path) const {
    return "https://127.0.0.1:" + std::to_string(m_port) + path;
  }

 private:
  test::TempDir m_dir;
  pid_t m_pid = -1;
  int m_port = 0;
};

core::HttpRequest withKey(std::string url, const std::string& key = kKey) {
  return core::HttpRequest{std::move(url), {{"Cookie", "sessionKey=" + key}}};
}

}  // namespace

TEST_CASE("test_https_server serves a scenario with its CA and logs every request") {
  ServerProcess server({"--scenario", "ok"});
  CHECK(test::readFile(server.file("stdout")) == std::to_string(server.port()) + "\n");
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.file("ca.pem")});
  const auto result = transport.get(withKey(server.url("/api/organizations?probe=1")));
  REQUIRE(result.ok());
  CHECK(result->status == 200);
  CHECK(result->body == test::readFile(std::filesystem::path(CUT_FIXTURES_DIR) / "organizations.json"));

  std::istringstream log(test::readFile(server.file("requests.log")));
  std::string line;
  REQUIRE(std::getline(log, line));
  const std::string url = line.substr(0, line.find('\t'));
  CHECK(url == std::to_string(server.port()) + " GET /api/organizations?probe=1");
  CHECK(line.find(std::string("\tCookie: sessionKey=") + kKey) != std::string::npos);
  CHECK(server.stop() == 0);
}

TEST_CASE("test_https_server answers 401 to any key but the expected one") {
  const test::TempDir dir;
  std::ofstream(dir / "key") << kKey << "\n";
  ServerProcess server({"--scenario", "ok", "--expect-key-file", (dir / "key").string()});
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.file("ca.pem")});
  const auto right = transport.get(withKey(server.url("/api/organizations")));
  REQUIRE(right.ok());
  CHECK(right->status == 200);
  const auto wrong = transport.get(withKey(server.url("/api/organizations"), "sk-ant-sid01-OTHERKEY_xyz"));
  REQUIRE(wrong.ok());
  CHECK(wrong->status == 401);
}

TEST_CASE("test_https_server stops cleanly on SIGTERM while a request hangs") {
  ServerProcess server({"--scenario", "hang"});
  net::CurlTransport transport(
      net::TransportOptions{.extraCaFile = server.file("ca.pem"), .totalTimeout = 30s});
  auto pending = std::async(std::launch::async,
                            [&] { return transport.get(withKey(server.url("/api/organizations"))); });
  const auto log = server.file("requests.log");
  REQUIRE(
      test::waitUntil([&] { return std::filesystem::exists(log) && std::filesystem::file_size(log) > 0; }));
  CHECK(server.stop() == 0);
  const auto result = pending.get();  // released by the stop, or cut off with the process
  if (result.ok()) CHECK(result->status == 503);
}

TEST_CASE("test_https_server with --untrusted presents a certificate the CA file does not cover") {
  ServerProcess server({"--scenario", "ok", "--untrusted"});
  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.file("ca.pem")});
  const auto result = transport.get(withKey(server.url("/api/organizations")));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().kind == core::TransportErrorKind::Tls);
}

TEST_CASE("test_https_server serves several scenarios, each on its own port, untrusted ones beside trusted") {
  const test::TempDir dir;
  ServerProcess server({"--scenario", "ok", "--scenario", "expired", "--scenario", "untrusted:ok",
                        "--ports-file", (dir / "ports").string(), "--keep-alive-seconds", "5"});
  std::istringstream ports(test::readFile(dir / "ports"));
  std::map<std::string, int> portOf;
  std::string name;
  int port = 0;
  while (ports >> name >> port) portOf[name] = port;
  REQUIRE(portOf.size() == 3);
  CHECK(portOf["ok"] == server.port());  // --port-file names the first
  CHECK(portOf["expired"] != portOf["ok"]);

  net::CurlTransport transport(net::TransportOptions{.extraCaFile = server.file("ca.pem")});
  const auto at = [](int p) { return "https://127.0.0.1:" + std::to_string(p) + "/api/organizations"; };
  const auto ok = transport.get(withKey(at(portOf["ok"])));
  REQUIRE(ok.ok());
  CHECK(ok->status == 200);
  const auto expired = transport.get(withKey(at(portOf["expired"])));
  REQUIRE(expired.ok());
  CHECK(expired->status == 401);
  const auto untrusted = transport.get(withKey(at(portOf["untrusted:ok"])));
  REQUIRE_FALSE(untrusted.ok());
  CHECK(untrusted.error().kind == core::TransportErrorKind::Tls);
  CHECK(server.stop() == 0);
}
