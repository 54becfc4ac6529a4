// Our own settings.json, as a person (or an older version) left it.
#include "core/files/settings.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto dir = fuzz::scratchDir();
  fuzz::writeFile(core::settingsPath(dir), fuzz::text(data, size));
  const core::SettingsLoad loaded = core::loadSettings(dir);
  (void)core::saveSettings(dir, loaded.settings);
  return 0;
}
