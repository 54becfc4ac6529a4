// writeFileAtomic's order of steps, the same on every OS; each OS's steps are in
// atomic_file_posix.cpp and atomic_file_windows.cpp (atomic_write_steps.h).
#include "core/files/atomic_file.h"

#include "core/files/atomic_write_steps.h"

namespace cut::core {

Result<Done, FileError> writeFileAtomic(const std::filesystem::path& path, std::string_view content,
                                        mode_t mode) {
  mode &= 07777;
  const std::filesystem::path name = path.filename();
  if (name.empty() || name == "." || name == "..") return fail(atomic_write::notAFileName(path));
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (auto made = atomic_write::makeParents(path, dir); !made) return made;
  atomic_write::removeStaleTemporaries(dir, name);

  // A concurrent writer's clean-up can remove our temporary between its creation and the move
  // only if it judged it abandoned; a fresh attempt then succeeds. Three are plenty.
  Result<Done, FileError> written = Done{};
  for (int attempt = 0; attempt < 3; ++attempt) {
    bool retry = false;
    written = atomic_write::writeOnce(path, dir, content, mode, retry);
    if (written || !retry) break;
  }
  if (!written) return written;
  atomic_write::syncFolder(dir);
  return Done{};
}

}  // namespace cut::core
