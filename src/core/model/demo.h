#pragma once
// Built-in sample data for `--demo`: what a newcomer sees first, with no key and no network.

#include "core/model/snapshot.h"

namespace cut::core {

/// A plausible snapshot at `now`: a session window part used, weekly windows, a per-model cap and
/// extra usage, in the three colour bands, with demo = true. Reset times fall on whole minutes from
/// `now` rounded down to the minute, so every countdown ticks at the same wall-clock minute.
UsageSnapshot makeDemoSnapshot(TimePoint now);

}  // namespace cut::core
