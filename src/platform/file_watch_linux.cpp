// FileWatch on Linux: inotify on the file's folder, read by a thread that sleeps in poll() until
// an event or the stop signal (an eventfd) arrives.

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>

#include "platform/file_watch.h"

namespace cut::platform {

struct FileWatch::Impl {
  std::string name;  ///< the file's name inside the watched folder
  std::function<void()> changed;
  int inotifyFd = -1;
  int stopFd = -1;
  std::atomic<bool> active{false};
  std::thread thread;

  void run();
  /// Reads every queued event; true when one was about `name`, or the folder itself went away.
  bool drain();
};

bool FileWatch::Impl::drain() {
  bool relevant = false;
  // inotify returns whole events; a buffer this size holds several with file names.
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(inotifyFd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return relevant;
    for (ssize_t offset = 0; offset < n;) {
      inotify_event event{};
      std::memcpy(&event, buffer + offset, sizeof event);
      const char* eventName = buffer + offset + static_cast<ssize_t>(sizeof event);
      if (event.len > 0 && name == eventName) relevant = true;
      if ((event.mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) != 0) {
        // The folder is gone or moved: no more notices; the caller falls back to checking mtimes.
        active = false;
        relevant = true;
      }
      offset += static_cast<ssize_t>(sizeof event) + static_cast<ssize_t>(event.len);
    }
  }
}

void FileWatch::Impl::run() {
  pollfd fds[2] = {{inotifyFd, POLLIN, 0}, {stopFd, POLLIN, 0}};
  for (;;) {
    const int ready = ::poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || (fds[1].revents & POLLIN) != 0) return;
    if ((fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
      active = false;
      changed();
      return;
    }
    if (drain()) changed();
    if (!active) return;
  }
}

FileWatch::FileWatch(const std::filesystem::path& file, std::function<void()> changed)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->name = file.filename().string();
  m_impl->changed = std::move(changed);
  m_impl->inotifyFd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (m_impl->inotifyFd < 0) return;
  const std::string folder = file.has_parent_path() ? file.parent_path().string() : std::string(".");
  constexpr std::uint32_t kMask =
      IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_DELETE_SELF | IN_MOVE_SELF;
  if (::inotify_add_watch(m_impl->inotifyFd, folder.c_str(), kMask) < 0) return;
  m_impl->stopFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m_impl->stopFd < 0) return;
  m_impl->active = true;
  m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
}

FileWatch::~FileWatch() {
  if (m_impl->thread.joinable()) {
    const std::uint64_t one = 1;
    (void)!::write(m_impl->stopFd, &one, sizeof one);
    m_impl->thread.join();
  }
  if (m_impl->stopFd >= 0) ::close(m_impl->stopFd);
  if (m_impl->inotifyFd >= 0) ::close(m_impl->inotifyFd);
}

bool FileWatch::active() const { return m_impl->active; }

}  // namespace cut::platform
