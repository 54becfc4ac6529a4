// The front's handlers for the commands the full program runs (Program::Full in the command
// table): each execs `claude-usage-tracker-full` with the same arguments (same process id, stdin,
// stdout and exit code). The front never loads libcurl or the window libraries: loading them alone
// costs more than the status line's whole budget.

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/program_paths.h"

namespace cut::app {
namespace {

int handOver(const Options& options) {
  const std::string program = fullProgram().string();
  if (!program.empty()) {
    std::vector<char*> argv{const_cast<char*>(program.c_str())};  // NOLINT: execv's type
    for (const std::string& arg : options.arguments)
      argv.push_back(const_cast<char*>(arg.c_str()));  // NOLINT
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
  }
  std::fprintf(stderr, "claude-usage-tracker: cannot start %s: %s\n",
               program.empty() ? "claude-usage-tracker-full" : program.c_str(), std::strerror(errno));
  return 1;
}

}  // namespace

int runWidget(const Options& options) { return handOver(options); }
int runStatus(const Options& options) { return handOver(options); }
int runSetKey(const Options& options) { return handOver(options); }
int runAutostart(const Options& options) { return handOver(options); }
int runForget(const Options& options) { return handOver(options); }

}  // namespace cut::app
