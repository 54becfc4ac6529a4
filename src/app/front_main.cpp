// claude-usage-tracker: what people and Claude Code run. Statically linked against the core only,
// so the status line starts in about a millisecond; the full program's commands are handed over
// (front_handover.cpp).
#include "app/command_table.h"

int main(int argc, char** argv) { return cut::app::runCommandLine(argc, argv); }
