#pragma once
// WinHTTP behind core::Transport on Windows, with CurlTransport's contract: HTTPS only, certificate
// checks always on (no SECURITY_FLAG_IGNORE_* is ever set), no redirects, the same connect, total
// and low-speed limits, the body cap counted after decompression. The only place in the program that
// includes winhttp.h (in the .cpp files).
//
// Trust is the system's: the current user's and the machine's Root stores, as for every Windows
// program. TransportOptions::extraCaFile has no WinHTTP equivalent; when set, every request fails
// as Tls saying so rather than quietly trusting less or more than asked.
//
// Proxy: WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, the proxy an administrator set for WinHTTP (`netsh winhttp
// set proxy`), usually none. No WPAD auto-discovery: a network that serves a proxy script cannot route
// the Cookie header through a proxy of its choosing. Cookies, authentication and automatic logon with
// the user's Windows credentials are off.
//
// Thread ownership: get() runs on the caller's thread and blocks; calls are serialized. WinHTTP runs
// in asynchronous mode and get() waits on each step, so cancel() (any thread) and the timeouts end a
// request at once by closing its handle instead of waiting for a socket to time out. The session is
// kept between calls, so consecutive requests to one host may reuse one TLS connection.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>

#include "core/claude/transport.h"
#include "net/make_transport.h"

namespace cut::net {

class WinHttpTransport final : public core::Transport {
 public:
  explicit WinHttpTransport(TransportOptions options);
  ~WinHttpTransport() override;
  WinHttpTransport(const WinHttpTransport&) = delete;
  WinHttpTransport& operator=(const WinHttpTransport&) = delete;

  /// Refused without connecting when the URL is not https:// or a header is malformed.
  core::HttpResult get(const core::HttpRequest& request) override;
  void cancel() override;

  /// Bytes of body the last get() held in memory: never more than maxBodyBytes, also when the
  /// answer was TooLarge.
  std::size_t lastBodyBytes() const { return m_lastBodyBytes.load(); }

 private:
  struct Session;

  TransportOptions m_options;
  std::unique_ptr<Session> m_session;
  std::mutex m_getMutex;
  std::atomic<bool> m_cancelled{false};
  std::atomic<std::size_t> m_lastBodyBytes{0};
};

}  // namespace cut::net
