// Claude Code's settings.json (first half of the input) and our saved previous status line
// (second half), through install-statusline and uninstall-statusline.
#include "core/statusline/claude_code_settings.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto input = fuzz::text(data, size);
  const auto split = input.find('\0');
  const auto settings = input.substr(0, split);
  const auto previous = split == std::string_view::npos ? std::string_view() : input.substr(split + 1);
  const auto dir = fuzz::scratchDir();
  const auto claudeDir = dir / "claude";
  const auto stateDir = dir / "state";
  fuzz::writeFile(claudeDir / "settings.json", settings);
  if (!previous.empty()) fuzz::writeFile(stateDir / "statusline-previous.json", previous);
  (void)core::isOurStatusline(settings);
  (void)core::uninstallStatusline(claudeDir, stateDir, fuzz::kNow);
  (void)core::installStatusline(claudeDir, stateDir, "/usr/bin/claude-usage-tracker statusline", fuzz::kNow);
  (void)core::uninstallStatusline(claudeDir, stateDir, fuzz::kNow);
  return 0;
}
