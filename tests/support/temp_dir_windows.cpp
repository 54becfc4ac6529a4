// The Windows side of temp_dir.h: the same folders and file helpers through std::filesystem.
// Permission bits are what std::filesystem reports (Windows has only the read-only attribute).
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

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

int entryCount(const std::filesystem::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace cut::test
