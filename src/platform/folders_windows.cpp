// Folders on Windows: the known folders, with the environment variables Windows itself sets for
// them (USERPROFILE, APPDATA, LOCALAPPDATA) taking precedence when they hold an absolute path, as
// HOME and the XDG variables do on Linux. That keeps one rule for both OSs, and lets tests and
// portable setups point the program elsewhere without touching the registry.
#include <shlobj.h>
#include <windows.h>

#include <cstdlib>

#include "core/files/win32_files.h"
#include "platform/folders.h"

namespace cut::platform {
namespace {

// Relative values ("AppData", "%APPDATA%" unexpanded) are ignored, as on Linux.
std::filesystem::path absoluteFromEnv(const wchar_t* name) {
  const wchar_t* value = _wgetenv(name);
  if (value == nullptr || value[0] == L'\0') return {};
  std::filesystem::path path(value);
  return path.is_absolute() ? path : std::filesystem::path();
}

std::filesystem::path knownFolder(REFKNOWNFOLDERID id) {
  PWSTR path = nullptr;
  std::filesystem::path result;
  if (SHGetKnownFolderPath(id, KF_FLAG_DONT_VERIFY, nullptr, &path) == S_OK && path) result = path;
  CoTaskMemFree(path);
  return result;
}

std::filesystem::path envOrKnown(const wchar_t* variable, REFKNOWNFOLDERID id, const wchar_t* underHome) {
  if (auto base = absoluteFromEnv(variable); !base.empty()) return base;
  if (auto base = knownFolder(id); !base.empty()) return base;
  return homeFolder() / underHome;
}

}  // namespace

std::filesystem::path homeFolder() {
  if (auto home = absoluteFromEnv(L"USERPROFILE"); !home.empty()) return home;
  if (auto home = knownFolder(FOLDERID_Profile); !home.empty()) return home;
  // The Linux file's "/": the root of the system drive, where nothing of ours is found.
  return std::filesystem::path(L"C:\\");
}

std::filesystem::path configBase() {
  return envOrKnown(L"APPDATA", FOLDERID_RoamingAppData, L"AppData\\Roaming");
}

std::filesystem::path stateBase() {
  return envOrKnown(L"LOCALAPPDATA", FOLDERID_LocalAppData, L"AppData\\Local");
}

bool createPrivateFolder(const std::filesystem::path& dir) {
  core::detail::PrivateSecurity security;
  return CreateDirectoryW(dir.wstring().c_str(), security.attributes()) != 0 ||
         GetLastError() == ERROR_ALREADY_EXISTS;
}

}  // namespace cut::platform
