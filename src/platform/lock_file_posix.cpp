#include "platform/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

namespace cut::platform {
namespace {

// In the grandchild: detach from the caller's session and pipes, keep only the lock, exec.
[[noreturn]] void execDetached(const std::vector<std::string>& args, int keepFd) {
  ::setsid();
  const int devNull = ::open("/dev/null", O_RDWR);
  if (devNull >= 0) {
    ::dup2(devNull, STDIN_FILENO);
    ::dup2(devNull, STDOUT_FILENO);
    ::dup2(devNull, STDERR_FILENO);
  }
  // Any other descriptor (a pipe from Claude Code, say) would keep the caller waiting for EOF.
  const int maxFd = static_cast<int>(std::min<long>(::sysconf(_SC_OPEN_MAX), 4096));
  for (int fd = STDERR_FILENO + 1; fd < maxFd; ++fd)
    if (fd != keepFd) ::close(fd);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));  // NOLINT: execv's type
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

}  // namespace

LockFile::LockFile(const std::filesystem::path& path) {
  // Not O_CLOEXEC: a process started with startDetached() inherits it and so holds the lock.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW, 0600);
  if (fd < 0) return;
  // A lock file planted by another user is not ours to hold or to touch.
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_uid != ::geteuid()) {
    ::close(fd);
    return;
  }
  m_file = fd;
  m_state = ::flock(fd, LOCK_EX | LOCK_NB) == 0 ? State::Held : State::Busy;
}

LockFile::~LockFile() {
  if (m_file >= 0) ::close(static_cast<int>(m_file));
}

std::optional<std::chrono::system_clock::time_point> LockFile::lastTouched() const {
  struct stat info {};
  if (m_file < 0 || ::fstat(static_cast<int>(m_file), &info) != 0 || info.st_size == 0) return std::nullopt;
  return std::chrono::system_clock::from_time_t(info.st_mtime);
}

void LockFile::touch() {
  // The content is irrelevant; writing a byte moves the modification time to now.
  if (m_state == State::Held) (void)!::pwrite(static_cast<int>(m_file), "1", 1, 0);
}

bool startDetached(const std::vector<std::string>& args, const LockFile& inherited) {
  if (args.empty()) return false;
  const pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    // Fork twice so the started process is nobody's child here: no zombie, no wait.
    if (::fork() == 0) execDetached(args, static_cast<int>(inherited.m_file));
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return true;
}

}  // namespace cut::platform
