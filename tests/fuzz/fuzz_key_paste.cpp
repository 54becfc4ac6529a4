// What a person pastes as a session key (set-key, the widget's key entry).
#include "core/files/key_file.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto pasted = fuzz::text(data, size);
  const auto key = core::normalizeKey(pasted);
  if (key) {
    // A key that was accepted normalizes to itself, and an error message never quotes the paste.
    const auto again = core::normalizeKey(key.value());
    if (!again || again.value() != key.value()) __builtin_trap();
  } else if (pasted.starts_with("sk-ant-") && pasted.size() >= 24 &&
             key.error().message.find(pasted.substr(7)) != std::string::npos) {
    __builtin_trap();
  }
  return 0;
}
