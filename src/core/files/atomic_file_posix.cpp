#include "core/files/atomic_file.h"
#include "core/files/atomic_write_steps.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "core/files/posix_io.h"
#include "core/files/temp_name.h"

namespace cut::core {
namespace detail {

std::string errnoText(int err) { return std::error_code(err, std::generic_category()).message(); }

FdGuard::~FdGuard() {
  if (m_fd >= 0) ::close(m_fd);
}

int FdGuard::close() {
  const int fd = m_fd;
  m_fd = -1;
  // Linux releases the descriptor even when close() fails (EINTR included), so never retry.
  return ::close(fd) == 0 ? 0 : errno;
}

Result<std::string, ReadError> readOpenFile(int fd, const std::filesystem::path& path, std::size_t maxBytes) {
  auto tooLarge = [&] {
    return fail(ReadError{.message = path.string() + " is larger than " + std::to_string(maxBytes) + " bytes",
                          .tooLarge = true});
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + errnoText(errno)});
  if (!S_ISREG(st.st_mode)) return fail(ReadError{.message = path.string() + " is not a regular file"});
  if (st.st_size > 0 && static_cast<std::uintmax_t>(st.st_size) > maxBytes) return tooLarge();

  // The size can change under us (a file being appended to), so the cap is enforced while reading too.
  std::string data;
  char buffer[8192];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(ReadError{.message = "cannot read " + path.string() + ": " + errnoText(errno)});
    }
    if (n == 0) break;
    const auto count = static_cast<std::size_t>(n);
    if (data.size() + count > maxBytes) return tooLarge();
    data.append(buffer, count);
  }
  return data;
}

}  // namespace detail

namespace {

using detail::errnoText;
using detail::FdGuard;

FileError fileError(const std::filesystem::path& path, std::string_view what, int err) {
  return FileError{.message = "cannot write " + path.string() + ": " + std::string(what) + " (" +
                              errnoText(err) + ")"};
}

Result<Done, FileError> writeAll(int fd, const std::filesystem::path& target, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(fileError(target, "write failed", errno));
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return Done{};
}

// Writes and syncs the already-created temporary file; the caller links or renames it into place.
Result<Done, FileError> fillTemp(int fd, const std::filesystem::path& target, std::string_view content,
                                 mode_t mode) {
  // open() applied the umask, which may have removed bits the caller asked for; never adds any.
  if (::fchmod(fd, mode) != 0) return fail(fileError(target, "cannot set permissions", errno));
  if (auto written = writeAll(fd, target, content); !written) return written;
  if (::fsync(fd) != 0) return fail(fileError(target, "cannot flush to disk", errno));
  return Done{};
}

std::string tempPrefix(const std::filesystem::path& name) { return "." + name.string() + ".tmp-"; }

// An unnamed file in `dir` (O_TMPFILE): until it is linked it has no name, so a writer killed
// while filling it leaves nothing behind. -1 where the file system or kernel cannot.
int openUnnamed(const std::filesystem::path& dir, mode_t mode) {
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd >= 0 && ::flock(fd, LOCK_EX) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Gives the filled unnamed file a temporary name (linkat cannot replace the target; rename can).
bool linkUnnamed(int fd, const std::filesystem::path& temp) {
  // Through /proc, as AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH.
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0;
}

// A named temporary, created with O_EXCL and locked; -1 with errno set on failure.
int openNamed(const std::filesystem::path& temp, mode_t mode) {
  // O_EXCL makes the name ours alone and O_NOFOLLOW refuses a planted symlink.
  const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd >= 0) ::flock(fd, LOCK_EX);
  return fd;
}

}  // namespace

