#pragma once
// A real temporary folder for tests that touch files, and the small file helpers that go with it:
// whole-file reads and writes, permission bits, a scoped umask. Shared by every suite.

#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <string>

namespace cut::test {

/// A fresh empty folder from mkdtemp under $TMPDIR (or /tmp), removed with everything in it when
/// the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

/// Sets the umask for one scope.
class UmaskScope {
 public:
  explicit UmaskScope(mode_t mask) : m_old(static_cast<mode_t>(::umask(mask))) {}
  UmaskScope(const UmaskScope&) = delete;
  UmaskScope& operator=(const UmaskScope&) = delete;
  ~UmaskScope() { ::umask(m_old); }

 private:
  mode_t m_old;
};

/// Whole file content, or empty when it cannot be read.
std::string readWholeFile(const std::filesystem::path& path);

/// Replaces the file's content with `content`, byte for byte, creating its folders when missing.
void writeWholeFile(const std::filesystem::path& path, const std::string& content);

/// The content of tests/fixtures/`name` (CUT_FIXTURES_DIR); throws when it is missing, which fails
/// the test that asked for it.
std::string fixture(const std::string& name);

/// The permission bits of `path` itself (a symlink is not followed), or all ones when absent.
mode_t modeOf(const std::filesystem::path& path);

/// lstat of `path`, zeroed when absent.
struct stat lstatOf(const std::filesystem::path& path);

/// How many entries a folder holds; a leftover temporary file shows up here.
int entryCount(const std::filesystem::path& dir);

}  // namespace cut::test
