#pragma once
// What a standard stream receives during one scope, for tests of code that prints.

#include <string>

namespace cut::test {

/// Everything written to a standard stream (STDOUT_FILENO or STDERR_FILENO) for one scope, read
/// back with text(). Real file descriptors, so it sees what printf and fputs write.
class CapturedStream {
 public:
  explicit CapturedStream(int fd);
  ~CapturedStream();
  CapturedStream(const CapturedStream&) = delete;
  CapturedStream& operator=(const CapturedStream&) = delete;

  /// What was written so far.
  std::string text();

 private:
  int m_fd;
  int m_saved;
  int m_file;
};

}  // namespace cut::test
