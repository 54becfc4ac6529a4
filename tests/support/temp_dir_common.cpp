// The OS-neutral half of temp_dir.h, shared by temp_dir.cpp (POSIX) and temp_dir_windows.cpp.
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace cut::test {

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void writeWholeFile(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

std::string fixture(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(CUT_FIXTURES_DIR) / name;
  std::ifstream in(path, std::ios::binary);
  if (!in.good()) throw std::runtime_error("missing fixture " + name);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

int entryCount(const std::filesystem::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace cut::test
