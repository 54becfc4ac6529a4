// test_https_server: the loopback HTTPS server in its own process, playing claude.ai in one scenario
// (or several, one server each), for end-to-end tests of the program, the Windows transport tests
// under Wine and the benchmark.
//
//   test_https_server --scenario NAME [--scenario NAME ...] [--port-file F] [--ports-file F]
//                     [--ca-out F] [--log F] [--untrusted] [--expect-key-file F] [--fixtures DIR]
//                     [--max-seconds N] [--keep-alive-seconds N]
//
//   --scenario NAME      what to answer (default ok); `--scenario list` prints every name. Names and
//                        what each answers: tests/net/scenarios.h. Given more than once, each
//                        scenario gets a server (and port) of its own. `untrusted:NAME` serves NAME
//                        with the untrusted certificate, beside trusted servers in one process.
//   --port-file F        write the (first scenario's) port (decimal, newline) to F once listening
//                        and everything else is ready (CA file written); written to a temporary file
//                        and renamed, so F appears complete. The port is also printed on stdout.
//   --ports-file F       likewise, one `NAME PORT` line per --scenario, as given, in order.
//   --ca-out F           write the CA certificate (PEM) that clients must trust to F: pass it as
//                        `--ca-file F`. With --untrusted it is still the trusted CA, which the
//                        server's certificate does not chain to.
//   --log F              append one line per request: `<port> <METHOD> <target>` then, for each
//                        header, a tab and `Name: value`. The target (path and query) is the third
//                        space-separated field, so `cut -f1 F | grep KEY` finds a key in any URL.
//   --untrusted          present a certificate from a CA no client trusts (the `tls` case).
//   --expect-key-file F  answer 401 (error_401.json) to any request whose Cookie is not
//                        `sessionKey=<first line of F>`.
//   --fixtures DIR       where the response bodies come from (default: the source tree's fixtures).
//   --max-seconds N      exit 0 after N seconds even if nobody stops it (default 600).
//   --keep-alive-seconds N  how long a connection may wait for a request (default 1).
//
// It runs until SIGTERM or SIGINT (then stops cleanly, exit 0). Exit 2 on bad arguments, 1 when the
// server cannot start. Scenario `redirect` starts a second server on another port that the first
// redirects to (under the name localhost); its requests are logged with its own port.

#include <signal.h>
#include <time.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/https_server.h"
#include "net/scenarios.h"

namespace {

using cut::test::HttpsServer;
using cut::test::RecordedRequest;
using cut::test::Reply;

constexpr std::string_view kUntrustedPrefix = "untrusted:";

struct Args {
  std::vector<std::string> scenarios;
  std::filesystem::path portFile, portsFile, caOut, log, expectKeyFile;
  std::filesystem::path fixtures = CUT_FIXTURES_DIR;
  bool untrusted = false;
  long maxSeconds = 600;
  long keepAliveSeconds = 1;
};

std::optional<Args> parse(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--untrusted") {
      args.untrusted = true;
      continue;
    }
    if (i + 1 >= argc) return std::nullopt;
    const std::string value = argv[++i];
    if (flag == "--scenario")
      args.scenarios.push_back(value);
    else if (flag == "--port-file")
      args.portFile = value;
    else if (flag == "--ports-file")
      args.portsFile = value;
    else if (flag == "--ca-out")
      args.caOut = value;
    else if (flag == "--log")
      args.log = value;
    else if (flag == "--expect-key-file")
      args.expectKeyFile = value;
    else if (flag == "--fixtures")
      args.fixtures = value;
    else if (flag == "--max-seconds")
      args.maxSeconds = std::strtol(value.c_str(), nullptr, 10);
    else if (flag == "--keep-alive-seconds")
      args.keepAliveSeconds = std::strtol(value.c_str(), nullptr, 10);
    else
      return std::nullopt;
  }
  if (args.scenarios.empty()) args.scenarios.emplace_back("ok");
  if (args.keepAliveSeconds < 1) return std::nullopt;
  return args;
}

void writeAtomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
  }
  std::filesystem::rename(temp, path);
}

