// What a person pastes as a session key (set-key, the widget's key entry).
#include <string_view>

#include "core/files/key_file.h"
#include "fuzz_input.h"

namespace {

bool isKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/// A run of this many key characters is treated as key material. The messages' own words are
/// shorter ("sessionKey" is the longest run in them), so pasting a message back cannot trip it.
constexpr std::size_t kFragment = 12;

/// True when `message` contains a run of at least kFragment key characters taken from `pasted`.
bool quotesKeyMaterial(std::string_view pasted, std::string_view message) {
  std::size_t start = 0;
  while (start < pasted.size()) {
    if (!isKeyChar(pasted[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < pasted.size() && isKeyChar(pasted[end])) ++end;
    for (std::size_t at = start; at + kFragment <= end; ++at) {
      if (message.find(pasted.substr(at, kFragment)) != std::string_view::npos) return true;
    }
    start = end;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto pasted = fuzz::text(data, size);
  const auto key = core::normalizeKey(pasted);
  if (key) {
    // A key that was accepted normalizes to itself.
    const auto again = core::normalizeKey(key.value());
    if (!again || again.value() != key.value()) __builtin_trap();
  } else if (quotesKeyMaterial(pasted, key.error().message)) {
    // An error message never quotes any piece of what was pasted.
    __builtin_trap();
  }
  return 0;
}
