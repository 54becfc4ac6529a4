// Start at login on Windows: the value "Claude Usage Tracker" of the current user's Run key, whose
// data is the quoted path of claude-usage-tracker.exe (no arguments: the widget is what it starts
// with none, as the Linux entry's Exec has none). Per user, so no administrator is needed and no
// other account is touched; HKEY_LOCAL_MACHINE is never opened. A Startup-folder shortcut would
// need COM (IShellLink) for the same effect.
//
// Task Manager's Startup tab turns an entry off without removing it, in a binary value of the same
// name under Explorer\StartupApproved\Run (first byte odd: off). readAutostart reports that as
// not enabled; enabling removes it, so "on" means on; disabling removes both.
#include <windows.h>

#include <cwchar>
#include <vector>

#include "core/files/autostart.h"
#include "core/files/win32_files.h"

namespace cut::core {
namespace {

constexpr const wchar_t* kValueName = L"Claude Usage Tracker";
constexpr const wchar_t* kProgramName = L"claude-usage-tracker.exe";

/// Where Task Manager records that the entry at `place` is turned off: for ...\CurrentVersion\Run,
/// ...\CurrentVersion\Explorer\StartupApproved\Run.
std::filesystem::path approvalPlace(const std::filesystem::path& place) {
  return place.parent_path() / "Explorer" / "StartupApproved" / place.filename();
}

/// The program a Run value's data starts: the quoted first word, else the whole data when it names
/// an .exe (an unquoted path with spaces), else the first word.
std::filesystem::path programOf(std::wstring data) {
  const auto start = data.find_first_not_of(L" \t");
  if (start == std::wstring::npos) return {};
  data.erase(0, start);
  if (data[0] == L'"') {
    const auto end = data.find(L'"', 1);
    return data.substr(1, end == std::wstring::npos ? std::wstring::npos : end - 1);
  }
  const auto last = data.find_last_not_of(L" \t");
  data.erase(last + 1);
  if (data.size() >= 4 && _wcsicmp(data.c_str() + data.size() - 4, L".exe") == 0) return data;
  return data.substr(0, data.find_first_of(L" \t"));
}

bool isOurProgram(const std::filesystem::path& program) {
  return _wcsicmp(program.filename().c_str(), kProgramName) == 0;
}

/// Whether Task Manager has turned the entry at `place` off.
bool turnedOff(const std::filesystem::path& place) {
  BYTE approval[16] = {};
  DWORD size = sizeof approval;
  const LSTATUS status = RegGetValueW(HKEY_CURRENT_USER, approvalPlace(place).c_str(), kValueName,
                                      RRF_RT_REG_BINARY, nullptr, approval, &size);
  return status == ERROR_SUCCESS && size > 0 && (approval[0] & 1) != 0;
}

FileError notOurs(const std::filesystem::path& place) {
  return {autostartEntryName(place) +
          " was not written by this program; it was left as it is (edit or remove it yourself)"};
}

FileError registryError(const char* what, const std::filesystem::path& place, LSTATUS status) {
  return {std::string("cannot ") + what + " " + autostartEntryName(place) + ": " +
          detail::win32ErrorText(static_cast<DWORD>(status))};
}

}  // namespace

std::filesystem::path autostartPlace(const std::filesystem::path&) {
  return L"Software\\Microsoft\\Windows\\CurrentVersion\\Run";
}

std::string autostartEntryName(const std::filesystem::path& place) {
  return "HKEY_CURRENT_USER\\" + place.string() + " value \"Claude Usage Tracker\"";
}

AutostartState readAutostart(const std::filesystem::path& place) {
  AutostartState state;
  // RRF_RT_REG_SZ takes REG_EXPAND_SZ too, expanded (asking for REG_EXPAND_SZ itself would need
  // RRF_NOEXPAND).
  DWORD size = 0;
  LSTATUS status =
      RegGetValueW(HKEY_CURRENT_USER, place.c_str(), kValueName, RRF_RT_REG_SZ, nullptr, nullptr, &size);
  std::vector<wchar_t> data;
  // The value can change between the two calls; a few tries cover a writer racing us.
  for (int attempt = 0; attempt < 3 && status == ERROR_SUCCESS; ++attempt) {
    data.assign(size / sizeof(wchar_t) + 1, L'\0');
    size = static_cast<DWORD>(data.size() * sizeof(wchar_t));
    status = RegGetValueW(HKEY_CURRENT_USER, place.c_str(), kValueName, RRF_RT_REG_SZ, nullptr, data.data(),
                          &size);
    if (status != ERROR_MORE_DATA) break;
    status = ERROR_SUCCESS;
  }
  if (status == ERROR_FILE_NOT_FOUND) return state;
  state.present = true;
  if (status == ERROR_UNSUPPORTED_TYPE) return state;  // not a command line: not ours, starts nothing we know
  if (status != ERROR_SUCCESS) {
    state.problem = registryError("read", place, status).message;
    return state;
  }
  state.program = programOf(data.data());
  state.ours = isOurProgram(state.program);
  state.enabled = !turnedOff(place);
  return state;
}

std::string autostartEntryText(const std::filesystem::path& program) {
  return "\"" + program.string() + "\"";
}

Result<Done, FileError> enableAutostart(const std::filesystem::path& place,
                                        const std::filesystem::path& program) {
  const std::wstring path = program.wstring();
  if (!program.is_absolute() || path.find_first_of(L"\"\r\n") != std::wstring::npos)
    return fail(FileError{"cannot start '" + program.string() +
                          "' at login: not an absolute path on one line without quotes"});
  const AutostartState existing = readAutostart(place);
  if (!existing.problem.empty()) return fail(FileError{existing.problem});
  if (existing.present && !existing.ours) return fail(notOurs(place));

  HKEY key = nullptr;
  LSTATUS status = RegCreateKeyExW(HKEY_CURRENT_USER, place.c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_SET_VALUE, nullptr, &key, nullptr);
  if (status != ERROR_SUCCESS) return fail(registryError("write", place, status));
  const std::wstring data = L"\"" + path + L"\"";
  status = RegSetValueExW(key, kValueName, 0, REG_SZ, reinterpret_cast<const BYTE*>(data.c_str()),
                          static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t)));
  RegCloseKey(key);
  if (status != ERROR_SUCCESS) return fail(registryError("write", place, status));
  // Turned off in Task Manager earlier: "on" now means on. Missing is fine.
  RegDeleteKeyValueW(HKEY_CURRENT_USER, approvalPlace(place).c_str(), kValueName);
  return Done{};
}

Result<Done, FileError> disableAutostart(const std::filesystem::path& place) {
  const AutostartState existing = readAutostart(place);
  if (!existing.problem.empty()) return fail(FileError{existing.problem});
  if (!existing.present) return Done{};
  if (!existing.ours) return fail(notOurs(place));
  const LSTATUS status = RegDeleteKeyValueW(HKEY_CURRENT_USER, place.c_str(), kValueName);
  if (status != ERROR_SUCCESS && status != ERROR_FILE_NOT_FOUND)
    return fail(registryError("remove", place, status));
  RegDeleteKeyValueW(HKEY_CURRENT_USER, approvalPlace(place).c_str(), kValueName);
  return Done{};
}

}  // namespace cut::core
