#include "platform/folders.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>

namespace cut::platform {
namespace {

// Relative values are ignored, as the XDG Base Directory specification asks.
std::filesystem::path absoluteFromEnv(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && value[0] == '/' ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path xdgOr(const char* variable, const char* underHome) {
  auto base = absoluteFromEnv(variable);
  return base.empty() ? homeFolder() / underHome : base;
}

}  // namespace

std::filesystem::path homeFolder() {
  auto home = absoluteFromEnv("HOME");
  return home.empty() ? std::filesystem::path("/") : home;
}

std::filesystem::path configBase() { return xdgOr("XDG_CONFIG_HOME", ".config"); }

std::filesystem::path stateBase() { return xdgOr("XDG_STATE_HOME", ".local/state"); }

bool createPrivateFolder(const std::filesystem::path& dir) {
  return ::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST;
}

}  // namespace cut::platform
