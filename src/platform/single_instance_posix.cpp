#include "platform/single_instance.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

#include "core/files/private_dir.h"

namespace cut::platform {
namespace {

constexpr char kActivate[] = "show\n";

bool fillAddress(const std::filesystem::path& path, sockaddr_un& address) {
  std::memset(&address, 0, sizeof(address));
  address.sun_family = AF_UNIX;
  const std::string text = path.string();
  if (text.size() >= sizeof(address.sun_path)) return false;
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  return true;
}

}  // namespace

struct SingleInstance::Impl {
  std::filesystem::path m_lockPath;
  std::filesystem::path m_socketPath;
  std::function<void()> m_onActivate;
  int m_lockFd = -1;
  int m_listenFd = -1;
  int m_stopPipe[2] = {-1, -1};
  std::thread m_thread;

  ~Impl();
  void listen();
  void notifyRunning();
};

SingleInstance::SingleInstance(const std::filesystem::path& dir, std::function<void()> onActivate)
    : m_impl(std::make_unique<Impl>()) {
  Impl& impl = *m_impl;
  impl.m_lockPath = dir / "widget.lock";
  impl.m_socketPath = dir / "widget.sock";
  impl.m_onActivate = std::move(onActivate);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!ec) std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
  // Another user's folder could hold their lock forever, or a socket that answers for us.
  if (auto trusted = core::checkPrivateDir(dir); !trusted) {
    m_error = trusted.error().message;
    return;
  }
  impl.m_lockFd =
      ::open(impl.m_lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
  if (impl.m_lockFd < 0) {
    m_error = "cannot open " + impl.m_lockPath.string() + ": " + std::strerror(errno);
    return;
  }
  struct stat info {};
  if (::fstat(impl.m_lockFd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid()) {
    m_error = impl.m_lockPath.string() + " is not a file of this user";
    ::close(impl.m_lockFd);
    impl.m_lockFd = -1;
    return;
  }
  if (::flock(impl.m_lockFd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      m_error = "cannot lock " + impl.m_lockPath.string() + ": " + std::strerror(errno);
      return;
    }
    m_outcome = Outcome::AlreadyRunning;
    impl.notifyRunning();
    return;
  }
  m_outcome = Outcome::First;
  impl.listen();
}

SingleInstance::~SingleInstance() = default;

SingleInstance::Impl::~Impl() {
  if (m_thread.joinable()) {
    const char stop = 'q';
    [[maybe_unused]] const auto written = ::write(m_stopPipe[1], &stop, 1);
    m_thread.join();
  }
  for (int fd : {m_stopPipe[0], m_stopPipe[1], m_listenFd}) {
    if (fd >= 0) ::close(fd);
  }
  if (m_listenFd >= 0) ::unlink(m_socketPath.c_str());
  if (m_lockFd >= 0) ::close(m_lockFd);  // releases the flock
}

void SingleInstance::Impl::notifyRunning() {
  sockaddr_un address{};
  if (!fillAddress(m_socketPath, address)) return;
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) {
    [[maybe_unused]] const auto written = ::send(fd, kActivate, sizeof(kActivate) - 1, MSG_NOSIGNAL);
  }
  ::close(fd);
}

void SingleInstance::Impl::listen() {
  // Holding the lock means any socket file left here belongs to a process that has gone.
  ::unlink(m_socketPath.c_str());
  sockaddr_un address{};
  if (!fillAddress(m_socketPath, address)) return;  // path too long: the lock alone still holds
  m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (m_listenFd < 0) return;
  if (::bind(m_listenFd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(m_listenFd, 4) != 0 || ::pipe2(m_stopPipe, O_CLOEXEC) != 0) {
    ::close(m_listenFd);
    m_listenFd = -1;
    return;
  }
  m_thread = std::thread([this] {
    for (;;) {
      std::array<pollfd, 2> fds = {pollfd{m_listenFd, POLLIN, 0}, pollfd{m_stopPipe[0], POLLIN, 0}};
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      if (fds[0].revents & POLLIN) {
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        // The message content is not trusted or needed: any connection from this user asks for "show".
        ::close(client);
        if (m_onActivate) m_onActivate();
      }
    }
  });
}

}  // namespace cut::platform
