#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/files/file_system.h"
#include "core/files/posix_io.h"

namespace cut::core::detail {

Result<Done, std::string> makePrivateDir(const std::filesystem::path& dir) {
  if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return Done{};
  return fail(errnoText(errno));
}

Result<Done, std::string> removeFile(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return fail(errnoText(errno));
  return Done{};
}

MoveOutcome moveNoReplace(const std::filesystem::path& from, const std::filesystem::path& to,
                          std::string& why) {
  // link() fails on an existing name, so two processes doing this at once cannot clobber each
  // other's copy.
  if (::link(from.c_str(), to.c_str()) == 0) {
    ::unlink(from.c_str());
    return MoveOutcome::Moved;
  }
  if (errno == EEXIST) return MoveOutcome::TargetExists;
  if (errno == ENOENT) return MoveOutcome::SourceMissing;
  // File systems without hard links: check, then rename (racy, but only between two of our own
  // processes finding the same file at the same moment).
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(to, ec))) return MoveOutcome::TargetExists;
  if (::rename(from.c_str(), to.c_str()) == 0) return MoveOutcome::Moved;
  why = errnoText(errno);
  return MoveOutcome::Failed;
}

std::optional<FileInfo> fileInfo(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileInfo{
      .mtimeNs = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
      .size = static_cast<std::int64_t>(info.st_size),
      .device = static_cast<std::uint64_t>(info.st_dev),
      .inode = static_cast<std::uint64_t>(info.st_ino)};
}

std::optional<unsigned> permissionBits(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return static_cast<unsigned>(info.st_mode & 0777);
}

std::optional<std::filesystem::path> homeFromEnvironment() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || home[0] == '\0') return std::nullopt;
  return std::filesystem::path(home);
}

std::filesystem::path homeFromAccount() {
  const passwd* entry = ::getpwuid(::getuid());
  return entry != nullptr && entry->pw_dir != nullptr ? entry->pw_dir : "/";
}

bool isOwnFile(const std::filesystem::path& path, bool socketToo) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || info.st_uid != ::getuid()) return false;
  return S_ISREG(info.st_mode) || (socketToo && S_ISSOCK(info.st_mode));
}

Result<SecretText, SecretReadError> readSecretFile(const std::filesystem::path& path, std::size_t maxBytes) {
  using Kind = SecretReadError::Kind;
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (raw < 0) {
    const int err = errno;
    return fail(
        SecretReadError{.kind = err == ENOENT ? Kind::Missing : Kind::Unreadable, .why = errnoText(err)});
  }
  FdGuard fd(raw);
  SecretText secret;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0)
    return fail(SecretReadError{.kind = Kind::Unreadable, .why = errnoText(errno)});
  if (!S_ISREG(st.st_mode)) return fail(SecretReadError{.kind = Kind::NotRegular});
  if ((st.st_mode & 077) != 0) {
    // Through fd, so a symlink swapped after open() cannot redirect the chmod to another file.
    if (::fchmod(fd.get(), 0600) != 0)
      return fail(SecretReadError{.kind = Kind::CannotTighten, .why = errnoText(errno)});
    secret.tightened = true;
  }
  auto text = readOpenFile(fd.get(), path, maxBytes);
  if (!text) {
    return fail(SecretReadError{.kind = text.error().tooLarge ? Kind::TooLarge : Kind::ReadFailed,
                                .why = text.error().message});
  }
  secret.text = std::move(text).value();
  return secret;
}

std::string makePrivateByHand(const std::filesystem::path& path) { return "run: chmod 600 " + path.string(); }

std::string tightenedDescription() { return "its mode is now 0600"; }

}  // namespace cut::core::detail
