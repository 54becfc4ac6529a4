#pragma once
// The current git branch, read from files only: the status line runs after every message and must
// never start a git process.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cut::core {

/// Walks up from `start` to the nearest `.git` (a folder, or a worktree's or submodule's
/// `gitdir: …` file) and reads its HEAD: the branch name ("main", "feature/x"), or the first 7
/// characters of the commit for a detached HEAD. Empty outside a repository or when HEAD is
/// unreadable. Reads at most a few KiB.
std::optional<std::string> gitBranch(const std::filesystem::path& start);

/// What a HEAD file's text names: "ref: refs/heads/main" gives "main", a commit hash its short
/// form. Empty for anything else.
std::optional<std::string> branchFromHead(std::string_view head);

}  // namespace cut::core
