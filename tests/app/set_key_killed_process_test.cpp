// `set-key` killed with SIGKILL at random moments, many times: the key file is always the old key
// or the new one, 0600, and after the next write no temporary file holding a key is left beside it.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/cli_sandbox.h"

using namespace cut;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("process");

namespace {

constexpr const char* kKeyA = "sk-ant-sid01-KILLTEST_aaaaaaaaaa";
constexpr const char* kKeyB = "sk-ant-sid01-KILLTEST_bbbbbbbbbb";

// Starts `set-key --no-verify` with `keyInput` as its stdin and returns its pid.
pid_t startSetKey(const test::CliSandbox& sandbox, const fs::path& keyInput) {
  const std::vector<std::string> args = {CUT_FULL_PROGRAM,
                                         "set-key",
                                         "--no-verify",
                                         "--key-file=" + sandbox.keyFile(),
                                         "--config-dir=" + sandbox.configDir(),
                                         "--state-dir=" + sandbox.stateDir()};
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(keyInput.c_str(), O_RDONLY);
    const int null = ::open("/dev/null", O_WRONLY);
    if (in < 0 || null < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int waitFor(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

std::vector<fs::path> temporaries(const test::CliSandbox& sandbox) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(sandbox.home()))
    if (entry.path().filename().string().starts_with("..claude-session-key.tmp-"))
      found.push_back(entry.path());
  return found;
}

}  // namespace

TEST_CASE("set-key killed at random moments never leaves a half key or a key in a temporary file") {
  test::CliSandbox sandbox;
  const fs::path inputA = fs::path(sandbox.home()) / "input-a";
  const fs::path inputB = fs::path(sandbox.home()) / "input-b";
  test::writeWholeFile(inputA, std::string(kKeyA) + "\n");
  test::writeWholeFile(inputB, std::string(kKeyB) + "\n");
  sandbox.writeKeyFile(std::string(kKeyA) + "\n");

  // One whole run gives the span in which the kills land; the span is only a spread, never checked.
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(waitFor(startSetKey(sandbox, inputA)) == 0);
  const auto span =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);

  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<long> delay(0, std::max<long>(1, span.count()));
  int killed = 0;
  for (int round = 0; round < 150; ++round) {
    const pid_t pid = startSetKey(sandbox, round % 2 == 0 ? inputB : inputA);
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    ::kill(pid, SIGKILL);
    const int status = waitFor(pid);
    killed += WIFSIGNALED(status) ? 1 : 0;
    const std::string key = test::readWholeFile(sandbox.keyFile());
    CAPTURE(round);
    CHECK((key == std::string(kKeyA) + "\n" || key == std::string(kKeyB) + "\n"));
    CHECK(test::fileMode(sandbox.keyFile()) == 0600);
  }
  MESSAGE(killed << " of 150 runs were killed before they finished");

  // The next write clears whatever the killed ones left.
  REQUIRE(waitFor(startSetKey(sandbox, inputB)) == 0);
  CHECK(test::readWholeFile(sandbox.keyFile()) == std::string(kKeyB) + "\n");
  for (const fs::path& left : temporaries(sandbox)) {
    CAPTURE(left);
    CHECK(test::readWholeFile(left).find("sk-ant-") == std::string::npos);
  }
  CHECK(temporaries(sandbox).empty());
}
