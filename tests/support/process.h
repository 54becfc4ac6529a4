#pragma once
// Runs a program as a child process for end-to-end tests: stdin from a string, stdout and stderr
// captured, exit status returned. Tests drive the real binary exactly as a person or Claude Code does.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace cut::test {

struct ProcessResult {
  int exitCode = -1;    ///< the exit status, or 128 + signal when killed by one
  std::string out;      ///< everything written to stdout
  std::string err;      ///< everything written to stderr
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

ProcessResult runProcess(const ProcessSpec& spec);

/// The path of the built program (the CUT_BINARY define set by tests/CMakeLists.txt).
std::string programPath();

/// A fresh empty directory under $TMPDIR (or /tmp), removed when this object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }
  std::string operator/(const std::string& name) const { return m_path + "/" + name; }

 private:
  std::string m_path;
};

/// Whole file content, or empty when it cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace cut::test
