// The Windows side of temp_dir.h: the same folders and file helpers through std::filesystem.
// Permission bits are what std::filesystem reports (Windows has only the read-only attribute).
#include <random>
#include <stdexcept>

#include "support/env_scope.h"
#include "support/temp_dir.h"

namespace cut::test {

TempDir::TempDir() {
  std::random_device seed;
  std::mt19937_64 engine(seed());
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate =
        std::filesystem::temp_directory_path() / ("cut-test-" + std::to_string(engine() % 1000000000));
    std::error_code ec;
    if (std::filesystem::create_directory(candidate, ec)) {
      m_path = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

mode_t modeOf(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  if (ec || !std::filesystem::exists(status)) return static_cast<mode_t>(-1);
  return static_cast<mode_t>(static_cast<unsigned>(status.permissions()) & 07777u);
}

struct stat lstatOf(const std::filesystem::path& path) {
  struct stat st {};
  ::stat(path.string().c_str(), &st);
  return st;
}

// _putenv_s with an empty value unsets the variable: the Windows runtime keeps no empty ones.
void setEnvironment(const std::string& name, const std::optional<std::string>& value) {
  if (::_putenv_s(name.c_str(), value ? value->c_str() : "") != 0)
    throw std::runtime_error("cannot set " + name);
}

std::string homeVariable() { return "USERPROFILE"; }

}  // namespace cut::test
