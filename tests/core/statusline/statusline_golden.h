#pragma once
// What the status-line suites share: the fixture's moment, the fixture's view, UTC for local times,
// and golden lines in tests/golden/statusline/<name>.txt.

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>

#include "core/statusline/statusline_render.h"
#include "support/env_scope.h"
#include "support/temp_dir.h"

namespace cut::test {

/// 2h 20m into the fixture's 5-hour window (Thu 23:20 UTC), which resets at 1796349600 (Fri 02:00 UTC).
inline const core::TimePoint kStatuslineNow = core::Clock::from_time_t(1'796'340'000);

/// Compares `line` with its golden file. With CUT_UPDATE_GOLDEN=1 the file is rewritten from the
/// current output instead (then reviewed in the diff).
inline void checkGolden(const std::string& name, const std::string& line) {
  const std::string path = std::string(CUT_GOLDEN_DIR) + "/statusline/" + name + ".txt";
  if (const char* update = std::getenv("CUT_UPDATE_GOLDEN"); update != nullptr && update[0] == '1')
    std::ofstream(path) << line << "\n";
  INFO("golden file: " << path);
  CHECK(line + "\n" == readWholeFile(path));
}

/// Local times are printed in UTC while one lives. "UTC0" is a rule (name and offset), not a zone
/// name, so glibc and the Windows C runtime read it alike with no time-zone database.
struct UtcZone {
  UtcZone() {
    setEnvironment("TZ", "UTC0");
    ::tzset();
  }
};

/// The view of tests/fixtures/statusline_input.json on branch "main".
inline core::StatuslineView fixtureView() {
  core::StatuslineView view;
  view.input = core::parseStatuslineInput(
      readWholeFile(std::string(CUT_FIXTURES_DIR) + "/statusline_input.json"), kStatuslineNow);
  view.branch = "main";
  return view;
}

}  // namespace cut::test
