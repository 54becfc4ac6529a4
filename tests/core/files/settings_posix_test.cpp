// The settings file's POSIX modes. The cases both OSes share are in settings_test.cpp.
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "core/files/settings.h"
#include "support/temp_dir.h"

namespace settings_posix_test {

using namespace cut::core;
using namespace cut::test;

TEST_CASE("the saved file is mode 0600 in a 0700 folder even under umask 0") {
  TempDir dir;
  UmaskScope mask(0);
  const auto configDir = dir / "claude-usage-tracker";
  REQUIRE(saveSettings(configDir, Settings{}).ok());
  CHECK(modeOf(settingsPath(configDir)) == 0600);
  CHECK(modeOf(configDir) == 0700);
}

}  // namespace settings_posix_test
