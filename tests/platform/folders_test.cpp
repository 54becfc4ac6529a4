#include "platform/folders.h"

#include <doctest/doctest.h>

#include "support/env_scope.h"

using cut::platform::configBase;
using cut::platform::homeFolder;
using cut::platform::stateBase;

TEST_CASE("the folders come from HOME and the XDG variables") {
  cut::test::EnvScope env;
  env.set("HOME", "/home/ada");
  env.set("XDG_CONFIG_HOME", "/cfg");
  env.set("XDG_STATE_HOME", "/st");
  CHECK(homeFolder() == "/home/ada");
  CHECK(configBase() == "/cfg");
  CHECK(stateBase() == "/st");
}

TEST_CASE("unset or relative XDG variables fall back to the folders under HOME") {
  cut::test::EnvScope env;
  env.set("HOME", "/home/ada");
  env.set("XDG_CONFIG_HOME", std::nullopt);
  env.set("XDG_STATE_HOME", "state");
  CHECK(configBase() == "/home/ada/.config");
  CHECK(stateBase() == "/home/ada/.local/state");
}

TEST_CASE("without an absolute HOME the home folder is /") {
  cut::test::EnvScope env;
  env.set("HOME", std::nullopt);
  CHECK(homeFolder() == "/");
  env.set("HOME", "~");
  CHECK(homeFolder() == "/");
}
