#pragma once
// Runs a program as a child process for end-to-end tests: stdin from a string, stdout and stderr
// captured, exit status returned. Tests drive the real binary exactly as a person or Claude Code does.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.h"

namespace cut::test {

struct ProcessResult {
  int exitCode = -1;      ///< the exit status, or 128 + signal when killed by one
  std::string out;        ///< everything written to stdout
  std::string err;        ///< everything written to stderr
  bool timedOut = false;  ///< killed after the deadline (a test failure, never a measurement)
};

struct ProcessSpec {
  std::vector<std::string> argv;  ///< argv[0] is the path of the program
  std::string input;              ///< written to stdin, which is then closed
  /// Extra environment entries "NAME=value"; they override the inherited ones.
  std::vector<std::string> env;
  /// Names removed from the inherited environment.
  std::vector<std::string> unsetEnv;
  /// A safety net against a hung child so a broken build cannot hang the suite.
  std::chrono::seconds deadline{60};
};

/// A child started by startProcess. Owns the child and its pipes: wait() feeds stdin, drains both
/// outputs and reaps it. Destroyed without wait(), the child is killed and reaped.
class RunningProcess {
 public:
  RunningProcess(RunningProcess&& other) noexcept;
  RunningProcess& operator=(RunningProcess&&) = delete;
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;
  ~RunningProcess();

  /// Blocks until the child has exited (or was killed at the deadline); call once.
  ProcessResult wait();

 private:
  friend RunningProcess startProcess(const ProcessSpec& spec);
  RunningProcess() = default;

  int m_pid = -1;
  int m_in = -1;
  int m_out = -1;
  int m_err = -1;
  std::string m_input;
  std::chrono::steady_clock::time_point m_deadline;
};

/// Starts the child and returns at once, so a test can have many running together. Its stdin, stdout
/// and stderr are pipes private to it (close-on-exec), so no child keeps another's stdin open.
RunningProcess startProcess(const ProcessSpec& spec);

/// startProcess then wait.
ProcessResult runProcess(const ProcessSpec& spec);

/// The path of the built program (the CUT_BINARY define set by tests/CMakeLists.txt).
std::string programPath();

}  // namespace cut::test
