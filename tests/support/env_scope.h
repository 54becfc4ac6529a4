#pragma once
// Sets or unsets environment variables for one scope and puts the previous values back.

#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cut::test {

/// Sets `name` to `value`, or unsets it when `value` is nullopt (setenv/unsetenv, or _putenv_s).
void setEnvironment(const std::string& name, const std::optional<std::string>& value);

/// The variable that names the home folder: HOME, or USERPROFILE on Windows.
std::string homeVariable();

class EnvScope {
 public:
  EnvScope() = default;
  EnvScope(const EnvScope&) = delete;
  EnvScope& operator=(const EnvScope&) = delete;
  ~EnvScope() {
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it) setEnvironment(it->first, it->second);
  }

  /// `value` nullopt unsets the variable.
  void set(const std::string& name, const std::optional<std::string>& value) {
    const char* old = std::getenv(name.c_str());
    m_saved.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
    setEnvironment(name, value);
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> m_saved;
};

}  // namespace cut::test
