// The branch for the status line when a FIFO stands where git's files should be. The cases both
// OSes share are in git_branch_test.cpp.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <future>
#include <vector>

#include "core/statusline/git_branch.h"
#include "support/temp_dir.h"

namespace git_branch_posix_test {

using namespace cut::core;
namespace fs = std::filesystem;
using cut::test::TempDir;

namespace {

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
}

}  // namespace git_branch_posix_test
