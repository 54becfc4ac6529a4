#include "app/program_paths.h"

#include <string>
#include <string_view>

#include "platform/self_path.h"

namespace cut::app {
namespace {

constexpr std::string_view kFullSuffix = "-full";

bool isFullProgram(const std::filesystem::path& path) {
  return path.filename().string().ends_with(kFullSuffix);
}

}  // namespace

std::filesystem::path frontProgram() {
  auto self = platform::ownPath();
  if (self.empty() || !isFullProgram(self)) return self;
  const std::string name = self.filename().string();
  auto front = self.parent_path() / name.substr(0, name.size() - kFullSuffix.size());
  std::error_code ec;
  return std::filesystem::is_regular_file(front, ec) ? front : self;
}

std::filesystem::path fullProgram() {
  auto self = platform::ownPath();
  if (self.empty() || isFullProgram(self)) return self;
  return self.string() + std::string(kFullSuffix);
}

}  // namespace cut::app
