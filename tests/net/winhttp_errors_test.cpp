#include "net/winhttp_errors.h"

#include <windows.h>
#include <winhttp.h>

#include <doctest/doctest.h>

namespace winhttp_errors_test {

using namespace cut;
using core::TransportErrorKind;

TEST_CASE("WinHTTP's error codes map to the kinds libcurl's do on Linux") {
  const std::pair<DWORD, TransportErrorKind> cases[] = {
      {ERROR_WINHTTP_TIMEOUT, TransportErrorKind::Timeout},
      {ERROR_WINHTTP_NAME_NOT_RESOLVED, TransportErrorKind::Network},
      {ERROR_WINHTTP_CANNOT_CONNECT, TransportErrorKind::Network},
      {ERROR_WINHTTP_CONNECTION_ERROR, TransportErrorKind::Network},
      {ERROR_WINHTTP_INVALID_SERVER_RESPONSE, TransportErrorKind::Network},
      {ERROR_WINHTTP_SECURE_FAILURE, TransportErrorKind::Tls},
      {ERROR_WINHTTP_SECURE_INVALID_CA, TransportErrorKind::Tls},
      {ERROR_WINHTTP_SECURE_CERT_CN_INVALID, TransportErrorKind::Tls},
      {ERROR_WINHTTP_SECURE_CERT_DATE_INVALID, TransportErrorKind::Tls},
      {ERROR_WINHTTP_SECURE_CHANNEL_ERROR, TransportErrorKind::Tls},
      {ERROR_WINHTTP_SECURE_CERT_REVOKED, TransportErrorKind::Tls},
      {ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, TransportErrorKind::Tls},
      {ERROR_WINHTTP_OPERATION_CANCELLED, TransportErrorKind::Aborted},
      {ERROR_WINHTTP_UNRECOGNIZED_SCHEME, TransportErrorKind::Refused},
      {ERROR_WINHTTP_INVALID_URL, TransportErrorKind::Refused},
      {ERROR_NOT_ENOUGH_MEMORY, TransportErrorKind::Network},
      {ERROR_WINHTTP_INTERNAL_ERROR, TransportErrorKind::Network},
      {99999, TransportErrorKind::Network},
  };
  for (const auto& [code, kind] : cases) {
    CAPTURE(code);
    const auto error = net::winHttpError(code);
    CHECK(error.kind == kind);
    CHECK(error.message.starts_with("WinHTTP: "));
    CHECK(error.message.find("(error " + std::to_string(code) + ")") != std::string::npos);
  }
}

TEST_CASE("a certificate problem reported before the failure names itself and makes it Tls") {
  const auto untrusted =
      net::winHttpError(ERROR_WINHTTP_SECURE_FAILURE, WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA);
  CHECK(untrusted.kind == TransportErrorKind::Tls);
  CHECK(untrusted.message.find("not from a trusted authority") != std::string::npos);
  const auto wrongName =
      net::winHttpError(ERROR_WINHTTP_CONNECTION_ERROR, WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID);
  CHECK(wrongName.kind == TransportErrorKind::Tls);
  CHECK(wrongName.message.find("another name") != std::string::npos);
  // A timeout stays a timeout, whatever the handshake said before.
  CHECK(net::winHttpError(ERROR_WINHTTP_TIMEOUT, WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA).kind ==
        TransportErrorKind::Timeout);
}

}  // namespace winhttp_errors_test
