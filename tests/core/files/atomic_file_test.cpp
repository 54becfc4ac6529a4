// The atomic file writer and the bounded reader on every OS: content, atomic replacement, private
// files and folders, bounds and messages. Modes, inodes, symlinks and FIFOs are in
// atomic_file_posix_test.cpp; the Windows meanings in atomic_file_windows_test.cpp.
#include "core/files/atomic_file.h"

#include <doctest/doctest.h>

#include "support/file_access.h"
#include "support/temp_dir.h"

namespace atomic_file_test {

using namespace cut::core;
using namespace cut::test;

TEST_CASE("writeFileAtomic writes the content to a private file and leaves no temporary file") {
  TempDir dir;
  const auto path = dir / "secret";
  REQUIRE(writeFileAtomic(path, "hello\n", 0600).ok());
  CHECK(readWholeFile(path) == "hello\n");
  CHECK(othersWithAccess(path) == "");
  CHECK(entryCount(dir.path()) == 1);
}

TEST_CASE("replacing a file puts a new file in place whole and leaves no temporary file") {
  TempDir dir;
  const auto path = dir / "settings.json";
  writeWholeFile(path, "old content");
  const auto before = fileIdentity(path);
  REQUIRE(before != 0);
  REQUIRE(writeFileAtomic(path, "new content, longer than the old", 0600).ok());
  CHECK(fileIdentity(path) != before);
  CHECK(readWholeFile(path) == "new content, longer than the old");
  CHECK(othersWithAccess(path) == "");
  CHECK(entryCount(dir.path()) == 1);
}

TEST_CASE("missing parent folders are created private") {
  TempDir dir;
  const auto path = dir / "a" / "b" / "settings.json";
  REQUIRE(writeFileAtomic(path, "{}", 0600).ok());
  CHECK(othersWithAccess(dir / "a") == "");
  CHECK(othersWithAccess(dir / "a" / "b") == "");
  CHECK(readWholeFile(path) == "{}");
}

TEST_CASE("a target under a regular file fails with a message naming the path and not the content") {
  TempDir dir;
  writeWholeFile(dir / "plain", "I am a file");
  const auto path = dir / "plain" / "settings.json";
  const auto result = writeFileAtomic(path, "CONTENT-MUST-NOT-LEAK", 0600);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find(path.string()) != std::string::npos);
  CHECK(result.error().message.find("CONTENT-MUST-NOT-LEAK") == std::string::npos);
  CHECK(readWholeFile(dir / "plain") == "I am a file");
}

TEST_CASE("a folder at the target path is left alone and the temporary file is removed") {
  TempDir dir;
  const auto path = dir / "target";
  std::filesystem::create_directory(path);
  writeWholeFile(path / "inside", "kept");
  const auto result = writeFileAtomic(path, "data", 0600);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find(path.string()) != std::string::npos);
  CHECK(std::filesystem::is_directory(path));
  CHECK(readWholeFile(path / "inside") == "kept");
  CHECK(entryCount(dir.path()) == 1);
}

TEST_CASE("a relative path is written in the current folder") {
  TempDir dir;
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  const auto result = writeFileAtomic("relative.txt", "here", 0600);
  std::filesystem::current_path(previous);
  REQUIRE(result.ok());
  CHECK(readWholeFile(dir / "relative.txt") == "here");
}

TEST_CASE("large content is written in full") {
  TempDir dir;
  std::string content(3 * 1024 * 1024 + 7, '\0');
  for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 31 % 251);
  REQUIRE(writeFileAtomic(dir / "big", content, 0600).ok());
  CHECK(readWholeFile(dir / "big") == content);
}

TEST_CASE("readFile returns the exact bytes, NUL bytes included") {
  TempDir dir;
  const std::string content("a\0b\r\n\xff", 6);
  writeWholeFile(dir / "f", content);
  const auto result = readFile(dir / "f", 100);
  REQUIRE(result.ok());
  CHECK(result.value() == content);
}

TEST_CASE("readFile reports a missing file as missing") {
  TempDir dir;
  const auto result = readFile(dir / "absent", 100);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().missing);
  CHECK_FALSE(result.error().tooLarge);
  CHECK(result.error().message.find((dir / "absent").string()) != std::string::npos);
}

TEST_CASE("readFile accepts a file exactly at the cap and refuses one byte more") {
  TempDir dir;
  writeWholeFile(dir / "f", std::string(64, 'x'));
  CHECK(readFile(dir / "f", 64).ok());
  const auto result = readFile(dir / "f", 63);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().tooLarge);
  CHECK_FALSE(result.error().missing);
  CHECK(result.error().message.find("xxxx") == std::string::npos);
}

TEST_CASE("readFile refuses a folder") {
  TempDir dir;
  const auto folder = readFile(dir.path(), 4096);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error().message.find("not a regular file") != std::string::npos);
}

}  // namespace atomic_file_test