class RequestLog {
 public:
  explicit RequestLog(const std::filesystem::path& path) {
    if (!path.empty()) m_out.open(path, std::ios::app);
  }
  void write(const RecordedRequest& request) {
    if (!m_out.is_open()) return;
    const std::lock_guard lock(m_mutex);
    m_out << request.serverPort << ' ' << request.method << ' ' << request.target;
    for (const auto& [name, value] : request.headers) m_out << '\t' << name << ": " << value;
    m_out << '\n' << std::flush;
  }

 private:
  std::mutex m_mutex;
  std::ofstream m_out;
};

// One scenario's server, and the other host its redirect points to.
struct Served {
  std::unique_ptr<HttpsServer> server;
  std::unique_ptr<HttpsServer> other;
};

}  // namespace

int main(int argc, char** argv) {
  const auto args = parse(argc, argv);
  if (!args) {
    std::cerr << "usage: test_https_server --scenario NAME [--scenario NAME ...] [--port-file F]\n"
                 "       [--ports-file F] [--ca-out F] [--log F] [--untrusted] [--expect-key-file F]\n"
                 "       [--fixtures DIR] [--max-seconds N] [--keep-alive-seconds N]\n";
    return 2;
  }
  if (args->scenarios.front() == "list") {
    for (const auto& name : cut::test::scenarioNames()) std::cout << name << '\n';
    return 0;
  }

  // Block the stop signals before any server thread starts, so only sigtimedwait below sees them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGTERM);
  sigaddset(&stopSignals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  try {
    const auto& pki = cut::test::sharedPki();
    RequestLog log(args->log);
    std::string expectedCookie;
    if (!args->expectKeyFile.empty()) {
      std::ifstream in(args->expectKeyFile);
      std::string key;
      std::getline(in, key);
      expectedCookie = "sessionKey=" + key;
    }
    const std::string unauthorized = cut::test::readFile(args->fixtures / "error_401.json");
    auto prepare = [&](HttpsServer& server) {
      server.setRequestObserver([&log](const RecordedRequest& request) { log.write(request); });
      if (!expectedCookie.empty()) {
        server.setInterceptor([&](const RecordedRequest& request) -> std::optional<Reply> {
          if (request.header("Cookie") == expectedCookie) return std::nullopt;
          return Reply::json(401, unauthorized);
        });
      }
    };

    std::vector<Served> served;
    std::string ports;
    for (const std::string& entry : args->scenarios) {
      const bool untrusted = args->untrusted || entry.starts_with(kUntrustedPrefix);
      const std::string name =
          entry.starts_with(kUntrustedPrefix) ? entry.substr(kUntrustedPrefix.size()) : entry;
      const auto identity = untrusted ? HttpsServer::Identity::Untrusted : HttpsServer::Identity::Trusted;
      const std::chrono::seconds keepAlive(args->keepAliveSeconds);
      Served one{std::make_unique<HttpsServer>(identity, pki, keepAlive), nullptr};
      prepare(*one.server);
      if (name == "redirect") {
        one.other = std::make_unique<HttpsServer>(HttpsServer::Identity::Trusted, pki, keepAlive);
        prepare(*one.other);
      }
      if (!cut::test::installScenario(*one.server, name, args->fixtures, one.other.get())) {
        std::cerr << "test_https_server: unknown scenario '" << name << "' (try --scenario list)\n";
        return 2;
      }
      ports += entry + ' ' + std::to_string(one.server->port()) + '\n';
      served.push_back(std::move(one));
    }
    if (!args->caOut.empty()) writeAtomically(args->caOut, cut::test::readFile(pki.trusted().caFile));
    const int firstPort = served.front().server->port();
    std::cout << firstPort << std::endl;
    // Last: once a port file exists, everything else (CA file, stdout line) is in place.
    if (!args->portsFile.empty()) writeAtomically(args->portsFile, ports);
    if (!args->portFile.empty()) writeAtomically(args->portFile, std::to_string(firstPort) + "\n");

    const timespec limit{static_cast<time_t>(args->maxSeconds), 0};
    while (sigtimedwait(&stopSignals, nullptr, &limit) < 0 && errno == EINTR) {
    }
    for (Served& one : served) {
      if (one.other) one.other->stop();
      one.server->stop();
    }
  } catch (const std::exception& error) {
    std::cerr << "test_https_server: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