namespace atomic_write {

FileError notAFileName(const std::filesystem::path& target) {
  return fileError(target, "not a file name", EINVAL);
}

// mkdir -p with 0700 for every folder it creates; existing folders keep their mode.
Result<Done, FileError> makeParents(const std::filesystem::path& target, const std::filesystem::path& dir) {
  std::filesystem::path current;
  for (const auto& part : dir) {
    current /= part;
    if (::mkdir(current.c_str(), 0700) == 0 || errno == EEXIST) {
      struct stat st {};
      if (::stat(current.c_str(), &st) != 0)
        return fail(fileError(target, "cannot open folder " + current.string(), errno));
      if (!S_ISDIR(st.st_mode))
        return fail(fileError(target, current.string() + " is not a folder", ENOTDIR));
      continue;
    }
    return fail(fileError(target, "cannot create folder " + current.string(), errno));
  }
  return Done{};
}

// A writer holds an flock on its temporary file from creation to rename, so a temporary whose lock
// can be taken belongs to a writer that died (SIGKILL, power loss) and would otherwise keep its
// content, a session key perhaps, forever. Only regular files of this user are touched.
void removeStaleTemporaries(const std::filesystem::path& dir, const std::filesystem::path& name) {
  DIR* listing = ::opendir(dir.c_str());
  if (listing == nullptr) return;
  const std::string prefix = tempPrefix(name);
  while (const dirent* entry = ::readdir(listing)) {
    if (!std::string_view(entry->d_name).starts_with(prefix)) continue;
    const int fd = ::openat(::dirfd(listing), entry->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) continue;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0)
      ::unlinkat(::dirfd(listing), entry->d_name, 0);
    ::close(fd);
  }
  ::closedir(listing);
}

// One attempt: a temporary (unnamed when possible) filled, synced, then renamed over `path`.
// Sets `retry` when another process's clean-up removed our named temporary before the rename.
Result<Done, FileError> writeOnce(const std::filesystem::path& path, const std::filesystem::path& dir,
                                  std::string_view content, mode_t mode, bool& retry) {
  const std::filesystem::path name = path.filename();
  // The file gets `mode` (narrowed by the umask, never widened) at creation, so no moment exists
  // with looser permissions.
  int raw = openUnnamed(dir, mode);
  const bool unnamed = raw >= 0;
  if (unnamed) {
    FdGuard fd(raw);
    if (auto filled = fillTemp(fd.get(), path, content, mode); !filled) return filled;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const std::filesystem::path temp = dir / (tempPrefix(name) + detail::randomTempSuffix());
      if (linkUnnamed(fd.get(), temp)) {
        if (::rename(temp.c_str(), path.c_str()) == 0) return Done{};
        const int err = errno;
        ::unlink(temp.c_str());
        retry = err == ENOENT;
        return fail(fileError(path, "cannot replace the file", err));
      }
      if (errno != EEXIST) break;  // no /proc, or no hard links here: fall back to a named file
    }
  }

  std::filesystem::path temp;
  raw = -1;
  for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
    temp = dir / (tempPrefix(name) + detail::randomTempSuffix());
    raw = openNamed(temp, mode);
    if (raw < 0 && errno != EEXIST && errno != EINTR)
      return fail(fileError(path, "cannot create a temporary file", errno));
  }
  if (raw < 0) return fail(fileError(path, "cannot create a temporary file", EEXIST));
  FdGuard fd(raw);
  auto filled = fillTemp(fd.get(), path, content, mode);
  if (filled && ::rename(temp.c_str(), path.c_str()) != 0) {
    retry = errno == ENOENT;
    filled = fail(fileError(path, "cannot replace the file", errno));
  }
  if (!filled) ::unlink(temp.c_str());
  return filled;
}

// Makes the rename itself durable. Some file systems cannot sync folders; see the header.
void syncFolder(const std::filesystem::path& dir) {
  if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
}

}  // namespace atomic_write

Result<std::string, ReadError> readFile(const std::filesystem::path& path, std::size_t maxBytes) {
  // O_NONBLOCK keeps open() from waiting on a FIFO; readOpenFile then refuses anything not regular.
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (raw < 0) {
    const int err = errno;
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + errnoText(err),
                          .missing = err == ENOENT});
  }
  FdGuard fd(raw);
  return detail::readOpenFile(fd.get(), path, maxBytes);
}

}  // namespace cut::core
