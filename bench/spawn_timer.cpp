// Wall time of whole process runs, for bench/statusline.sh: runs each command N times, interleaved
// (A, B, A, B, ...) so that background load hits every command alike, with stdin from a file and
// stdout/stderr on /dev/null. Prints one line per command: name, median, p10, p90 in milliseconds.
// Usage: spawn_timer RUNS STDIN_FILE NAME1 'CMD1 ARGS' [NAME2 'CMD2 ARGS' ...]
// Commands are split on spaces (no quoting); each is started with posix_spawn, not a shell.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

struct Command {
  std::string name;
  std::vector<std::string> args;
  std::vector<double> millis;
};

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

double runOnce(const Command& command, const char* stdinFile) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdinFile, O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const auto& arg : command.args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    std::fprintf(stderr, "cannot start %s\n", argv[0]);
    std::exit(1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const auto end = std::chrono::steady_clock::now();
  posix_spawn_file_actions_destroy(&actions);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "%s failed\n", command.name.c_str());
    std::exit(1);
  }
  return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || (argc - 3) % 2 != 0) {
    std::fprintf(stderr, "usage: spawn_timer RUNS STDIN_FILE NAME 'CMD ARGS' [NAME 'CMD ARGS' ...]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  const char* stdinFile = argv[2];
  std::vector<Command> commands;
  for (int i = 3; i + 1 < argc; i += 2) {
    Command command{argv[i], {}, {}};
    std::istringstream words(argv[i + 1]);
    for (std::string word; words >> word;) command.args.push_back(word);
    commands.push_back(std::move(command));
  }
  for (auto& command : commands) runOnce(command, stdinFile);  // warm caches, not counted
  for (int run = 0; run < runs; ++run)
    for (auto& command : commands) command.millis.push_back(runOnce(command, stdinFile));
  for (const auto& command : commands)
    std::printf("%s %.3f %.3f %.3f\n", command.name.c_str(), percentile(command.millis, 0.5),
                percentile(command.millis, 0.1), percentile(command.millis, 0.9));
  return 0;
}
