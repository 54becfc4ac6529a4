#include "net/winhttp_errors.h"

#include <windows.h>
#include <winhttp.h>

#include <string>

namespace cut::net {
namespace {

using core::TransportError;
using core::TransportErrorKind;

struct Known {
  DWORD code;
  TransportErrorKind kind;
  const char* text;
};

// Every code WinHTTP documents for a request that could not complete, with the kind libcurl's
// equivalent maps to on Linux (curl_transport.cpp). Codes not listed are Network.
constexpr Known kKnown[] = {
    {ERROR_WINHTTP_TIMEOUT, TransportErrorKind::Timeout, "the server did not answer in time"},
    {ERROR_WINHTTP_NAME_NOT_RESOLVED, TransportErrorKind::Network, "the server's name could not be resolved"},
    {ERROR_WINHTTP_CANNOT_CONNECT, TransportErrorKind::Network, "could not connect to the server"},
    {ERROR_WINHTTP_CONNECTION_ERROR, TransportErrorKind::Network, "the connection was reset or closed"},
    {ERROR_WINHTTP_INVALID_SERVER_RESPONSE, TransportErrorKind::Network, "the server's answer was not HTTP"},
    {ERROR_WINHTTP_RESEND_REQUEST, TransportErrorKind::Network, "the connection was lost mid-request"},
    {ERROR_WINHTTP_HEADER_COUNT_EXCEEDED, TransportErrorKind::Network, "the answer had too many headers"},
    {ERROR_WINHTTP_HEADER_SIZE_OVERFLOW, TransportErrorKind::Network, "the answer's headers were too large"},
    {ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW, TransportErrorKind::Network,
     "the answer's chunked encoding was malformed"},
    {ERROR_WINHTTP_REDIRECT_FAILED, TransportErrorKind::Network, "a redirect was refused"},
    {ERROR_WINHTTP_SHUTDOWN, TransportErrorKind::Network, "WinHTTP is shutting down"},
    {ERROR_WINHTTP_OUT_OF_HANDLES, TransportErrorKind::Network, "WinHTTP ran out of handles"},
    {ERROR_WINHTTP_INTERNAL_ERROR, TransportErrorKind::Network, "WinHTTP failed internally"},
    {ERROR_NOT_ENOUGH_MEMORY, TransportErrorKind::Network, "out of memory"},
    {ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR, TransportErrorKind::Network,
     "the proxy could not be determined"},
    {ERROR_WINHTTP_SECURE_FAILURE, TransportErrorKind::Tls, "the server's certificate or TLS was refused"},
    {ERROR_WINHTTP_SECURE_INVALID_CA, TransportErrorKind::Tls,
     "the server's certificate is not from a trusted authority"},
    {ERROR_WINHTTP_SECURE_CERT_CN_INVALID, TransportErrorKind::Tls,
     "the server's certificate is for another name"},
    {ERROR_WINHTTP_SECURE_CERT_DATE_INVALID, TransportErrorKind::Tls,
     "the server's certificate has expired or is not yet valid"},
    {ERROR_WINHTTP_SECURE_INVALID_CERT, TransportErrorKind::Tls, "the server's certificate is invalid"},
    {ERROR_WINHTTP_SECURE_CERT_REVOKED, TransportErrorKind::Tls, "the server's certificate was revoked"},
    {ERROR_WINHTTP_SECURE_CERT_REV_FAILED, TransportErrorKind::Tls,
     "the server's certificate's revocation could not be checked"},
    {ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE, TransportErrorKind::Tls,
     "the server's certificate is not meant for a web server"},
    {ERROR_WINHTTP_SECURE_CHANNEL_ERROR, TransportErrorKind::Tls, "the TLS handshake failed"},
    {ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, TransportErrorKind::Tls,
     "the server asked for a client certificate"},
    {ERROR_WINHTTP_SECURE_FAILURE_PROXY, TransportErrorKind::Tls,
     "the proxy's certificate or TLS was refused"},
    {ERROR_WINHTTP_OPERATION_CANCELLED, TransportErrorKind::Aborted, "cancelled"},
    {ERROR_WINHTTP_INVALID_URL, TransportErrorKind::Refused, "the URL is not usable"},
    {ERROR_WINHTTP_UNRECOGNIZED_SCHEME, TransportErrorKind::Refused, "only https:// URLs are used"},
};

// The certificate problem the secure-failure callback named, most specific first; null when none.
const char* secureFlagText(DWORD flags) {
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA) != 0)
    return "the server's certificate is not from a trusted authority";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID) != 0)
    return "the server's certificate is for another name";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID) != 0)
    return "the server's certificate has expired or is not yet valid";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED) != 0) return "the server's certificate was revoked";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED) != 0)
    return "the server's certificate's revocation could not be checked";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE) != 0)
    return "the server's certificate is not meant for a web server";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT) != 0) return "the server's certificate is invalid";
  if ((flags & WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR) != 0) return "the TLS handshake failed";
  return nullptr;
}

}  // namespace

core::TransportError winHttpError(std::uint32_t code, std::uint32_t secureFlags) {
  TransportError error{TransportErrorKind::Network, "the request failed"};
  for (const Known& known : kKnown) {
    if (known.code == code) {
      error = TransportError{known.kind, known.text};
      break;
    }
  }
  // A certificate problem reported before the request failed is what failed it, whatever code the
  // failure itself carries (a reset connection after the refused handshake, for one).
  if (const char* text = secureFlagText(secureFlags);
      text != nullptr &&
      (error.kind == TransportErrorKind::Tls || error.kind == TransportErrorKind::Network)) {
    error = TransportError{TransportErrorKind::Tls, text};
  }
  error.message = "WinHTTP: " + error.message + " (error " + std::to_string(code) + ")";
  return error;
}

}  // namespace cut::net
