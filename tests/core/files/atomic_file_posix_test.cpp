// The atomic file writer's POSIX meanings: exact modes under any umask, inodes and hard links, a
// file-size limit, symlinks, FIFOs, inotify and flock. The cases both OSes share are in
// atomic_file_test.cpp.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <csignal>
#include <thread>
#include <vector>

#include "core/files/atomic_file.h"
#include "support/temp_dir.h"

namespace atomic_file_posix_test {

using namespace cut::core;
using namespace cut::test;

TEST_CASE("a target under a regular file fails with the system's reason") {
  TempDir dir;
  writeWholeFile(dir / "plain", "I am a file");
  const auto result = writeFileAtomic(dir / "plain" / "settings.json", "x", 0600);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("Not a directory") != std::string::npos);
}

TEST_CASE("readFile refuses a FIFO instead of blocking on it") {
  TempDir dir;
  const auto fifo = dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto result = readFile(fifo, 4096);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("not a regular file") != std::string::npos);
}

TEST_CASE("writeFileAtomic gives the file exactly the requested mode under umask 0") {
  TempDir dir;
  UmaskScope mask(0);
  const auto path = dir / "secret";
  REQUIRE(writeFileAtomic(path, "hello\n", 0600).ok());
  CHECK(modeOf(path) == 0600);
  CHECK(readWholeFile(path) == "hello\n");
  CHECK(entryCount(dir.path()) == 1);  // no temporary file left beside it
}

TEST_CASE("writeFileAtomic restores bits a restrictive umask 077 removed") {
  TempDir dir;
  UmaskScope mask(077);
  REQUIRE(writeFileAtomic(dir / "shared", "x", 0644).ok());
  CHECK(modeOf(dir / "shared") == 0644);
  REQUIRE(writeFileAtomic(dir / "private", "x", 0600).ok());
  CHECK(modeOf(dir / "private") == 0600);
}

TEST_CASE("replacing a file puts a new inode in place and never touches the old one") {
  TempDir dir;
  UmaskScope mask(0);
  const auto path = dir / "key";
  writeWholeFile(path, "old content");
  ::chmod(path.c_str(), 0644);
  // A second name for the old inode shows whether it was chmod'ed or rewritten in place.
  REQUIRE(::link(path.c_str(), (dir / "witness").c_str()) == 0);
  const ino_t oldInode = lstatOf(path).st_ino;

  REQUIRE(writeFileAtomic(path, "new content", 0600).ok());
  CHECK(lstatOf(path).st_ino != oldInode);
  CHECK(modeOf(path) == 0600);
  CHECK(readWholeFile(path) == "new content");
  CHECK(readWholeFile(dir / "witness") == "old content");
  CHECK(modeOf(dir / "witness") == 0644);
}

TEST_CASE("a write that fails midway leaves the existing file as it was and no temporary file") {
  TempDir dir;
  const auto path = dir / "settings.json";
  writeWholeFile(path, "{\"old\": true}");
  const ino_t oldInode = lstatOf(path).st_ino;

  // A file-size limit makes write() fail with EFBIG after 16 bytes; it binds root too.
  rlimit old{};
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
  const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 16;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  const auto result = writeFileAtomic(path, std::string(4096, 'n'), 0600);
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, oldHandler);

  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find(path.string()) != std::string::npos);
  CHECK(result.error().message.find("nnnn") == std::string::npos);
  CHECK(readWholeFile(path) == "{\"old\": true}");
  CHECK(lstatOf(path).st_ino == oldInode);
  CHECK(entryCount(dir.path()) == 1);
}

TEST_CASE("a symlink at the target is replaced by a regular file and what it pointed to is untouched") {
  TempDir dir;
  const auto elsewhere = dir / "elsewhere";
  writeWholeFile(elsewhere, "not yours");
  ::chmod(elsewhere.c_str(), 0644);
  const auto path = dir / "key";
  REQUIRE(::symlink(elsewhere.c_str(), path.c_str()) == 0);

  REQUIRE(writeFileAtomic(path, "mine", 0600).ok());
  CHECK(S_ISREG(lstatOf(path).st_mode));
  CHECK(modeOf(path) == 0600);
  CHECK(readWholeFile(path) == "mine");
  CHECK(readWholeFile(elsewhere) == "not yours");
  CHECK(modeOf(elsewhere) == 0644);
}

