#include "app/statusline_refresh.h"

#include <string>
#include <vector>

#include "app/program_paths.h"
#include "core/files/private_dir.h"
#include "platform/folders.h"
#include "platform/lock_file.h"

namespace cut::app {
namespace {

std::vector<std::string> statusArgs(const std::string& program, const Options& options) {
  std::vector<std::string> args = {program,
                                   "status",
                                   "--key-file=" + options.keyFile.string(),
                                   "--config-dir=" + options.configDir.string(),
                                   "--state-dir=" + options.stateDir.string(),
                                   "--api-base=" + options.apiBase,
                                   "--timeout=" + std::to_string(options.timeoutSeconds)};
  if (!options.caFile.empty()) args.push_back("--ca-file=" + options.caFile.string());
  return args;
}

}  // namespace

RefreshStart startBackgroundRefresh(const Options& options) {
  const std::string program = fullProgram().string();
  if (program.empty()) return RefreshStart::Failed;
  std::error_code ec;
  std::filesystem::create_directories(options.stateDir.parent_path(), ec);
  platform::createPrivateFolder(options.stateDir);  // private like the rest of the state folder
  if (!core::checkPrivateDir(options.stateDir)) return RefreshStart::Failed;  // another user's folder
  platform::LockFile lock(options.stateDir / "refresh.lock");
  if (lock.state() == platform::LockFile::State::Failed) return RefreshStart::Failed;
  if (lock.state() == platform::LockFile::State::Busy) return RefreshStart::AlreadyRunning;
  const auto last = lock.lastTouched();
  if (last && std::chrono::system_clock::now() - *last < kRefreshAttemptInterval)
    return RefreshStart::TooSoon;
  lock.touch();
  // The status process inherits the lock and holds it for its whole run.
  return platform::startDetached(statusArgs(program, options), lock) ? RefreshStart::Started
                                                                     : RefreshStart::Failed;
}

}  // namespace cut::app
