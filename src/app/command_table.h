#pragma once
// The one table of commands: name, which program runs it, handler. Both programs' main() are
// runCommandLine(). The handlers of the full program's commands are chosen by the link: the full
// program links the real ones (cut_app); the front links front_handover.cpp, whose handlers exec
// the full program with the same arguments.

#include <span>
#include <string>
#include <string_view>

#include "app/cli.h"

namespace cut::app {

enum class Program {
  Front,  ///< runs in `claude-usage-tracker` itself (and in the full program when called directly)
  Full,   ///< runs in `claude-usage-tracker-full`; the front hands it over
};

using Handler = int (*)(const Options&);

struct CommandSpec {
  Command command;
  std::string_view name;  ///< the first argument that selects it; empty when only an option does
  Program program;
  Handler run;
};

/// Every command, once.
std::span<const CommandSpec> commandTable();

/// The entry for `command` (every Command has one).
const CommandSpec& commandSpec(Command command);

/// The entry named `name`, or nullptr for a name no command has.
const CommandSpec* findCommand(std::string_view name);

/// A whole program: parses argv, says what is wrong and returns 2 for a wrong command line,
/// otherwise returns the command's exit code.
int runCommandLine(int argc, char** argv);

/// "claude-usage-tracker 0.1.0"
std::string versionLine();

}  // namespace cut::app
