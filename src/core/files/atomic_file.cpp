#include "core/files/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <random>
#include <system_error>

#include "core/files/posix_io.h"

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

std::string randomSuffix() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
  std::string suffix(10, 'x');
  for (char& c : suffix) c = kAlphabet[pick(engine)];
  return suffix;
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

// Writes and syncs the already-created temporary file; the caller removes it on failure.
Result<Done, FileError> fillTemp(FdGuard& fd, const std::filesystem::path& target, std::string_view content,
                                 mode_t mode) {
  // open() applied the umask, which may have removed bits the caller asked for; never adds any.
  if (::fchmod(fd.get(), mode) != 0) return fail(fileError(target, "cannot set permissions", errno));
  if (auto written = writeAll(fd.get(), target, content); !written) return written;
  if (::fsync(fd.get()) != 0) return fail(fileError(target, "cannot flush to disk", errno));
  if (const int err = fd.close(); err != 0) return fail(fileError(target, "cannot close", err));
  return Done{};
}

}  // namespace

Result<Done, FileError> writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                        mode_t mode) {
  mode &= 07777;
  const std::filesystem::path name = path.filename();
  if (name.empty() || name == "." || name == "..") return fail(fileError(path, "not a file name", EINVAL));
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (auto made = makeParents(path, dir); !made) return made;

  // O_EXCL makes the name ours alone and O_NOFOLLOW refuses a planted symlink; the file gets `mode`
  // (narrowed by the umask, never widened) at creation, so no moment exists with looser permissions.
  std::filesystem::path temp;
  int raw = -1;
  for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
    temp = dir / ("." + name.string() + ".tmp-" + randomSuffix());
    raw = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode);
    if (raw < 0 && errno != EEXIST && errno != EINTR)
      return fail(fileError(path, "cannot create a temporary file", errno));
  }
  if (raw < 0) return fail(fileError(path, "cannot create a temporary file", EEXIST));
  FdGuard fd(raw);

  auto filled = fillTemp(fd, path, content, mode);
  if (filled && ::rename(temp.c_str(), path.c_str()) != 0)
    filled = fail(fileError(path, "cannot replace the file", errno));
  if (!filled) {
    ::unlink(temp.c_str());
    return filled;
  }

  // Makes the rename itself durable. The new file is already in place, so a failure here (some file
  // systems cannot sync folders) is not reported: the caller could do nothing better than retry a
  // write that succeeded.
  if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
  return Done{};
}

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
