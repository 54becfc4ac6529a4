#include "core/files/autostart.h"

#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace cut::core {
namespace {

constexpr std::size_t kMaxEntryBytes = 64 * 1024;

/// Exec's argument quoting (Desktop Entry Specification, "The Exec key"): inside double quotes,
/// `"`, `` ` ``, `$` and `\` are escaped with a backslash; then the value, as a string, escapes `\`
/// again, and `%` is doubled because it starts a field code.
std::string quoteExec(const std::string& path) {
  std::string quoted = "\"";
  for (const char c : path) {
    if (c == '"' || c == '`' || c == '$' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += '"';
  std::string value;
  for (const char c : quoted) {
    if (c == '\\')
      value += "\\\\";
    else if (c == '%')
      value += "%%";
    else
      value += c;
  }
  return value;
}

/// The first argument of an Exec value: the inverse of quoteExec, and bare words too.
std::filesystem::path unquoteExec(const std::string& value) {
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      const char next = value[++i];
      text += next == 's' ? ' ' : next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else if (value[i] == '%' && i + 1 < value.size() && value[i + 1] == '%') {
      text += '%';
      ++i;
    } else {
      text += value[i];
    }
  }
  std::string program;
  if (!text.empty() && text[0] == '"') {
    for (std::size_t i = 1; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      program += text[i];
    }
  } else {
    program = text.substr(0, text.find(' '));
  }
  return program;
}

FileError notOurs(const std::filesystem::path& file) {
  return {file.string() +
          " was not written by this program; it was left as it is (edit or remove it yourself)"};
}

}  // namespace

std::filesystem::path autostartPlace(const std::filesystem::path& configHome) {
  return configHome / "autostart" / "claude-usage-tracker.desktop";
}

std::string autostartEntryName(const std::filesystem::path& place) { return place.string(); }

AutostartState readAutostart(const std::filesystem::path& file) {
  AutostartState state;
  const auto text = readFile(file, kMaxEntryBytes);
  if (!text) {
    if (!text.error().missing) {
      state.present = true;
      state.problem = text.error().message;
    }
    return state;
  }
  state.present = true;
  state.enabled = true;
  std::istringstream lines(text.value());
  std::string line;
  bool inEntry = false;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with('[')) {
      inEntry = line == "[Desktop Entry]";
      continue;
    }
    if (!inEntry) continue;
    if (line == kAutostartMarker) state.ours = true;
    if (line == "Hidden=true" || line == "X-GNOME-Autostart-enabled=false") state.enabled = false;
    if (line.starts_with("Exec=")) state.program = unquoteExec(line.substr(5));
  }
  return state;
}

std::string autostartEntryText(const std::filesystem::path& program) {
  return "[Desktop Entry]\n"
         "Type=Application\n"
         "Name=Claude Usage Tracker\n"
         "Comment=Your Claude usage limits, always in sight\n"
         "Exec=" +
         quoteExec(program.string()) +
         "\n"
         "Icon=claude-usage-tracker\n"
         "Terminal=false\n"
         "X-GNOME-Autostart-enabled=true\n" +
         kAutostartMarker + "\n";
}

Result<Done, FileError> enableAutostart(const std::filesystem::path& file,
                                        const std::filesystem::path& program) {
  const std::string path = program.string();
  if (!program.is_absolute() || path.find_first_of("\n\r") != std::string::npos)
    return fail(FileError{"cannot start '" + path + "' at login: not an absolute path on one line"});
  const AutostartState existing = readAutostart(file);
  if (existing.present && !existing.ours) return fail(notOurs(file));
  return writeFileAtomic(file, autostartEntryText(program), 0644);
}

Result<Done, FileError> disableAutostart(const std::filesystem::path& file) {
  const AutostartState existing = readAutostart(file);
  if (!existing.present) return Done{};
  if (!existing.ours) return fail(notOurs(file));
  if (::unlink(file.c_str()) != 0 && errno != ENOENT)
    return fail(FileError{"cannot remove " + file.string() + ": " + std::strerror(errno)});
  return Done{};
}

}  // namespace cut::core
