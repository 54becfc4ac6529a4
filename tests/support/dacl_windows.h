#pragma once
// Windows only: a file's DACL as the Win32 security API itself reports and sets it (never through
// the code under test), for the suites that check the Windows meaning of a private file. The
// OS-neutral questions are in file_access.h, which is built on these.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cut::test {

/// This process's user, as a SID string ("S-1-5-21-…").
std::wstring currentUserSid();

struct Dacl {
  bool isNull = false;                // no DACL at all: everyone may do anything
  std::vector<std::wstring> allowed;  // the SID of each access-allowed entry, in order
  std::vector<std::uint32_t> masks;   // and its rights
};

/// `path`'s DACL; nullopt when it cannot be read (a missing file, no right to read it).
std::optional<Dacl> readDacl(const std::filesystem::path& path);

/// Gives `path` the DACL of `sddl` ("D:P(A;;FA;;;WD)…"), protected from inheritance, as another
/// program or a careless copy might. Throws std::runtime_error when Windows refuses.
void setDacl(const std::filesystem::path& path, const std::wstring& sddl);

}  // namespace cut::test
