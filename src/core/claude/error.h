#pragma once
// Classes of failure a fetch can end in, with the exit code and the advice each one carries.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cut::core {

enum class ErrorKind {
  NoKey,          ///< no key file, or it is empty
  InvalidKey,     ///< the key text is not shaped like a session key
  AuthExpired,    ///< 401, or 403 with a JSON error: signed out, key revoked
  Cloudflare,     ///< 403 challenge page: the key is most likely fine
  OrgPermission,  ///< 403 "Invalid authorization for organization" even after listing again
  RateLimited,    ///< 429
  Server,         ///< 5xx
  Network,        ///< DNS, refused, reset
  Timeout,        ///< connect or whole-request timeout, or a server dripping bytes
  Tls,            ///< certificate or handshake failure
  BadResponse,    ///< 200 that is not JSON of the expected shape, redirects, other statuses
  TooLarge,       ///< body over the cap
};

/// The stable machine name: `no_key`, `invalid_key`, `auth_expired`, ...
std::string_view errorKindName(ErrorKind kind);

/// The process exit code for a failed `status` (distinct per kind, listed in `--help`).
int exitCodeFor(ErrorKind kind);

/// Whether polling should stop until the key changes (auth_expired, invalid_key, no_key).
bool pausesPolling(ErrorKind kind);

/// `text` with every occurrence of `key` replaced by "[key]"; unchanged when `key` is empty. The one
/// redaction for any text that may have passed near the key (a transport's message, an exception's).
std::string redactKey(std::string text, std::string_view key);

struct FetchError {
  ErrorKind kind = ErrorKind::Network;
  /// One or two sentences for a person: what happened and what to do next. Never holds the key.
  std::string message;
  /// The HTTP status when one arrived, else 0.
  int httpStatus = 0;
  /// From a `Retry-After` header, in seconds from when it was received.
  std::optional<std::int64_t> retryAfterSeconds;

  bool operator==(const FetchError&) const = default;
};

}  // namespace cut::core
