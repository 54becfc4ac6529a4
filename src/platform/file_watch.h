#pragma once
// Notice that a file was replaced or changed, without polling: the widget learns at once that the
// status line wrote the shared usage cache. One implementation file per OS (file_watch_linux.cpp:
// inotify). Where notices are unavailable (no such facility, the folder does not exist yet, the
// watch limit is reached) active() is false and the caller checks the file's mtime now and then.

#include <filesystem>
#include <functional>
#include <memory>

namespace cut::platform {

class FileWatch {
 public:
  /// Watches `file` through its folder, so a rename over it (how every writer replaces the cache)
  /// is seen. `changed` is called on the watch's own thread after each change to that file; it must
  /// be quick and thread-safe (the app sets a flag and calls postEmptyEvent).
  FileWatch(const std::filesystem::path& file, std::function<void()> changed);
  /// Stops and joins the watch thread.
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  /// True while notices arrive; false when the caller must fall back to checking the mtime.
  bool active() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace cut::platform