TEST_CASE("a dangling symlink at the target is replaced without creating the file it named") {
  TempDir dir;
  const auto path = dir / "key";
  REQUIRE(::symlink((dir / "nowhere").c_str(), path.c_str()) == 0);
  REQUIRE(writeFileAtomic(path, "mine", 0600).ok());
  CHECK(S_ISREG(lstatOf(path).st_mode));
  CHECK_FALSE(std::filesystem::exists(dir / "nowhere"));
}

TEST_CASE("missing parent folders are created with mode 0700, existing ones keep theirs") {
  TempDir dir;
  UmaskScope mask(0);
  ::chmod(dir.path().c_str(), 0755);
  const auto path = dir / "a" / "b" / "settings.json";
  REQUIRE(writeFileAtomic(path, "{}", 0600).ok());
  CHECK(modeOf(dir / "a") == 0700);
  CHECK(modeOf(dir / "a" / "b") == 0700);
  CHECK(modeOf(dir.path()) == 0755);
  CHECK(readWholeFile(path) == "{}");
}

TEST_CASE("no temporary file is ever seen with a mode wider than the one requested") {
  // Watches the folder while files are written and stats every temporary file the moment it
  // appears. A writer that created with 0666 and chmod'ed later could be caught here.
  TempDir dir;
  UmaskScope mask(0);
  const int watch = ::inotify_init1(IN_CLOEXEC);
  REQUIRE(watch >= 0);
  REQUIRE(::inotify_add_watch(watch, dir.path().c_str(), IN_CREATE) >= 0);
  const int dirFd = ::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(dirFd >= 0);

  std::vector<mode_t> seen;
  std::thread observer([&] {
    alignas(inotify_event) char buffer[4096];
    for (bool done = false; !done;) {
      const ssize_t n = ::read(watch, buffer, sizeof buffer);
      if (n <= 0) break;
      for (ssize_t at = 0; at < n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
        const std::string name = event->len > 0 ? event->name : "";
        if (name == "stop") done = true;
        struct stat st {};
        if (name.starts_with(".key.tmp-") && ::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
          seen.push_back(st.st_mode & 07777);
        }
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
  });
  const std::string content(256 * 1024, 'k');
  for (int i = 0; i < 20; ++i) REQUIRE(writeFileAtomic(dir / "key", content, 0600).ok());
  writeWholeFile(dir / "stop", "");
  observer.join();
  ::close(dirFd);
  ::close(watch);

  MESSAGE("temporary files observed: " << seen.size());
  for (mode_t mode : seen) CHECK(mode == 0600);
  CHECK(modeOf(dir / "key") == 0600);
}

TEST_CASE("readFile follows a symlink to the file it names") {
  TempDir dir;
  writeWholeFile(dir / "real", "content");
  REQUIRE(::symlink((dir / "real").c_str(), (dir / "link").c_str()) == 0);
  const auto result = readFile(dir / "link", 100);
  REQUIRE(result.ok());
  CHECK(result.value() == "content");
}

TEST_CASE("a temporary left by a killed writer is removed by the next write, a live writer's is kept") {
  TempDir dir;
  const auto path = dir / ".claude-session-key";
  // What a writer killed between creating and renaming leaves: no one holds its lock.
  const auto stale = dir / "..claude-session-key.tmp-killed0001";
  writeWholeFile(stale, "sk-ant-sid01-STALE_KEY_abcdefgh\n");
  // A writer still at work holds an flock on its temporary until the rename.
  const auto live = dir / "..claude-session-key.tmp-working001";
  writeWholeFile(live, "sk-ant-sid01-LIVE_KEY_abcdefgh\n");
  const int liveFd = ::open(live.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(liveFd >= 0);
  REQUIRE(::flock(liveFd, LOCK_EX) == 0);
  // Another file's temporary is not ours to judge.
  const auto other = dir / ".settings.json.tmp-killed0001";
  writeWholeFile(other, "{}");

  REQUIRE(writeFileAtomic(path, "sk-ant-sid01-NEW_KEY_abcdefghij\n", 0600).ok());
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(live));
  CHECK(std::filesystem::exists(other));
  CHECK(readWholeFile(path) == "sk-ant-sid01-NEW_KEY_abcdefghij\n");
  ::close(liveFd);
}

// A 64 GiB sparse file: under Wine the C runtime refuses to make one ("File too large").
TEST_CASE("readFile refuses a huge sparse file without loading it") {
  TempDir dir;
  const auto path = dir / "huge";
  writeWholeFile(path, "");
  std::filesystem::resize_file(path, std::uintmax_t{64} * 1024 * 1024 * 1024);  // 64 GiB, no blocks
  const auto result = readFile(path, 4096);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().tooLarge);
}

}  // namespace atomic_file_posix_test
