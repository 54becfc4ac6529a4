#pragma once
// WinHTTP's error codes and certificate-failure flags as the transport's error kinds and messages
// for people. Kept apart from winhttp_transport.cpp so every code's kind is tested on its own.

#include <cstdint>

#include "core/claude/transport.h"

namespace cut::net {

/// The error for a WinHTTP or Windows error code (GetLastError(), WINHTTP_ASYNC_RESULT::dwError).
/// `secureFlags` are the WINHTTP_CALLBACK_STATUS_FLAG_* bits reported by the secure-failure
/// callback before the request failed (0 when none); they refine a Tls message. The message names
/// what went wrong and the code, never anything from the request.
core::TransportError winHttpError(std::uint32_t code, std::uint32_t secureFlags = 0);

}  // namespace cut::net
