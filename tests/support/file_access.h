#pragma once
// OS-neutral questions and changes about who may use a file, for suites both builds compile: the
// POSIX side speaks of modes and inodes, the Windows side of DACLs and file indexes. Each is checked
// through the OS itself, never through the code under test.

#include <cstdint>
#include <filesystem>
#include <string>

namespace cut::test {

/// Who besides the owner may use `path`, in words for a failed CHECK; empty when nobody else may.
/// POSIX: the group and other bits of its mode (a symlink is not followed). Windows: the SIDs of
/// the DACL's allow entries other than this user's, SYSTEM's and the Administrators' (root's
/// counterparts, which may always get in), with their rights.
std::string othersWithAccess(const std::filesystem::path& path);

/// Lets every user read `path`, as a careless copy or an old tool would: mode 0644 (0755 for a
/// folder) on POSIX; on Windows a protected DACL granting Everyone read and this user full control.
void makeReadableByOthers(const std::filesystem::path& path);

/// Lets every user change `path`: mode 0666, or 0777 for a folder, on POSIX; on Windows a
/// protected DACL granting Everyone and this user full control (inherited, for a folder).
void makeWritableByOthers(const std::filesystem::path& path);

/// What identifies the file itself rather than its name: the inode, or the volume's file index. A
/// file replaced by rename has a new identity; one rewritten in place keeps it. 0 when absent.
std::uint64_t fileIdentity(const std::filesystem::path& path);

}  // namespace cut::test
