#include "core/files/temp_name.h"

#include <cstddef>
#include <random>

namespace cut::core::detail {

std::string randomTempSuffix() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
  std::string suffix(10, 'x');
  for (char& c : suffix) c = kAlphabet[pick(engine)];
  return suffix;
}

}  // namespace cut::core::detail
