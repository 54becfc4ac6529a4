#pragma once
// A throwaway home for one run of the real program: HOME, XDG folders, the key file, the config and
// state folders all live in one TempDir, so a test sees every file the program wrote and nothing of
// the user's. Runs the built binary against a loopback HttpsServer with its CA trusted.

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

#include "net/https_server.h"
#include "support/process.h"

namespace cut::test {

/// Short and obviously fake, as every test key must be.
inline constexpr const char* kTestKey = "sk-ant-sid01-TESTKEY_abc123xyz";
/// The part of the key that no message has any reason to contain (unlike the `sk-ant-` prefix).
inline constexpr const char* kTestKeyBody = "TESTKEY_abc123xyz";
inline constexpr const char* kFirstOrgUuid = "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10";
inline constexpr const char* kSecondOrgUuid = "e2a9d4c7-1f3b-4c55-8d20-7b6a5e4f3c21";

class CliSandbox {
 public:
  CliSandbox();

  std::string home() const { return m_dir.path().string(); }
  std::string keyFile() const { return (m_dir / ".claude-session-key").string(); }
  std::string configDir() const { return (m_dir / "config").string(); }
  std::string stateDir() const { return (m_dir / "state").string(); }
  std::string settingsFile() const { return configDir() + "/settings.json"; }

  /// Writes the key file directly (not through the program), with exactly `content` and `mode`.
  void writeKeyFile(const std::string& content, mode_t mode = 0600) const;
  /// Writes settings.json with `content` (creating the config folder).
  void writeSettings(const std::string& content) const;

  /// Runs `claude-usage-tracker <args...>` (the front binary people run) with --key-file, --config-dir and
  /// --state-dir in the sandbox, HOME and XDG_*_HOME pointing into it, and, when `server` is given,
  /// --api-base and
  /// --ca-file with the trusted test CA (placed before `args`, so a test's own --api-base wins).
  ProcessResult run(const std::vector<std::string>& args, const HttpsServer* server,
                    const std::string& input = "") const;

  /// Runs `program` instead of the front binary from now on (e.g. CUT_FULL_PROGRAM).
  void setProgram(std::string program) { m_program = std::move(program); }
  /// Adds "NAME=value" to the environment of every later run (COLUMNS is unset unless added).
  void addEnv(std::string entry) { m_env.push_back(std::move(entry)); }

  /// Every regular file under the sandbox (recursively), as absolute paths.
  std::vector<std::string> files() const;

  /// Fails the current test when the key (or its distinctive part) is in the run's stdout or
  /// stderr, in any URL or header other than Cookie the server saw, or in any file of the sandbox
  /// other than the key file.
  void checkKeyNowhere(const ProcessResult& result, const HttpsServer* server,
                       const std::string& key = kTestKey) const;

 private:
  TempDir m_dir;
  std::string m_program;
  std::vector<std::string> m_env;
};

/// Mode bits (permissions only) of `path`, not following a symlink; -1 when it does not exist.
int fileMode(const std::string& path);
/// Inode of `path`, not following a symlink; 0 when it does not exist.
ino_t fileInode(const std::string& path);

}  // namespace cut::test
