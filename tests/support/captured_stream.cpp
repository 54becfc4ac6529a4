#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "support/captured_stream.h"

namespace cut::test {

CapturedStream::CapturedStream(int fd) : m_fd(fd) {
  char name[] = "/tmp/cut-captured-XXXXXX";
  m_file = ::mkstemp(name);
  if (m_file < 0) throw std::runtime_error("mkstemp failed");
  ::unlink(name);
  std::fflush(nullptr);
  m_saved = ::dup(fd);
  ::dup2(m_file, fd);
}

CapturedStream::~CapturedStream() {
  std::fflush(nullptr);
  ::dup2(m_saved, m_fd);
  ::close(m_saved);
  ::close(m_file);
}

std::string CapturedStream::text() {
  std::fflush(nullptr);
  std::string out;
  char buffer[4096];
  for (off_t at = 0;;) {
    const ssize_t n = ::pread(m_file, buffer, sizeof buffer, at);
    if (n <= 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    at += n;
  }
  return out;
}

}  // namespace cut::test
