#include "app/command_table.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <vector>

#include "app/commands.h"

namespace cut::app {
namespace {

int runHelp(const Options&) {
  std::fputs(usageText().c_str(), stdout);
  return 0;
}

int runVersion(const Options&) {
  std::printf("%s\n", versionLine().c_str());
  return 0;
}

constexpr CommandSpec kCommands[] = {
    {Command::Widget, "", Program::Full, runWidget},
    {Command::Status, "status", Program::Full, runStatus},
    {Command::SetKey, "set-key", Program::Full, runSetKey},
    {Command::History, "history", Program::Front, runHistory},
    {Command::Autostart, "autostart", Program::Full, runAutostart},
    {Command::Forget, "forget", Program::Full, runForget},
    {Command::Statusline, "statusline", Program::Front, runStatusline},
    {Command::InstallStatusline, "install-statusline", Program::Front, runInstallStatusline},
    {Command::UninstallStatusline, "uninstall-statusline", Program::Front, runUninstallStatusline},
    {Command::Help, "help", Program::Front, runHelp},
    {Command::Version, "", Program::Front, runVersion},
};

}  // namespace

std::span<const CommandSpec> commandTable() { return kCommands; }

const CommandSpec& commandSpec(Command command) {
  const auto* found = std::find_if(std::begin(kCommands), std::end(kCommands),
                                   [&](const CommandSpec& spec) { return spec.command == command; });
  assert(found != std::end(kCommands));
  return *found;
}

const CommandSpec* findCommand(std::string_view name) {
  if (name.empty()) return nullptr;
  const auto* found = std::find_if(std::begin(kCommands), std::end(kCommands),
                                   [&](const CommandSpec& spec) { return spec.name == name; });
  return found == std::end(kCommands) ? nullptr : found;
}

int runCommandLine(int argc, char** argv) {
  const auto options = parseArguments(argc, argv);
  if (!options) return 2;
  return commandSpec(options->command).run(*options);
}

std::string versionLine() { return std::string("claude-usage-tracker ") + CUT_VERSION; }

}  // namespace cut::app
