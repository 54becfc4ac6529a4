// usage-cache.json as any process (or anyone with write access to the state folder) left it.
#include "core/files/usage_cache.h"
#include "core/model/time_bounds.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto cache = core::parseCache(fuzz::text(data, size));
  if (!cache) return 0;
  if (cache->usage.limits.size() > core::kMaxLimits) __builtin_trap();
  // What is read back is what was written: the text form round-trips.
  const auto again = core::parseCache(core::serializeCache(*cache));
  if (!again) __builtin_trap();
  (void)core::mergeCache(*cache, *again);
  for (const core::Limit& limit : cache->usage.limits) (void)core::elapsedFraction(limit, fuzz::kNow);
  return 0;
}
