// claude-usage-tracker: the widget, and the commands that share its core.
#include <cstdio>
#include <string_view>

#include "net/curl_transport.h"

namespace {

constexpr std::string_view kUsage = R"(Usage:
  claude-usage-tracker [OPTIONS]                       the widget
  claude-usage-tracker status [--json] [OPTIONS]       fetch once, print, exit
  claude-usage-tracker set-key [--no-verify] [OPTIONS] read a key from stdin, check it, save it
  claude-usage-tracker --help | --version
)";

}  // namespace

int main(int argc, char** argv) {
  cut::net::globalInit();
  int code = 0;
  const std::string_view first = argc > 1 ? argv[1] : "";
  if (first == "--version") {
    std::printf("claude-usage-tracker %s\n", CUT_VERSION);
  } else {
    std::fputs(kUsage.data(), first == "--help" ? stdout : stderr);
    code = first == "--help" ? 0 : 2;
  }
  cut::net::globalCleanup();
  return code;
}
