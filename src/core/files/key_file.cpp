#include "core/files/key_file.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/files/atomic_file.h"
#include "core/files/file_system.h"

namespace cut::core {
namespace {

constexpr std::string_view kPrefix = "sk-ant-";
constexpr std::size_t kMinLength = 20;
constexpr std::size_t kMaxLength = 500;
constexpr std::size_t kMaxFileBytes = 4096;

// What surrounds a pasted key: ASCII space and line ends, a no-break space, a byte-order mark, and
// straight, curly or angle quotes (word processors and chat apps turn " into “ ”).
constexpr std::array<std::string_view, 16> kWrapping = {
    " ",  "\t", "\r", "\n",           "\v",           "\f",           "\xC2\xA0",     "\xEF\xBB\xBF",
    "\"", "'",  "`",  "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", ";"};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }
bool isKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(a) == lower(b);
  });
}

std::string_view trimWrapping(std::string_view text) {
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    for (std::string_view w : kWrapping) {
      if (text.starts_with(w)) {
        text.remove_prefix(w.size());
        changed = true;
      }
      if (text.ends_with(w)) {
        text.remove_suffix(w.size());
        changed = true;
      }
    }
  }
  return text;
}

// Picks the key out of the forms people paste: `sessionKey=…`, a whole `Cookie:` header, or a row
// copied from the browser's cookie table (`sessionKey<TAB>sk-ant-…<TAB>.claude.ai…`).
std::optional<std::string_view> extractKey(std::string_view text) {
  text = trimWrapping(text);
  if (startsWithNoCase(text, "cookie:")) text = trimWrapping(text.substr(7));

  constexpr std::string_view kName = "sessionKey";
  if (startsWithNoCase(text, kName)) {
    std::string_view rest = text.substr(kName.size());
    const std::size_t next = std::min(rest.size(), rest.find_first_not_of(" \t"));
    // A row of the browser's cookie table (name, tab, value, ...) or `sessionKey: value`.
    if (next < rest.size() && (rest[next] == ':' || (next > 0 && rest[next] != '='))) {
      rest = trimWrapping(rest.substr(rest[next] == ':' ? next + 1 : next));
      return trimWrapping(rest.substr(0, std::min(rest.size(), rest.find_first_of(" \t\r\n"))));
    }
  }

  if (text.find('=') == std::string_view::npos) return text;
  while (!text.empty()) {
    const std::size_t end = std::min(text.size(), text.find(';'));
    std::string_view part = trimWrapping(text.substr(0, end));
    text.remove_prefix(std::min(text.size(), end + 1));
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = trimWrapping(part.substr(0, eq));
    if (name.size() == kName.size() && startsWithNoCase(name, kName))
      return trimWrapping(part.substr(eq + 1));
  }
  return std::nullopt;
}

KeyError invalid(std::string message) { return KeyError{.message = std::move(message)}; }

std::string howToAdd(const std::filesystem::path& path) {
  std::string command = "claude-usage-tracker set-key";
  if (path != defaultKeyFilePath()) command += " --key-file " + path.string();
  return "Add one with `" + command +
         "` (paste the value of the sessionKey cookie from claude.ai) or in the widget's settings.";
}

}  // namespace

Result<std::string, KeyError> normalizeKey(std::string_view pasted) {
  const auto extracted = extractKey(pasted);
  if (!extracted) {
    return fail(
        invalid("The pasted text looks like a cookie but has no sessionKey in it; copy the value of the "
                "sessionKey cookie from claude.ai."));
  }
  const std::string_view key = *extracted;
  if (key.empty())
    return fail(invalid("The key is empty; paste the value of the sessionKey cookie from claude.ai."));
  if (key.find_first_of("\r\n") != std::string_view::npos) {
    return fail(invalid("The key contains a line break in the middle; paste it again as one line."));
  }
  if (std::any_of(key.begin(), key.end(), isSpace)) {
    return fail(invalid("The key contains a space in the middle; paste it again as one piece."));
  }
  if (!key.starts_with(kPrefix)) {
    return fail(invalid(
        "The key does not start with sk-ant-; copy the value of the sessionKey cookie from claude.ai."));
  }
  if (const auto bad = std::find_if_not(key.begin(), key.end(), isKeyChar); bad != key.end()) {
    const auto position = static_cast<std::size_t>(bad - key.begin()) + 1;
    return fail(invalid("The key has a character that is not a letter, digit, '-' or '_' (character " +
                        std::to_string(position) + "); copy it again from claude.ai."));
  }
  if (key.size() < kMinLength || key.size() > kMaxLength) {
    return fail(invalid(std::string("The key is too ") + (key.size() < kMinLength ? "short" : "long") + " (" +
                        std::to_string(key.size()) +
                        " characters; a session key has 20 to 500); copy all of it "
                        "and nothing else."));
  }
  return std::string(key);
}

std::filesystem::path defaultKeyFilePath() {
  return detail::homeFromEnvironment().value_or(detail::homeFromAccount()) / ".claude-session-key";
}

Result<LoadedKey, KeyError> readKeyFile(const std::filesystem::path& path) {
  using Kind = detail::SecretReadError::Kind;
  const std::string where = "The key file " + path.string();
  auto text = detail::readSecretFile(path, kMaxFileBytes);
  if (!text) {
    const auto& error = text.error();
    switch (error.kind) {
      case Kind::Missing:
        return fail(
            KeyError{.message = "No session key at " + path.string() + ". " + howToAdd(path), .noKey = true});
      case Kind::Unreadable:
        return fail(invalid("Cannot read the key file " + path.string() + ": " + error.why + "."));
      case Kind::NotRegular: return fail(invalid(where + " is not a regular file."));
      case Kind::CannotTighten:
        return fail(invalid(where +
                            " can be read by other users and its permissions could not be tightened (" +
                            error.why + "); " + detail::makePrivateByHand(path)));
      case Kind::TooLarge:
        return fail(invalid(where + " is larger than 4 KiB; it should hold only the session key."));
      case Kind::ReadFailed: return fail(invalid("Cannot read the key file: " + error.why + "."));
    }
  }
  LoadedKey loaded;
  loaded.permissionsTightened = text.value().tightened;
  if (trimWrapping(text.value().text).empty()) {
    return fail(KeyError{.message = where + " is empty. " + howToAdd(path), .noKey = true});
  }
  auto key = normalizeKey(text.value().text);
  if (!key) return fail(invalid(where + " does not hold a valid session key: " + key.error().message));
  loaded.key = std::move(key).value();
  return loaded;
}

std::string tightenedKeyFileWarning(const std::filesystem::path& path) {
  return path.string() + " was readable by other users; " + detail::tightenedDescription();
}

Result<Done, KeyError> writeKeyFile(const std::filesystem::path& path, const std::string& key) {
  auto normalized = normalizeKey(key);
  if (!normalized) return fail(normalized.error());
  auto written = writeFileAtomic(path, normalized.value() + "\n", 0600);
  if (!written) return fail(invalid("Could not save the key: " + written.error().message));
  return Done{};
}

Result<Done, KeyError> removeKeyFile(const std::filesystem::path& path) {
  if (auto removed = detail::removeFile(path); !removed)
    return fail(invalid("Could not remove the key file " + path.string() + ": " + removed.error() + "."));
  return Done{};
}

}  // namespace cut::core
