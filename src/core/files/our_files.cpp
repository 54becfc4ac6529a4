#include "core/files/our_files.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "core/files/file_system.h"

namespace cut::core {
namespace {

constexpr std::array<std::string_view, 1> kConfigNames = {"settings.json"};
constexpr std::array<std::string_view, 7> kStateNames = {
    "usage-cache.json", "usage-cache.lock",         "widget.lock",   "widget.sock",
    "refresh.lock",     "statusline-previous.json", "history.sqlite"};

/// `name`, `name.bad`, `name.bad.N`, SQLite's `name-wal`/`name-shm`/`name-journal`, and the
/// temporary `.name.tmp-XXXX` of an atomic write.
bool matches(std::string_view file, std::string_view name) {
  if (file == name) return true;
  const std::string temporary = "." + std::string(name) + ".tmp-";
  if (file.starts_with(temporary)) return true;
  if (!file.starts_with(name)) return false;
  const std::string_view rest = file.substr(name.size());
  return rest == ".bad" || rest.starts_with(".bad.") || rest == "-wal" || rest == "-shm" ||
         rest == "-journal";
}

template <std::size_t N>
void collect(const std::filesystem::path& dir, const std::array<std::string_view, N>& names,
             std::vector<std::filesystem::path>& out) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (std::none_of(names.begin(), names.end(), [&](std::string_view name) { return matches(file, name); }))
      continue;
    // The socket is the one non-regular file the widget makes.
    if (detail::isOwnFile(entry.path(), file == "widget.sock")) out.push_back(entry.path());
  }
}

}  // namespace

std::vector<std::filesystem::path> ourFiles(const std::filesystem::path& configDir,
                                            const std::filesystem::path& stateDir) {
  std::vector<std::filesystem::path> files;
  collect(configDir, kConfigNames, files);
  if (stateDir != configDir) collect(stateDir, kStateNames, files);
  std::sort(files.begin(), files.end());
  return files;
}

bool keyFileIsOurs(const std::filesystem::path& path) { return detail::isOwnFile(path); }

}  // namespace cut::core
