// claude-usage-tracker: the widget, and the commands that share its core.
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

  // Once, before any thread exists (libcurl's global state is not thread-safe to set up). Only
  // for commands that fetch: the status line must stay fast and never touches the network.
  const bool fetches = options.command == Command::Widget || options.command == Command::Status ||
                       options.command == Command::SetKey;
  if (fetches) cut::net::globalInit();
  int code = 0;
  switch (options.command) {
    case Command::Statusline: code = cut::app::runStatusline(options); break;
    case Command::InstallStatusline: code = cut::app::runInstallStatusline(options); break;
    case Command::UninstallStatusline: code = cut::app::runUninstallStatusline(options); break;
    case Command::Help: std::fputs(cut::app::usageText().c_str(), stdout); break;
    case Command::Version: std::printf("claude-usage-tracker %s\n", CUT_VERSION); break;
    case Command::Status: code = cut::app::runStatus(options); break;
    case Command::SetKey: code = cut::app::runSetKey(options); break;
    case Command::Widget: code = cut::app::runWidget(options); break;
    case Command::Autostart: code = cut::app::runAutostart(options); break;
    case Command::Forget: code = cut::app::runForget(options); break;
  }
  if (fetches) cut::net::globalCleanup();
  return code;
}
