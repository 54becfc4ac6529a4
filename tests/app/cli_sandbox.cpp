#include "app/cli_sandbox.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace cut::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

void writeExactly(const std::string& path, const std::string& content, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw std::runtime_error("cannot create " + path);
  const ssize_t n = ::write(fd, content.data(), content.size());
  ::fchmod(fd, mode);  // open() applies the umask; the test wants exactly `mode`
  ::close(fd);
  if (n != static_cast<ssize_t>(content.size())) throw std::runtime_error("cannot write " + path);
}

}  // namespace

// What people run by default: the front binary, which hands status and set-key to
// claude-usage-tracker-full.
CliSandbox::CliSandbox() : m_program(CUT_PROGRAM) {}

void CliSandbox::writeKeyFile(const std::string& content, mode_t mode) const {
  writeExactly(keyFile(), content, mode);
}

void CliSandbox::writeSettings(const std::string& content) const {
  std::filesystem::create_directories(configDir());
  writeExactly(settingsFile(), content, 0600);
}

ProcessResult CliSandbox::run(const std::vector<std::string>& args, const HttpsServer* server,
                              const std::string& input) const {
  ProcessSpec spec;
  spec.argv = {m_program};
  // The command name must come first; the sandbox options follow it, then the test's own.
  std::size_t first = 0;
  if (!args.empty() && !args[0].starts_with("-")) spec.argv.push_back(args[first++]);
  spec.argv.insert(spec.argv.end(),
                   {"--key-file", keyFile(), "--config-dir", configDir(), "--state-dir", stateDir()});
  if (server != nullptr) {
    // Always the trusted CA: a server with an untrusted certificate must fail the handshake.
    spec.argv.insert(spec.argv.end(),
                     {"--api-base", server->url(), "--ca-file", sharedPki().trusted().caFile.string()});
  }
  spec.argv.insert(spec.argv.end(), args.begin() + static_cast<std::ptrdiff_t>(first), args.end());
  spec.input = input;
  spec.env = {"HOME=" + home(), "XDG_CONFIG_HOME=" + (m_dir / "xdg-config").string(),
              "XDG_STATE_HOME=" + (m_dir / "xdg-state").string(), "TZ=UTC", "LC_ALL=C.UTF-8"};
  spec.env.insert(spec.env.end(), m_env.begin(), m_env.end());
  spec.unsetEnv = {"NO_COLOR", "CLAUDE_CONFIG_DIR", "COLUMNS"};
  auto result = runProcess(spec);
  REQUIRE_FALSE(result.timedOut);
  return result;
}

std::vector<std::string> CliSandbox::files() const {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(home())) {
    if (entry.is_regular_file() && !entry.is_symlink()) out.push_back(entry.path().string());
  }
  return out;
}

void CliSandbox::checkKeyNowhere(const ProcessResult& result, const HttpsServer* server,
                                 const std::string& key) const {
  const std::string body = key.size() > 12 ? key.substr(12) : key;  // after "sk-ant-sid01"
  // Input too short to be told apart from ordinary words (an empty paste) cannot leak anything.
  auto holds = [](const std::string& text, const std::string& needle) {
    return needle.size() >= 8 && text.find(needle) != std::string::npos;
  };
  auto clean = [&](const std::string& text) { return !holds(text, key) && !holds(text, body); };
  CHECK_MESSAGE(clean(result.out), "stdout holds the key: " << result.out);
  CHECK_MESSAGE(clean(result.err), "stderr holds the key: " << result.err);
  if (server != nullptr) {
    for (const auto& request : server->requests()) {
      CHECK_MESSAGE(clean(request.target), "a URL holds the key: " << request.target);
      for (const auto& [name, value] : request.headers) {
        if (lower(name) != "cookie") CHECK_MESSAGE(clean(value), "header " << name << " holds the key");
      }
    }
  }
  for (const auto& path : files()) {
    if (path == keyFile()) continue;
    CHECK_MESSAGE(clean(readWholeFile(path)), "file holds the key: " << path);
  }
}

int fileMode(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return -1;
  return static_cast<int>(st.st_mode & 07777);
}

ino_t fileInode(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return 0;
  return st.st_ino;
}

}  // namespace cut::test
