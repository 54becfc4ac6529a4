#include "app/front_binary.h"

#include <unistd.h>

#include <climits>
#include <string>
#include <string_view>

namespace cut::app {

std::filesystem::path frontBinary() {
  char path[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return {};
  std::filesystem::path self(std::string(path, static_cast<std::size_t>(n)));
  constexpr std::string_view kFullSuffix = "-full";
  if (const std::string name = self.filename().string(); name.ends_with(kFullSuffix)) {
    auto front = self.parent_path() / name.substr(0, name.size() - kFullSuffix.size());
    std::error_code ec;
    if (std::filesystem::is_regular_file(front, ec)) return front;
  }
  return self;
}

}  // namespace cut::app
