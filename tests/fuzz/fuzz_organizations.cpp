// The /api/organizations body from claude.ai.
#include "core/claude/usage_parser.h"
#include "core/model/terminal_text.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  if (auto organizations = core::parseOrganizations(fuzz::text(data, size))) {
    for (const core::Organization& org : organizations.value()) {
      const std::string shown = core::terminalSafe(org.name);
      for (const char c : shown)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) __builtin_trap();
    }
  }
  return 0;
}
