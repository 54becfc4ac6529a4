// claude-usage-tracker-full: the widget, status and set-key, and every command of the front.
#include "app/command_table.h"
#include "net/make_transport.h"
#include "platform/process_hardening.h"

int main(int argc, char** argv) {
  // This process may hold the session key: no core dump may carry it.
  cut::platform::disableCoreDumps();
  // Once, before any thread exists (libcurl's global state is not thread-safe to set up).
  cut::net::globalInit();
  const int code = cut::app::runCommandLine(argc, argv);
  cut::net::globalCleanup();
  return code;
}
