#pragma once
// The session key: how pasted text becomes a key, and the key file (~/.claude-session-key, 0600).
// The key is never logged or echoed; error messages here never contain it.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace cut::core {

struct KeyError {
  std::string message;
};

/// Turns what a person pasted into a key: trims spaces, newlines and quotes, accepts a
/// `sessionKey=…` cookie (also inside a longer `a=b; sessionKey=…; c=d` header), then checks the
/// `sk-ant-` prefix and 20..500 characters of [A-Za-z0-9_-].
Result<std::string, KeyError> normalizeKey(std::string_view pasted);

/// ~/.claude-session-key
std::filesystem::path defaultKeyFilePath();

struct LoadedKey {
  std::string key;
  /// Set when the file had looser permissions than 0600 and was tightened; for a warning.
  bool permissionsTightened = false;
};

/// Reads and normalizes the key file. Tightens a file readable by group or others to 0600.
/// A missing or empty file is an error whose message says how to add a key.
Result<LoadedKey, KeyError> readKeyFile(const std::filesystem::path& path);

/// Writes the key file atomically, 0600 from creation. A symlink at `path` is replaced, not followed.
Result<Done, KeyError> writeKeyFile(const std::filesystem::path& path, const std::string& key);

/// Deletes the key file; a missing file is success.
Result<Done, KeyError> removeKeyFile(const std::filesystem::path& path);

}  // namespace cut::core
