// FileWatch on Windows: ReadDirectoryChangesW on the file's folder, overlapped, read by a thread that
// sleeps in WaitForMultipleObjects until a notice or the stop event arrives. The same contract as
// inotify: a write, a create, a delete or a rename onto or off the file wakes the caller; notices
// that overflowed the buffer count as a change, since the file may be among them; the folder gone
// makes the watch inactive (after one last call) and the caller checks mtimes.
#include <windows.h>

#include <atomic>
#include <cstddef>
#include <cstring>
#include <cwctype>
#include <string>
#include <thread>

#include "platform/file_watch.h"

namespace cut::platform {
namespace {

constexpr DWORD kFilter =
    FILE_NOTIFY_CHANGE_FILE_NAME | FILE_NOTIFY_CHANGE_LAST_WRITE | FILE_NOTIFY_CHANGE_SIZE;

// NTFS names compare without case.
bool sameName(const std::wstring& a, const wchar_t* b, std::size_t length) {
  if (a.size() != length) return false;
  for (std::size_t i = 0; i < length; ++i)
    if (std::towlower(a[i]) != std::towlower(b[i])) return false;
  return true;
}

}  // namespace

struct FileWatch::Impl {
  std::wstring name;  ///< the file's name inside the watched folder
  std::function<void()> changed;
  HANDLE folder = INVALID_HANDLE_VALUE;
  HANDLE notice = nullptr;  ///< the overlapped read's completion event
  HANDLE stop = nullptr;
  OVERLAPPED overlapped{};
  alignas(DWORD) unsigned char buffer[16384];
  std::atomic<bool> active{false};
  std::thread thread;

  bool arm();
  void run();
  /// True when the completed read mentions `name`, or overflowed.
  bool relevant(DWORD bytes) const;
};

bool FileWatch::Impl::arm() {
  overlapped = OVERLAPPED{};
  overlapped.hEvent = notice;
  return ReadDirectoryChangesW(folder, buffer, sizeof buffer, FALSE, kFilter, nullptr, &overlapped,
                               nullptr) != 0;
}

bool FileWatch::Impl::relevant(DWORD bytes) const {
  if (bytes == 0) return true;  // the notices did not fit: the file may be among them
  for (DWORD offset = 0; offset + sizeof(FILE_NOTIFY_INFORMATION) <= bytes;) {
    FILE_NOTIFY_INFORMATION info;
    std::memcpy(&info, buffer + offset, sizeof info);
    const auto* fileName =
        reinterpret_cast<const wchar_t*>(buffer + offset + offsetof(FILE_NOTIFY_INFORMATION, FileName));
    if (sameName(name, fileName, info.FileNameLength / sizeof(wchar_t))) return true;
    if (info.NextEntryOffset == 0) break;
    offset += info.NextEntryOffset;
  }
  return false;
}

void FileWatch::Impl::run() {
  const HANDLE handles[2] = {notice, stop};
  for (;;) {
    const DWORD which = WaitForMultipleObjects(2, handles, FALSE, INFINITE);
    if (which != WAIT_OBJECT_0) break;
    DWORD bytes = 0;
    if (!GetOverlappedResult(folder, &overlapped, &bytes, FALSE)) {
      // The folder was deleted or became unreadable: no more notices.
      active = false;
      changed();
      return;
    }
    const bool mine = relevant(bytes);
    // Re-arm before calling back, so a write during the callback is not missed.
    const bool armed = arm();
    if (!armed) active = false;
    if (mine || !armed) changed();
    if (!armed) return;
  }
  // Stopping: end the outstanding read before its buffer goes away.
  CancelIoEx(folder, &overlapped);
  DWORD bytes = 0;
  GetOverlappedResult(folder, &overlapped, &bytes, TRUE);
}

FileWatch::FileWatch(const std::filesystem::path& file, std::function<void()> changed)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->name = file.filename().wstring();
  m_impl->changed = std::move(changed);
  const std::filesystem::path folder =
      file.has_parent_path() ? file.parent_path() : std::filesystem::path(L".");
  // Delete sharing: the watch must not stop anyone removing or renaming the folder.
  m_impl->folder = CreateFileW(folder.wstring().c_str(), FILE_LIST_DIRECTORY,
                               FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                               FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED, nullptr);
  if (m_impl->folder == INVALID_HANDLE_VALUE) return;
  m_impl->notice = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  m_impl->stop = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  if (!m_impl->notice || !m_impl->stop || !m_impl->arm()) return;
  m_impl->active = true;
  m_impl->thread = std::thread([impl = m_impl.get()] { impl->run(); });
}

FileWatch::~FileWatch() {
  if (m_impl->thread.joinable()) {
    SetEvent(m_impl->stop);
    m_impl->thread.join();
  }
  for (HANDLE handle : {m_impl->notice, m_impl->stop})
    if (handle) CloseHandle(handle);
  if (m_impl->folder != INVALID_HANDLE_VALUE) CloseHandle(m_impl->folder);
}

bool FileWatch::active() const { return m_impl->active; }

}  // namespace cut::platform
