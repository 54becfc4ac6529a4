#include <windows.h>

#include <string>

#include "platform/self_path.h"

namespace cut::platform {

std::filesystem::path ownPath() {
  // The module's path as the loader opened it (no links to resolve on a normal install); paths
  // past MAX_PATH need a larger buffer, so grow until it fits.
  std::wstring path(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size()));
    if (n == 0) return {};
    if (n < path.size()) {
      path.resize(n);
      return path;
    }
    if (path.size() >= 32768) return {};
    path.resize(path.size() * 2);
  }
}

}  // namespace cut::platform
