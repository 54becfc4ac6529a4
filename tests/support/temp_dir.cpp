#include "support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>

#include "support/env_scope.h"

namespace cut::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cut-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  m_path = pattern;
}

mode_t modeOf(const std::filesystem::path& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return static_cast<mode_t>(-1);
  return st.st_mode & 07777;
}

struct stat lstatOf(const std::filesystem::path& path) {
  struct stat st {};
  ::lstat(path.c_str(), &st);
  return st;
}

void setEnvironment(const std::string& name, const std::optional<std::string>& value) {
  if (value)
    ::setenv(name.c_str(), value->c_str(), 1);
  else
    ::unsetenv(name.c_str());
}

std::string homeVariable() { return "HOME"; }

}  // namespace cut::test
