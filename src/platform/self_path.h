#pragma once
// Where the running program's file is. One implementation file per OS (self_path_linux.cpp).

#include <filesystem>

namespace cut::platform {

/// The absolute path of the running program's file, symlinks resolved; empty when the OS will not
/// say (Linux: /proc is not mounted).
std::filesystem::path ownPath();

}  // namespace cut::platform
