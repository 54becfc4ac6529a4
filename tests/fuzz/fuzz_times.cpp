// ISO-8601 times from the server and Retry-After (seconds or an HTTP date).
#include "core/claude/fetch_policy.h"
#include "core/claude/usage_parser.h"
#include "core/model/time_bounds.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto input = fuzz::text(data, size);
  if (const auto time = core::parseIsoTime(input)) {
    // Anything accepted prints back as an ISO time a reader accepts again.
    if (!core::parseIsoTime(core::formatIsoTimeUtc(*time))) __builtin_trap();
  }
  (void)core::parseRetryAfter(input, fuzz::kNow);
  return 0;
}
