#include <thread>

#include "core/files/file_lock.h"
#include "core/files/win32_files.h"

namespace cut::core {

FileLock::FileLock(const std::filesystem::path& path, std::chrono::milliseconds wait) {
  detail::PrivateSecurity security;
  // Shared opening, so each process can open the lock file and wait in LockFileEx; a link at the
  // path is opened as itself (FILE_FLAG_OPEN_REPARSE_POINT) and then refused as not a plain file.
  HANDLE handle = ::CreateFileW(path.wstring().c_str(), GENERIC_READ | GENERIC_WRITE | READ_CONTROL,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, security.attributes(),
                                OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (handle == INVALID_HANDLE_VALUE) return;
  m_handle = handle;
  detail::HandleInfo info;
  if (!detail::handleInfo(handle, info) || !info.regular || !detail::ownedByCurrentUser(handle)) return;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  for (;;) {
    OVERLAPPED whole{};
    if (::LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD, MAXDWORD,
                     &whole)) {
      m_locked = true;
      return;
    }
    if (::GetLastError() != ERROR_LOCK_VIOLATION) return;
    if (std::chrono::steady_clock::now() >= deadline) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

FileLock::~FileLock() {
  if (m_handle != nullptr) ::CloseHandle(m_handle);  // closing releases the lock
}

}  // namespace cut::core
