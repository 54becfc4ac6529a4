// claude-usage-tracker-fetch: `status` and `set-key` without the widget's libraries. The front
// binary hands these two commands here: loading GLFW, X11 and OpenGL on top of libcurl cost them
// 2 MB of resident memory and ~10 % more instructions per run for nothing they use. Every other
// command lives in claude-usage-tracker-full (which also runs these two, for anyone calling it).

#include <cstdio>

#include "app/cli.h"
#include "app/commands.h"
#include "app/process_hardening.h"
#include "net/curl_transport.h"

int main(int argc, char** argv) {
  using cut::app::Command;
  cut::app::disableCoreDumps();
  const auto parsed = cut::app::parseArguments(argc, argv);
  if (!parsed) return 2;
  const cut::app::Options& options = *parsed;
  if (options.command != Command::Status && options.command != Command::SetKey) {
    std::fprintf(stderr,
                 "claude-usage-tracker-fetch runs only status and set-key; run claude-usage-tracker\n");
    return 2;
  }
  // Once, before any thread exists (libcurl's global state is not thread-safe to set up).
  cut::net::globalInit();
  const int code =
      options.command == Command::Status ? cut::app::runStatus(options) : cut::app::runSetKey(options);
  cut::net::globalCleanup();
  return code;
}
