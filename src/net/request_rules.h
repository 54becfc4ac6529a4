#pragma once
// The rules every transport applies the same way before and after a request, kept in one place so
// CurlTransport and WinHttpTransport cannot drift apart.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/claude/transport.h"

namespace cut::net {

/// Why a request is refused before anything is sent (Refused): the URL is not https://, or a header
/// name is empty or a name or value holds a line break. Empty when it may go. The message never
/// quotes the request.
std::optional<core::TransportError> refusal(const core::HttpRequest& request);

/// The TooLarge error for a body over `maxBodyBytes`.
core::TransportError tooLarge(std::size_t maxBodyBytes);

/// The Aborted error of a cancelled transport.
core::TransportError cancelled();

/// `text` with ASCII letters lower-cased (response header names).
std::string lowerAscii(std::string_view text);

/// `text` without leading and trailing ASCII white space.
std::string_view trimAscii(std::string_view text);

/// The most response headers kept; later ones are dropped (a hostile server cannot grow memory).
inline constexpr std::size_t kMaxResponseHeaders = 200;

}  // namespace cut::net
