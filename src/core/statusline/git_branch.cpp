#include "core/statusline/git_branch.h"

#include "core/files/atomic_file.h"

namespace cut::core {
namespace {

// HEAD and gitdir files are a line long; anything bigger is not one of them.
constexpr std::size_t kMaxSmallFile = 4096;

// Regular files only: readFile refuses a FIFO (which would hang the status line after every
// message waiting for a writer), a device or a socket before any read.
std::optional<std::string> readSmallFile(const std::filesystem::path& path) {
  auto text = readFile(path, kMaxSmallFile);
  if (!text) return std::nullopt;
  return std::move(text).value();
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool isHex(std::string_view text) {
  for (const char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return !text.empty();
}

// The folder holding HEAD for the repository whose `.git` entry is `dotGit`.
std::optional<std::filesystem::path> gitDirOf(const std::filesystem::path& dotGit, bool isDirectory) {
  if (isDirectory) return dotGit;
  const auto text = readSmallFile(dotGit);
  if (!text) return std::nullopt;
  std::string_view line = trim(*text);
  if (const auto eol = line.find('\n'); eol != std::string_view::npos) line = trim(line.substr(0, eol));
  constexpr std::string_view kPrefix = "gitdir:";
  if (!line.starts_with(kPrefix)) return std::nullopt;
  const std::filesystem::path target(trim(line.substr(kPrefix.size())));
  if (target.empty()) return std::nullopt;
  // A relative gitdir (submodules write "../.git/modules/x") is relative to the `.git` file's folder.
  return target.is_absolute() ? target : dotGit.parent_path() / target;
}

}  // namespace

std::optional<std::string> branchFromHead(std::string_view head) {
  head = trim(head);
  if (const auto eol = head.find('\n'); eol != std::string_view::npos) head = trim(head.substr(0, eol));
  constexpr std::string_view kRef = "ref:";
  if (head.starts_with(kRef)) {
    std::string_view ref = trim(head.substr(kRef.size()));
    if (ref.starts_with("refs/heads/"))
      ref.remove_prefix(11);
    else if (ref.starts_with("refs/"))
      ref.remove_prefix(5);
    if (ref.empty()) return std::nullopt;
    return std::string(ref);
  }
  if (head.size() >= 40 && isHex(head)) return std::string(head.substr(0, 7));
  return std::nullopt;
}

std::optional<std::string> gitBranch(const std::filesystem::path& start) {
  if (start.empty()) return std::nullopt;
  std::filesystem::path dir = start.is_absolute() ? start : std::filesystem::absolute(start);
  dir = dir.lexically_normal();
  if (!dir.has_filename() && dir.has_parent_path() && dir != dir.root_path()) dir = dir.parent_path();
  for (int depth = 0; depth < 256; ++depth) {
    const auto dotGit = dir / ".git";
    std::error_code ec;
    if (const auto status = std::filesystem::status(dotGit, ec); std::filesystem::exists(status)) {
      const auto gitDir = gitDirOf(dotGit, std::filesystem::is_directory(status));
      if (!gitDir) return std::nullopt;
      const auto head = readSmallFile(*gitDir / "HEAD");
      if (!head) return std::nullopt;
      return branchFromHead(*head);
    }
    if (dir == dir.root_path() || !dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace cut::core
