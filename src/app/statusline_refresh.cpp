#include "app/statusline_refresh.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <climits>
#include <string>
#include <vector>

#include "core/files/private_dir.h"

namespace cut::app {
namespace {

std::string ownBinary() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return {};
  return std::string(path, static_cast<std::size_t>(n));
}

std::vector<std::string> statusArgs(const std::string& binary, const Options& options) {
  std::vector<std::string> args = {binary,
                                   "status",
                                   "--key-file=" + options.keyFile.string(),
                                   "--config-dir=" + options.configDir.string(),
                                   "--state-dir=" + options.stateDir.string(),
                                   "--api-base=" + options.apiBase,
                                   "--timeout=" + std::to_string(options.timeoutSeconds)};
  if (!options.caFile.empty()) args.push_back("--ca-file=" + options.caFile.string());
  return args;
}

// In the grandchild: detach from the caller's session and pipes, keep only the lock, run status.
[[noreturn]] void execDetached(const std::vector<std::string>& args, int lockFd) {
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
    if (fd != lockFd) ::close(fd);
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));  // NOLINT: execv's type
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

}  // namespace

RefreshStart startBackgroundRefresh(const Options& options) {
  const std::string binary = ownBinary();
  if (binary.empty()) return RefreshStart::Failed;
  std::error_code ec;
  std::filesystem::create_directories(options.stateDir.parent_path(), ec);
  ::mkdir(options.stateDir.c_str(), 0700);  // private like the rest of the state folder
  if (!core::checkPrivateDir(options.stateDir)) return RefreshStart::Failed;  // another user's folder
  const auto lockPath = options.stateDir / "refresh.lock";
  // Not O_CLOEXEC: the status process inherits it and so holds the lock for its whole run.
  const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW, 0600);
  if (fd < 0) return RefreshStart::Failed;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return RefreshStart::AlreadyRunning;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_uid != ::geteuid()) {
    ::close(fd);
    return RefreshStart::Failed;
  }
  if (info.st_size > 0 &&
      ::time(nullptr) - info.st_mtime < static_cast<time_t>(kRefreshAttemptInterval.count())) {
    ::close(fd);
    return RefreshStart::TooSoon;
  }
  // The content is irrelevant; writing a byte moves the modification time to now.
  (void)!::pwrite(fd, "1", 1, 0);

  const auto args = statusArgs(binary, options);
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(fd);
    return RefreshStart::Failed;
  }
  if (child == 0) {
    // Fork twice so the status process is nobody's child here: no zombie, no wait.
    if (::fork() == 0) execDetached(args, fd);
    ::_exit(0);
  }
  ::close(fd);  // the grandchild's copy keeps the lock
  int status = 0;
  ::waitpid(child, &status, 0);
  return RefreshStart::Started;
}

}  // namespace cut::app
