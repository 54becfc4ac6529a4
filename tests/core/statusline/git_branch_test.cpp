// The branch for the status line on every OS: HEAD, worktrees, submodules, broken repositories.
// FIFOs are in git_branch_posix_test.cpp.
#include "core/statusline/git_branch.h"

#include <doctest/doctest.h>
#include <fstream>

#include "support/temp_dir.h"

namespace git_branch_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::readWholeFile;
using cut::test::TempDir;
using cut::test::writeWholeFile;

namespace {}  // namespace

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
  writeWholeFile(tmp.path() / "repo/.git/HEAD", "ref: refs/heads/develop\n");
  fs::create_directories(tmp.path() / "repo/src/deep/er");
  CHECK(gitBranch(tmp.path() / "repo/src/deep/er") == "develop");
  CHECK(gitBranch(tmp.path() / "repo") == "develop");
  CHECK(gitBranch(tmp.path() / "repo/src/") == "develop");
}

TEST_CASE("a detached HEAD shows the short commit") {
  TempDir tmp;
  writeWholeFile(tmp.path() / "repo/.git/HEAD", "0123456789abcdef0123456789abcdef01234567\n");
  CHECK(gitBranch(tmp.path() / "repo") == "0123456");
}

TEST_CASE("a worktree's .git file with an absolute gitdir is followed") {
  TempDir tmp;
  writeWholeFile(tmp.path() / "main/.git/worktrees/wt/HEAD", "ref: refs/heads/statusline\n");
  writeWholeFile(tmp.path() / "wt/.git",
                 "gitdir: " + (tmp.path() / "main/.git/worktrees/wt").string() + "\n");
  fs::create_directories(tmp.path() / "wt/src");
  CHECK(gitBranch(tmp.path() / "wt/src") == "statusline");
}

TEST_CASE("a submodule's relative gitdir is resolved from its own folder") {
  TempDir tmp;
  writeWholeFile(tmp.path() / "super/.git/HEAD", "ref: refs/heads/main\n");
  writeWholeFile(tmp.path() / "super/.git/modules/lib/HEAD", "ref: refs/heads/lib-branch\n");
  writeWholeFile(tmp.path() / "super/lib/.git", "gitdir: ../.git/modules/lib\n");
  CHECK(gitBranch(tmp.path() / "super/lib") == "lib-branch");
  CHECK(gitBranch(tmp.path() / "super") == "main");
}

TEST_CASE("outside a repository, or with a broken .git, there is no branch") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "plain/sub");
  // The temp folder itself might sit inside a repository on some machines; only check broken ones.
  writeWholeFile(tmp.path() / "broken/.git", "not a gitdir line\n");
  CHECK_FALSE(gitBranch(tmp.path() / "broken"));
  writeWholeFile(tmp.path() / "dangling/.git", "gitdir: /nonexistent/cut-test\n");
  CHECK_FALSE(gitBranch(tmp.path() / "dangling"));
  CHECK_FALSE(gitBranch(""));
}

TEST_CASE("a folder where HEAD should be gives no branch") {
  TempDir tmp;
  fs::create_directories(tmp.path() / "dir_head/.git/HEAD");
  CHECK_FALSE(gitBranch(tmp.path() / "dir_head"));
}

}  // namespace git_branch_test
