// The history's POSIX meanings: exact modes under umask 0 and a symbolic link in its place. The
// cases both OSes share are in history_store_test.cpp.
#include <doctest/doctest.h>
#include <filesystem>

#include "core/history/history_store.h"
#include "support/readings.h"
#include "support/temp_dir.h"

using namespace cut::core;
using cut::test::TempDir;

namespace {

const TimePoint kStart = cut::test::kT0;
const auto limit = cut::test::limitResetting;

HistoryStore openStore(const TempDir& dir) {
  auto store = HistoryStore::open(dir.path() / "state", {});
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  return std::move(store.value());
}

}  // namespace

TEST_CASE("the history file and its companions are private from the moment they exist") {
  TempDir dir;
  cut::test::UmaskScope loose(0);
  {
    auto store = openStore(dir);
    REQUIRE(store.record(Source::ClaudeAi, {limit("five_hour", 1, std::nullopt)}, kStart).ok());
    for (const char* name : {"history.sqlite", "history.sqlite-wal", "history.sqlite-shm"}) {
      INFO(name);
      CHECK(cut::test::modeOf(dir.path() / "state" / name) == 0600);
    }
  }
  CHECK(cut::test::modeOf(dir.path() / "state") == 0700);
}

TEST_CASE("a history that is a symbolic link is refused and its target left alone") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "state");
  cut::test::writeWholeFile(dir.path() / "elsewhere", "precious");
  std::filesystem::create_symlink(dir.path() / "elsewhere", dir.path() / "state" / "history.sqlite");
  auto store = HistoryStore::open(dir.path() / "state", {});
  REQUIRE_FALSE(store.ok());
  CHECK(store.error().message.find("symbolic link") != std::string::npos);
  CHECK(cut::test::readWholeFile(dir.path() / "elsewhere") == "precious");
}
