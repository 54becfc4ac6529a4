#include "net/request_rules.h"

#include <algorithm>
#include <cctype>

namespace cut::net {
namespace {

bool hasLineBreak(std::string_view text) { return text.find_first_of("\r\n", 0) != std::string_view::npos; }

}  // namespace

std::optional<core::TransportError> refusal(const core::HttpRequest& request) {
  using core::TransportErrorKind;
  if (!request.url.starts_with("https://"))
    return core::TransportError{TransportErrorKind::Refused, "only https:// URLs are used"};
  for (const auto& [name, value] : request.headers) {
    if (hasLineBreak(name) || hasLineBreak(value) || name.empty())
      return core::TransportError{TransportErrorKind::Refused, "a request header is malformed"};
  }
  return std::nullopt;
}

core::TransportError tooLarge(std::size_t maxBodyBytes) {
  return core::TransportError{core::TransportErrorKind::TooLarge,
                              "the answer was larger than " + std::to_string(maxBodyBytes / 1024) + " KiB"};
}

core::TransportError cancelled() {
  return core::TransportError{core::TransportErrorKind::Aborted, "cancelled"};
}

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trimAscii(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace cut::net
