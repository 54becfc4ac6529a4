#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

extern char** environ;

namespace cut::test {
namespace {

std::vector<std::string> buildEnvironment(const ProcessSpec& spec) {
  std::vector<std::string> env;
  auto overridden = [&](const std::string& entry) {
    const std::string name = entry.substr(0, entry.find('='));
    for (const auto& u : spec.unsetEnv) {
      if (u == name) return true;
    }
    for (const auto& e : spec.env) {
      if (e.substr(0, e.find('=')) == name) return true;
    }
    return false;
  };
  for (char** e = environ; *e != nullptr; ++e) {
    if (!overridden(*e)) env.emplace_back(*e);
  }
  env.insert(env.end(), spec.env.begin(), spec.env.end());
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

RunningProcess startProcess(const ProcessSpec& spec) {
  std::array<int, 2> in{}, out{}, err{};
  if (pipe2(in.data(), O_CLOEXEC) != 0 || pipe2(out.data(), O_CLOEXEC) != 0 ||
      pipe2(err.data(), O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);

  auto argvStrings = spec.argv;
  auto envStrings = buildEnvironment(spec);
  auto argv = pointers(argvStrings);
  auto envp = pointers(envStrings);
  // A session of its own: the child has no controlling terminal, so what it does never depends on
  // whether the tests were started from one (the status line measures /dev/tty).
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (spawned != 0) {
    close(in[1]);
    close(out[0]);
    close(err[0]);
    throw std::runtime_error("cannot start " + spec.argv[0] + ": " + std::strerror(spawned));
  }
  signal(SIGPIPE, SIG_IGN);
  RunningProcess child;
  child.m_pid = pid;
  child.m_in = in[1];
  child.m_out = out[0];
  child.m_err = err[0];
  child.m_input = spec.input;
  child.m_deadline = std::chrono::steady_clock::now() + spec.deadline;
  return child;
}

RunningProcess::RunningProcess(RunningProcess&& other) noexcept
    : m_pid(std::exchange(other.m_pid, -1)),
      m_in(std::exchange(other.m_in, -1)),
      m_out(std::exchange(other.m_out, -1)),
      m_err(std::exchange(other.m_err, -1)),
      m_input(std::move(other.m_input)),
      m_deadline(other.m_deadline) {}

RunningProcess::~RunningProcess() {
  if (m_pid < 0) return;
  kill(m_pid, SIGKILL);
  (void)wait();
}

ProcessResult RunningProcess::wait() {
  // Feed stdin and drain both outputs together so a chatty child never blocks on a full pipe.
  ProcessResult result;
  std::size_t written = 0;
  if (m_input.empty()) {
    close(m_in);
    m_in = -1;
  } else {
    fcntl(m_in, F_SETFL, O_NONBLOCK);
  }
  bool outOpen = true, errOpen = true;
  while (outOpen || errOpen || m_in >= 0) {
    std::array<pollfd, 3> fds{
        {{outOpen ? m_out : -1, POLLIN, 0}, {errOpen ? m_err : -1, POLLIN, 0}, {m_in, POLLOUT, 0}}};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timedOut = true;
      kill(m_pid, SIGKILL);
      break;
    }
    const int waitMs = static_cast<int>(std::min<long>(left.count(), 1000));
    if (poll(fds.data(), fds.size(), waitMs) < 0 && errno != EINTR) break;
    char buffer[65536];
    for (int i = 0; i < 2; ++i) {
      if (fds[static_cast<std::size_t>(i)].revents == 0) continue;
      const ssize_t n = read(fds[static_cast<std::size_t>(i)].fd, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      } else {
        (i == 0 ? outOpen : errOpen) = false;
      }
    }
    if (m_in >= 0 && fds[2].revents != 0) {
      const ssize_t n = write(m_in, m_input.data() + written, m_input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == m_input.size()) {
        close(m_in);
        m_in = -1;
      }
    }
  }
  if (m_in >= 0) close(m_in);
  close(m_out);
  close(m_err);
  m_in = m_out = m_err = -1;
  int status = 0;
  waitpid(std::exchange(m_pid, -1), &status, 0);
  if (WIFEXITED(status)) {
    result.exitCode = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exitCode = 128 + WTERMSIG(status);
  }
  return result;
}

ProcessResult runProcess(const ProcessSpec& spec) { return startProcess(spec).wait(); }

std::string programPath() { return CUT_BINARY; }

}  // namespace cut::test
