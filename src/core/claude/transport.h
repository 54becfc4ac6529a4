#pragma once
// The seam between the fetch logic (core) and the HTTP implementation (net/curl_transport).
// Tests of timing logic use a fake Transport; everything else goes through libcurl.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace cut::core {

struct HttpRequest {
  /// Absolute https:// URL. Never carries a secret.
  std::string url;
  /// Extra request headers (name, value). The session key travels only as a `Cookie` header here.
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HttpResponse {
  long status = 0;
  /// Response headers with lower-cased names, in arrival order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  /// The first header of that (case-insensitive) name, or empty.
  std::string_view header(std::string_view name) const;
};

enum class TransportErrorKind {
  Network,   ///< DNS failure, connection refused or reset
  Timeout,   ///< connect, whole-request or low-speed timeout
  Tls,       ///< certificate verification or handshake failure
  TooLarge,  ///< body exceeded the cap; the transfer was abandoned
  Aborted,   ///< cancelled through Transport::cancel()
  Refused,   ///< not attempted: the URL is not https:// or otherwise unusable
};

struct TransportError {
  TransportErrorKind kind = TransportErrorKind::Network;
  /// What went wrong, for people (libcurl's text is kept). Never holds the key or request headers.
  std::string message;
};

using HttpResult = Result<HttpResponse, TransportError>;

class Transport {
 public:
  virtual ~Transport() = default;
  /// Performs one GET. Blocking; must return promptly (Aborted) after cancel().
  virtual HttpResult get(const HttpRequest& request) = 0;
  /// Makes the request in flight, and every later one, end with Aborted. Callable from any thread.
  virtual void cancel() = 0;
};

}  // namespace cut::core
