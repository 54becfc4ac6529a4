#include "platform/self_path.h"

#include <unistd.h>

#include <climits>
#include <string>

namespace cut::platform {

std::filesystem::path ownPath() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return {};
  return std::string(path, static_cast<std::size_t>(n));
}

}  // namespace cut::platform
