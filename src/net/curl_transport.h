#pragma once
// libcurl behind core::Transport: HTTPS only, certificate checks always on, no redirects, bounded
// time and size. The only place in the program that includes curl/curl.h (in the .cpp); which CAs
// are trusted is decided in ca_trust.h.
//
// Thread ownership: get() runs on the caller's thread and blocks; calls are serialized (one request
// at a time per transport). cancel() may be called from any thread while get() runs and wakes it at
// once. Connections are kept between calls, so consecutive requests to one host reuse one TLS
// connection.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>

#include "core/claude/transport.h"
#include "net/ca_trust.h"
#include "net/make_transport.h"

namespace cut::net {

class CurlTransport final : public core::Transport {
 public:
  explicit CurlTransport(TransportOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  /// Refused without sending anything when the URL is not https:// or a header holds a line break.
  core::HttpResult get(const core::HttpRequest& request) override;
  void cancel() override;

  /// Bytes of body the last get() held in memory: never more than maxBodyBytes, also when the
  /// answer was TooLarge.
  std::size_t lastBodyBytes() const { return m_lastBodyBytes.load(); }

 private:
  struct Handles;

  TransportOptions m_options;
  std::unique_ptr<Handles> m_handles;
  CaTrust m_trust;
  std::mutex m_getMutex;
  std::atomic<bool> m_cancelled{false};
  std::atomic<std::size_t> m_lastBodyBytes{0};
};

}  // namespace cut::net
