// `set-key`: one line from stdin becomes the key file, but only after it has proved itself.
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "app/fetch_stack.h"
#include "core/files/key_file.h"
#include "core/files/settings.h"
#include "core/model/terminal_text.h"
#include "platform/terminal.h"

namespace cut::app {
namespace {

constexpr std::size_t kMaxLineBytes = 16 * 1024;

/// Reads one line from stdin. On a terminal, typing is not echoed: the key never shows on screen.
std::optional<std::string> readSecretLine() {
  if (platform::stdinIsTerminal()) std::fputs("Paste your claude.ai sessionKey and press Enter: ", stderr);
  std::string line;
  bool tooLong = false;
  {
    const platform::HiddenTyping hidden;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar()) {
      if (line.size() < kMaxLineBytes)
        line.push_back(static_cast<char>(c));
      else
        tooLong = true;
    }
    if (hidden.active()) std::fputs("\n", stderr);
  }
  if (tooLong) return std::nullopt;
  return line;
}

}  // namespace

int runSetKey(const Options& options) {
  const auto line = readSecretLine();
  if (!line) {
    std::fprintf(stderr,
                 "claude-usage-tracker: the key was not saved: the input line is too long to be a "
                 "session key; paste only the value of the sessionKey cookie.\n");
    return core::exitCodeFor(core::ErrorKind::InvalidKey);
  }
  auto key = core::normalizeKey(*line);
  if (!key) {
    std::fprintf(stderr, "claude-usage-tracker: the key was not saved: %s\n", key.error().message.c_str());
    return core::exitCodeFor(core::ErrorKind::InvalidKey);
  }

  auto loaded = core::loadSettings(options.configDir);
  for (const auto& warning : loaded.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());

  std::string chosen;
  if (!options.noVerify) {
    FetchStack stack(options);
    auto organizations = stack.client.listOrganizations(key.value());
    if (!organizations) {
      std::fprintf(stderr, "claude-usage-tracker: the key was not saved: %s\n",
                   organizations.error().message.c_str());
      return core::exitCodeFor(organizations.error().kind);
    }
    const auto& list = organizations.value();
    const core::Organization* pick = &list.front();
    for (const auto& org : list) {
      if (org.uuid == loaded.settings.organizationUuid) pick = &org;
    }
    chosen = pick->uuid;
    std::printf("The key works. Organizations it can see:\n");
    for (const auto& org : list) {
      std::printf("  %s %s (%s)\n", &org == pick ? "*" : " ", core::terminalSafe(org.name).c_str(),
                  core::terminalSafe(org.uuid).c_str());
    }
    if (list.size() > 1) std::printf("Using the one marked *; choose another in the widget's settings.\n");
  }

  // The organization first, the key last: a key file on disk always comes with its settings, and
  // a settings write that fails costs only the choice (the first organization is used then).
  if (!chosen.empty() && chosen != loaded.settings.organizationUuid) {
    core::Settings updated = loaded.settings;
    updated.organizationUuid = chosen;
    if (auto saved = core::saveSettings(options.configDir, updated); !saved) {
      std::fprintf(stderr, "warning: %s\n", saved.error().message.c_str());
    }
  }
  if (auto written = core::writeKeyFile(options.keyFile, key.value()); !written) {
    std::fprintf(stderr, "claude-usage-tracker: %s\n", written.error().message.c_str());
    return 1;
  }
  std::printf("Key saved to %s (mode 0600).\n", options.keyFile.string().c_str());
  return 0;
}

}  // namespace cut::app
