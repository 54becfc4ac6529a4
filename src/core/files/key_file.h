#pragma once
// The session key: how pasted text becomes a key, and the key file (~/.claude-session-key, 0600).
// The key is never logged or echoed; error messages here never contain it.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace cut::core {

struct KeyError {
  std::string message;  ///< a sentence for a person; never contains the key or the pasted text
  /// No key at all (missing or empty key file): `ErrorKind::NoKey` rather than `InvalidKey`.
  bool noKey = false;
};

/// Turns what a person pasted into a key: trims spaces, newlines and quotes, accepts a
/// `sessionKey=…` cookie (also inside a longer `a=b; sessionKey=…; c=d` header), then checks the
/// `sk-ant-` prefix and 20..500 characters of [A-Za-z0-9_-]. A leading `Cookie:` and curly quotes
/// (as word processors and chat apps produce) are accepted too.
Result<std::string, KeyError> normalizeKey(std::string_view pasted);

/// ~/.claude-session-key, from $HOME (the password database when HOME is unset).
std::filesystem::path defaultKeyFilePath();

struct LoadedKey {
  std::string key;
  /// Set when the file had looser permissions than 0600 and was tightened; for a warning.
  bool permissionsTightened = false;
};

/// Reads and normalizes the key file (a symlink is followed). Tightens a file with any group or
/// other permission bits to 0600; when that is impossible the read fails rather than use a key
/// others can read. A missing or empty file is an error (`noKey`) whose message says how to add a
/// key. A file over 4 KiB, or not a regular file, is refused without being loaded.
Result<LoadedKey, KeyError> readKeyFile(const std::filesystem::path& path);

/// The warning for a key file readKeyFile tightened (SECURITY.md promises one): the same sentence
/// on stderr from `status` and in the widget's footer.
std::string tightenedKeyFileWarning(const std::filesystem::path& path);

/// Writes the key file atomically, 0600 from creation: `normalizeKey(key)` and a newline. A key
/// that does not normalize is refused and an existing file is left exactly as it was. A symlink at
/// `path` is replaced, not followed.
Result<Done, KeyError> writeKeyFile(const std::filesystem::path& path, const std::string& key);

/// Deletes the key file; a missing file is success. A symlink is removed, its target is not.
Result<Done, KeyError> removeKeyFile(const std::filesystem::path& path);

}  // namespace cut::core
