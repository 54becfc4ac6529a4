// SingleInstance on Windows: LockFileEx on `dir`/widget.lock (through LockFile), not a named mutex,
// because the lock then has the same scope as on Linux (one widget per state folder, so tests and
// --state-dir sandboxes do not collide), `forget` can ask the same file whether a widget runs, and
// Windows releases it when the process ends however it ends. A second launch asks the first to show
// itself through a named auto-reset event in the session's namespace, named after the folder.
#include <windows.h>

#include <cstdint>
#include <cwctype>
#include <thread>

#include "core/files/private_dir.h"
#include "platform/lock_file.h"
#include "platform/single_instance.h"

namespace cut::platform {
namespace {

// FNV-1a over the folder's path without case (NTFS names compare so): stable between builds, so two
// versions of the program still find each other.
std::wstring eventName(const std::filesystem::path& dir) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const wchar_t c : std::filesystem::absolute(dir).lexically_normal().wstring()) {
    hash ^= static_cast<std::uint64_t>(std::towlower(c));
    hash *= 1099511628211ULL;
  }
  wchar_t hex[17] = {};
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[i] = L"0123456789abcdef"[hash & 0xf];
  return std::wstring(L"Local\\claude-usage-tracker-show-") + hex;
}

}  // namespace

struct SingleInstance::Impl {
  std::unique_ptr<LockFile> lock;
  HANDLE activate = nullptr;
  HANDLE stop = nullptr;
  std::thread thread;

  ~Impl() {
    if (thread.joinable()) {
      SetEvent(stop);
      thread.join();
    }
    for (HANDLE handle : {activate, stop})
      if (handle) CloseHandle(handle);
  }
};

SingleInstance::SingleInstance(const std::filesystem::path& dir, std::function<void()> onActivate)
    : m_impl(std::make_unique<Impl>()) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  // Another user's folder could hold their lock forever.
  if (auto trusted = core::checkPrivateDir(dir); !trusted) {
    m_error = trusted.error().message;
    return;
  }
  const auto lockPath = dir / "widget.lock";
  m_impl->lock = std::make_unique<LockFile>(lockPath);
  const std::wstring name = eventName(dir);
  switch (m_impl->lock->state()) {
    case LockFile::State::Failed:
      m_error = "cannot open " + lockPath.string() + " as a lock file of this user";
      return;
    case LockFile::State::Busy:
      m_outcome = Outcome::AlreadyRunning;
      if (HANDLE running = OpenEventW(EVENT_MODIFY_STATE, FALSE, name.c_str())) {
        SetEvent(running);
        CloseHandle(running);
      }
      return;
    case LockFile::State::Held: break;
  }
  m_outcome = Outcome::First;
  // Without the event the lock alone still holds; later launches just cannot bring this one forward.
  m_impl->activate = CreateEventW(nullptr, FALSE, FALSE, name.c_str());
  m_impl->stop = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  if (!m_impl->activate || !m_impl->stop) return;
  m_impl->thread = std::thread([impl = m_impl.get(), callback = std::move(onActivate)] {
    const HANDLE handles[2] = {impl->activate, impl->stop};
    while (WaitForMultipleObjects(2, handles, FALSE, INFINITE) == WAIT_OBJECT_0)
      if (callback) callback();
  });
}

SingleInstance::~SingleInstance() = default;

}  // namespace cut::platform
