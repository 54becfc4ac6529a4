#include "core/files/private_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/files/posix_io.h"

namespace cut::core {
namespace {

std::string refuse(const std::filesystem::path& dir, const std::string& why) {
  return "refusing to use " + dir.string() + ": " + why +
         ". Use a folder only you can write to (--config-dir / --state-dir, or XDG_CONFIG_HOME / "
         "XDG_STATE_HOME), or fix its owner and permissions (chmod go-w).";
}

std::string ownerText(uid_t uid) { return "uid " + std::to_string(uid); }

}  // namespace

Result<Done, FileError> checkPrivateDir(const std::filesystem::path& dir) {
  const uid_t me = ::geteuid();
  const std::filesystem::path absolute = std::filesystem::absolute(dir).lexically_normal();
  struct stat info {};
  if (::stat(absolute.c_str(), &info) != 0) {
    if (errno == ENOENT) return Done{};
    return fail(FileError{.message = "cannot check " + dir.string() + ": " + detail::errnoText(errno)});
  }
  if (!S_ISDIR(info.st_mode)) return fail(FileError{.message = refuse(dir, "it is not a folder")});
  if (info.st_uid != me)
    return fail(
        FileError{.message = refuse(dir, "it belongs to another user (" + ownerText(info.st_uid) + ")")});
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    return fail(FileError{.message = refuse(dir, "other users can write to it")});

  // Whoever owns a folder above can rename ours away and put theirs in its place.
  for (auto above = absolute.parent_path();; above = above.parent_path()) {
    if (::stat(above.c_str(), &info) == 0) {
      if (info.st_uid != me && info.st_uid != 0)
        return fail(FileError{.message = refuse(dir, above.string() + " above it belongs to another user (" +
                                                         ownerText(info.st_uid) + ")")});
      if ((info.st_mode & S_IWOTH) != 0 && (info.st_mode & S_ISVTX) == 0)
        return fail(FileError{.message = refuse(dir, "anyone can write to " + above.string() + " above it")});
    }
    if (above == above.root_path() || !above.has_relative_path()) break;
  }
  return Done{};
}

Result<std::string, ReadError> readPrivateFile(const std::filesystem::path& path, std::size_t maxBytes) {
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  if (raw < 0) {
    const int err = errno;
    if (err == ELOOP)
      return fail(ReadError{.message = path.string() + " is a symbolic link; it was not followed"});
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + detail::errnoText(err),
                          .missing = err == ENOENT});
  }
  detail::FdGuard fd(raw);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0)
    return fail(ReadError{.message = "cannot read " + path.string() + ": " + detail::errnoText(errno)});
  if (info.st_uid != ::geteuid())
    return fail(ReadError{.message = path.string() + " belongs to another user (" + ownerText(info.st_uid) +
                                     "); it was not read"});
  return detail::readOpenFile(fd.get(), path, maxBytes);
}

}  // namespace cut::core
