#include "core/history/history_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/claude/usage_parser.h"
#include "core/files/posix_io.h"

namespace cut::core::detail {
namespace {

HistoryError fileError(const std::filesystem::path& path, const std::string& what) {
  return HistoryError{.message = path.string() + ": " + what};
}

// Each missing folder is created 0700 (create_directories would use 0777 less the umask).
bool makeFolders(const std::filesystem::path& folder) {
  struct stat info {};
  if (folder.empty() || ::stat(folder.c_str(), &info) == 0) return true;
  if (folder.has_parent_path() && folder.parent_path() != folder && !makeFolders(folder.parent_path()))
    return false;
  return ::mkdir(folder.c_str(), 0700) == 0 || errno == EEXIST;
}

// "2026-11-30T04:16:36Z" → "20261130T041636Z": no colons in a file name.
std::string compactTime(TimePoint now) {
  std::string text;
  for (const char c : formatIsoTimeUtc(now))
    if (c != '-' && c != ':') text += c;
  return text;
}

}  // namespace

Result<FileIdentity, HistoryError> prepareHistoryFile(const std::filesystem::path& path) {
  if (!makeFolders(path.parent_path())) {
    return fail(fileError(path.parent_path(), "cannot create the folder: " + errnoText(errno)));
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
  if (fd < 0) {
    const int err = errno;
    if (err == ELOOP) return fail(fileError(path, "is a symbolic link; not followed"));
    return fail(fileError(path, "cannot open: " + errnoText(err)));
  }
  FdGuard guard(fd);
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail(fileError(path, "cannot read its status: " + errnoText(errno)));
  if (!S_ISREG(info.st_mode)) return fail(fileError(path, "is not a regular file"));
  if (info.st_uid != ::geteuid()) return fail(fileError(path, "belongs to another user"));
  if ((info.st_mode & 077) != 0 && ::fchmod(fd, 0600) != 0) {
    return fail(fileError(path, "cannot make it private (mode 0600): " + errnoText(errno)));
  }
  return FileIdentity{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

std::filesystem::path setAsideHistory(const std::filesystem::path& path, FileIdentity expected,
                                      TimePoint now) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || info.st_dev != expected.device || info.st_ino != expected.inode) {
    return {};
  }
  const std::string base = path.string() + ".bad-" + compactTime(now);
  std::string target = base;
  for (int n = 2; ::lstat(target.c_str(), &info) == 0 && n < 1000; ++n)
    target = base + "-" + std::to_string(n);
  if (::rename(path.c_str(), target.c_str()) != 0) return {};
  // The -wal belongs to the file set aside: left behind, it could be replayed into the new one.
  (void)::rename((path.string() + "-wal").c_str(), (target + "-wal").c_str());
  (void)::unlink((path.string() + "-shm").c_str());
  return target;
}

}  // namespace cut::core::detail
