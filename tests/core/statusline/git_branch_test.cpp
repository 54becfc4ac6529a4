#include "core/statusline/git_branch.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <future>
#include <vector>

#include "support/temp_dir.h"

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// gitBranch(start) on another thread. A call still blocked after a generous guard wait (opening a
// FIFO for reading waits for a writer) fails the test; the FIFOs are then opened for writing so the
// blocked call returns and the test can end instead of hanging the suite.
std::optional<std::string> branchWithoutHanging(const fs::path& start, const std::vector<fs::path>& fifos) {
  auto call = std::async(std::launch::async, [start] { return gitBranch(start); });
  if (call.wait_for(std::chrono::seconds(10)) == std::future_status::timeout) {
    FAIL_CHECK("gitBranch blocked on a FIFO");
    for (const fs::path& fifo : fifos) {
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    }
  }
  return call.get();
}

}  // namespace

TEST_CASE("HEAD text names a branch or a short commit") {
  CHECK(branchFromHead("ref: refs/heads/main\n") == "main");
  CHECK(branchFromHead("ref: refs/heads/feature/status-line") == "feature/status-line");
  CHECK(branchFromHead("ref: refs/remotes/origin/x\n") == "remotes/origin/x");
  CHECK(branchFromHead("4d6603b1c2e9a0f4d3b2a1908f7e6d5c4b3a2910\n") == "4d6603b");
  CHECK_FALSE(branchFromHead(""));
  CHECK_FALSE(branchFromHead("garbage"));
  CHECK_FALSE(branchFromHead("ref: "));
}

TEST_CASE("the branch is found by walking up from a nested folder") {
  TempDir tmp;
  write(tmp.path() / "repo/.git/HEAD", "ref: refs/heads/develop\n");
  fs::create_directories(tmp.path() / "repo/src/deep/er");
  CHECK(gitBranch(tmp.path() / "repo/src/deep/er") == "develop");
  CHECK(gitBranch(tmp.path() / "repo") == "develop");
  CHECK(gitBranch(tmp.path() / "repo/src/") == "develop");
}

TEST_CASE("a detached HEAD shows the short commit") {
  TempDir tmp;
  write(tmp.path() / "repo/.git/HEAD", "0123456789abcdef0123456789abcdef01234567\n");
  CHECK(gitBranch(tmp.path() / "repo") == "0123456");
}

TEST_CASE("a worktree's .git file with an absolute gitdir is followed") {
  TempDir tmp;
  write(tmp.path() / "main/.git/worktrees/wt/HEAD", "ref: refs/heads/statusline\n");
  write(tmp.path() / "wt/.git", "gitdir: " + (tmp.path() / "main/.git/worktrees/wt").string() + "\n");
  fs::create_directories(tmp.path() / "wt/src");
  CHECK(gitBranch(tmp.path() / "wt/src") == "statusline");
}

TEST_CASE("a submodule's relative gitdir is resolved from its own folder") {
  TempDir tmp;
  write(tmp.path() / "super/.git/HEAD", "ref: refs/heads/main\n");
  write(tmp.path() / "super/.git/modules/lib/HEAD", "ref: refs/heads/lib-branch\n");
  write(tmp.path() / "super/lib/.git", "gitdir: ../.git/modules/lib\n");
  CHECK(gitBranch(tmp.path() / "super/lib") == "lib-branch");
  CHECK(gitBranch(tmp.path() / "super") == "main");
}

TEST_CASE("outside a repository, or with a broken .git, there is no branch") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "plain/sub");
  // The temp folder itself might sit inside a repository on some machines; only check broken ones.
  write(tmp.path() / "broken/.git", "not a gitdir line\n");
  CHECK_FALSE(gitBranch(tmp.path() / "broken"));
  write(tmp.path() / "dangling/.git", "gitdir: /nonexistent/cut-test\n");
  CHECK_FALSE(gitBranch(tmp.path() / "dangling"));
  CHECK_FALSE(gitBranch(""));
}

TEST_CASE("a FIFO as HEAD or as .git gives no branch instead of blocking") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "fifo_head/.git");
  const fs::path head = tmp.path() / "fifo_head/.git/HEAD";
  REQUIRE(::mkfifo(head.c_str(), 0600) == 0);
  CHECK_FALSE(branchWithoutHanging(tmp.path() / "fifo_head", {head}));

  fs::create_directories(tmp.path() / "fifo_git");
  const fs::path dotGit = tmp.path() / "fifo_git/.git";
  REQUIRE(::mkfifo(dotGit.c_str(), 0600) == 0);
  CHECK_FALSE(branchWithoutHanging(tmp.path() / "fifo_git", {dotGit}));

  // A folder where HEAD should be is not a HEAD file either.
  fs::create_directories(tmp.path() / "dir_head/.git/HEAD");
  CHECK_FALSE(gitBranch(tmp.path() / "dir_head"));
}
