#include "app/command_table.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <set>
#include <string>
#include <vector>

#include "support/captured_stream.h"

using cut::app::Command;
using cut::app::commandSpec;
using cut::app::commandTable;
using cut::app::findCommand;
using cut::app::Program;

namespace {

int run(const std::vector<std::string>& args) {
  std::string program = "claude-usage-tracker";
  std::vector<std::string> copies = args;
  std::vector<char*> argv{program.data()};
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return cut::app::runCommandLine(static_cast<int>(argv.size() - 1), argv.data());
}

}  // namespace

TEST_CASE("every command is in the table once, with a handler") {
  const Command all[] = {Command::Widget,
                         Command::Status,
                         Command::SetKey,
                         Command::Statusline,
                         Command::InstallStatusline,
                         Command::UninstallStatusline,
                         Command::History,
                         Command::Autostart,
                         Command::Forget,
                         Command::Help,
                         Command::Version};
  CHECK(commandTable().size() == std::size(all));
  for (const Command command : all) {
    CHECK(commandSpec(command).command == command);
    CHECK(static_cast<bool>(commandSpec(command).run));
  }
  std::set<std::string_view> names;
  for (const auto& spec : commandTable())
    if (!spec.name.empty()) CHECK(names.insert(spec.name).second);
}

TEST_CASE("the front runs the status line, its install, history, help and version; the rest is the full program's") {
  for (const Command command : {Command::Statusline, Command::InstallStatusline, Command::UninstallStatusline,
                                Command::History, Command::Help, Command::Version})
    CHECK(commandSpec(command).program == Program::Front);
  for (const Command command :
       {Command::Widget, Command::Status, Command::SetKey, Command::Autostart, Command::Forget})
    CHECK(commandSpec(command).program == Program::Full);
}

TEST_CASE("commands are found by name; no name finds the widget or version") {
  REQUIRE(findCommand("status") != nullptr);
  CHECK(findCommand("status")->command == Command::Status);
  CHECK(findCommand("install-statusline")->command == Command::InstallStatusline);
  CHECK(findCommand("") == nullptr);
  CHECK(findCommand("version") == nullptr);
  CHECK(findCommand("Status") == nullptr);
}

TEST_CASE("the help names every command") {
  const std::string usage = cut::app::usageText();
  for (const auto& spec : commandTable())
    if (!spec.name.empty() && spec.name != "help")
      CHECK(usage.find("claude-usage-tracker " + std::string(spec.name)) != std::string::npos);
}

TEST_CASE("a wrong command line says why on stderr and exits 2") {
  cut::test::CapturedStream err(STDERR_FILENO);
  CHECK(run({"bogus"}) == 2);
  CHECK(run({"status", "--timeout", "0"}) == 2);
  CHECK(err.text() ==
        "claude-usage-tracker: unknown command 'bogus' (see --help)\n"
        "claude-usage-tracker: --timeout needs a number of seconds from 1 to 600 (see --help)\n");
}

TEST_CASE("help and version print to stdout and exit 0") {
  cut::test::CapturedStream out(STDOUT_FILENO);
  CHECK(run({"--version"}) == 0);
  CHECK(out.text() == cut::app::versionLine() + "\n");
  CHECK(run({"help"}) == 0);
  CHECK(out.text() == cut::app::versionLine() + "\n" + cut::app::usageText());
  CHECK(cut::app::versionLine().starts_with("claude-usage-tracker "));
}
