#pragma once
// Internal to cut_core: the random part of a temporary file's name (`.<name>.tmp-<random>`), the
// same on every OS. Include only from src/core/files/*.cpp.

#include <string>

namespace cut::core::detail {

/// Ten characters from [a-z0-9], from a per-thread generator seeded by std::random_device.
std::string randomTempSuffix();

}  // namespace cut::core::detail
