#include "core/files/autostart.h"

#include <doctest/doctest.h>

#include "core/files/our_files.h"
#include "support/temp_dir.h"

namespace autostart_test {

using namespace cut::core;
using namespace cut::test;

TEST_CASE("an autostart entry reads back the program it starts, whatever characters its path holds") {
  TempDir dir;
  const auto file = autostartPlace(dir.path());
  for (const std::string program :
       {"/usr/bin/claude-usage-tracker", "/home/pat/my build/claude-usage-tracker",
        "/tmp/a\"b`c$d\\e%f/claude-usage-tracker"}) {
    CAPTURE(program);
    REQUIRE(enableAutostart(file, program));
    const auto state = readAutostart(file);
    CHECK(state.present);
    CHECK(state.ours);
    CHECK(state.enabled);
    CHECK(state.program == program);
  }
  CHECK(modeOf(file) == 0644);
}

TEST_CASE("an entry disabled inside the file reads as off, and one that is not ours is never changed") {
  TempDir dir;
  const auto file = autostartPlace(dir.path());
  REQUIRE(writeFileAtomic(file, autostartEntryText("/usr/bin/x") + "Hidden=true\n", 0644));
  CHECK_FALSE(readAutostart(file).enabled);

  const std::string theirs = "[Desktop Entry]\nType=Application\nName=Mine\nExec=/usr/bin/mine --flag\n";
  REQUIRE(writeFileAtomic(file, theirs, 0644));
  const auto state = readAutostart(file);
  CHECK(state.enabled);
  CHECK_FALSE(state.ours);
  CHECK(state.program == "/usr/bin/mine");
  CHECK_FALSE(enableAutostart(file, "/usr/bin/claude-usage-tracker"));
  CHECK_FALSE(disableAutostart(file));
  CHECK(readWholeFile(file) == theirs);
}

TEST_CASE("a relative program or one with a newline is refused and writes nothing") {
  TempDir dir;
  const auto file = autostartPlace(dir.path());
  CHECK_FALSE(enableAutostart(file, "claude-usage-tracker"));
  CHECK_FALSE(enableAutostart(file, "/tmp/a\nExec=/bin/evil"));
  CHECK_FALSE(readAutostart(file).present);
  CHECK(disableAutostart(file));
}

TEST_CASE("our files are only the names the program writes, as regular files") {
  TempDir dir;
  const auto config = dir / "config";
  const auto state = dir / "state";
  for (const auto& name :
       {config / "settings.json", config / "settings.json.bad.2", config / ".settings.json.tmp-x1",
        state / "usage-cache.json", state / "history.sqlite-wal", state / "alerts.json",
        state / ".alerts.json.tmp-y2", config / "notes.txt", state / "usage-cache.json.old"})
    REQUIRE(writeFileAtomic(name, "x", 0600));
  std::filesystem::create_symlink(config / "notes.txt", state / "widget.lock");
  const std::vector<std::filesystem::path> expected = {
      config / ".settings.json.tmp-x1", config / "settings.json", config / "settings.json.bad.2",
      state / ".alerts.json.tmp-y2",    state / "alerts.json",    state / "history.sqlite-wal",
      state / "usage-cache.json"};
  CHECK(ourFiles(config, state) == expected);
  CHECK_FALSE(keyFileIsOurs(state / "widget.lock"));
  CHECK(keyFileIsOurs(config / "notes.txt"));
}

}  // namespace autostart_test
