#pragma once
// Shared by the history store's suites (the half both OSes run and the POSIX half).

#include <doctest/doctest.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "core/history/history_store.h"
#include "support/temp_dir.h"

namespace cut::test {

/// The store in `dir`'s state folder; the test stops when it cannot be opened.
inline core::HistoryStore openStore(const TempDir& dir) {
  auto store = core::HistoryStore::open(dir.path() / "state", {});
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  return std::move(store.value());
}

/// How many limit samples the readings hold in all.
inline std::size_t sampleCount(const std::vector<core::HistoryReading>& readings) {
  std::size_t count = 0;
  for (const auto& reading : readings) count += reading.limits.size();
  return count;
}

}  // namespace cut::test
