#pragma once
// Internal to cut_core: the few file-system operations whose meaning differs between POSIX and
// Windows, behind one OS-neutral interface. file_system_posix.cpp and file_system_windows.cpp
// implement it; src/core/CMakeLists.txt picks one. Include only from src/core/*.cpp.
//
// "Private" means: only this user can read or write. On POSIX that is mode 0600 (files) or 0700
// (folders); on Windows a protected DACL that grants the current user alone (see SECURITY.md).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"

namespace cut::core::detail {

/// Creates one private folder. An existing folder (or anything else at `dir`) is success and is
/// left as it is; the caller checks what it found. The error is the system's text.
Result<Done, std::string> makePrivateDir(const std::filesystem::path& dir);

/// Removes a file; a symlink is removed, never its target. A missing file is success.
Result<Done, std::string> removeFile(const std::filesystem::path& path);

enum class MoveOutcome { Moved, TargetExists, SourceMissing, Failed };

/// Moves `from` to `to` only if nothing is at `to`, so two processes can never overwrite each
/// other's copy (POSIX: link() then unlink(), rename after a check where there are no hard links;
/// Windows: MoveFileExW without MOVEFILE_REPLACE_EXISTING). `why` gets the system's text on Failed.
MoveOutcome moveNoReplace(const std::filesystem::path& from, const std::filesystem::path& to,
                          std::string& why);

/// What tells two versions of a file apart. `device` and `inode` name the file itself (the volume
/// serial number and file index on Windows), so a file replaced by rename is a different one.
struct FileInfo {
  std::int64_t mtimeNs = 0;  ///< last write, nanoseconds since the Unix epoch
  std::int64_t size = 0;
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
};

/// The file at `path`, following symlinks; nullopt when there is none.
std::optional<FileInfo> fileInfo(const std::filesystem::path& path);

/// The permission bits (0777) of an existing file, to give its replacement the same; nullopt when
/// missing. Windows has no such bits: an existing file there reports 0644, which asks for the
/// folder's usual access rather than a private file.
std::optional<unsigned> permissionBits(const std::filesystem::path& path);

/// The home folder as the environment names it: $HOME, or %USERPROFILE% on Windows; nullopt when
/// unset or empty.
std::optional<std::filesystem::path> homeFromEnvironment();

/// The home folder from the account itself (the password database; the profile folder on Windows),
/// for when the environment does not say. "/" when even that is unknown.
std::filesystem::path homeFromAccount();

/// Whether `path` is a regular file, not a symlink, owned by this user. With `socketToo`, a socket
/// owned by this user also counts (POSIX only; Windows has none in our folders).
bool isOwnFile(const std::filesystem::path& path, bool socketToo = false);

struct SecretText {
  std::string text;
  bool tightened = false;  ///< others had access, which was taken away before reading
};
struct SecretReadError {
  enum class Kind {
    Missing,
    Unreadable,  ///< could not be opened or examined; `why` is the system's text
    NotRegular,
    CannotTighten,
    TooLarge,
    ReadFailed,  ///< opened but reading failed; `why` is a sentence naming the file
  };
  Kind kind = Kind::Unreadable;
  std::string why;  ///< never the file's content
};

/// Reads a secret file of at most `maxBytes` (a symlink is followed). A file that other users can
/// read is made private first, through the open file so a swapped link cannot redirect it; when
/// that fails nothing is read.
Result<SecretText, SecretReadError> readSecretFile(const std::filesystem::path& path, std::size_t maxBytes);

/// The words that tell a person how to make `path` private by hand ("chmod 600 <path>" on POSIX).
std::string makePrivateByHand(const std::filesystem::path& path);

/// What a tightened file now is, for the warning: "its mode is now 0600" on POSIX.
std::string tightenedDescription();

}  // namespace cut::core::detail
