// The POSIX side of file_access.h: modes and inodes through lstat and chmod.
#include <sys/stat.h>

#include <cstdio>
#include <stdexcept>

#include "support/file_access.h"

namespace cut::test {

std::string othersWithAccess(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return "nobody: " + path.string() + " is missing";
  if ((st.st_mode & 077) == 0) return "";
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  return std::string("group or others, by mode ") + mode;
}

void makeReadableByOthers(const std::filesystem::path& path) {
  const mode_t mode = std::filesystem::is_directory(path) ? 0755 : 0644;
  if (::chmod(path.c_str(), mode) != 0) throw std::runtime_error("chmod failed on " + path.string());
}

void makeWritableByOthers(const std::filesystem::path& path) {
  const mode_t mode = std::filesystem::is_directory(path) ? 0777 : 0666;
  if (::chmod(path.c_str(), mode) != 0) throw std::runtime_error("chmod failed on " + path.string());
}

std::uint64_t fileIdentity(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return 0;
  return static_cast<std::uint64_t>(st.st_ino);
}

}  // namespace cut::test
