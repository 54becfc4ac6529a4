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
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/claude/transport.h"
#include "net/ca_trust.h"

namespace cut::net {

struct CurlOptions {
  /// An extra CA bundle (PEM) to trust in addition to the system's (tests against a local server).
  /// Adds trust; never turns verification off. A file that cannot be read makes every request fail
  /// as Tls with a message naming it.
  std::filesystem::path extraCaFile;
  /// The system's CA directory (hashed names, as c_rehash makes): the system's trust, beside
  /// extraCaFile or alone (then libcurl's bundle file is not loaded: the directory holds the same
  /// certificates and is read lazily). Empty: libcurl's built-in one (/etc/ssl/certs on Debian).
  /// Only tests set it, to stand in for the system store.
  std::filesystem::path systemCaPath;
  std::chrono::seconds connectTimeout{10};
  /// The whole request, from start to the last byte.
  std::chrono::seconds totalTimeout{30};
  /// Abort (Timeout) when fewer than lowSpeedBytes arrive per second for lowSpeedTime.
  long lowSpeedBytes = 64;
  std::chrono::seconds lowSpeedTime{15};
  /// Bodies over this (after decompression) are abandoned as TooLarge; memory stays bounded by it.
  std::size_t maxBodyBytes = 1 << 20;
  std::string userAgent;
};

/// Call once in main() before any thread starts (wraps curl_global_init). Unsets SSLKEYLOGFILE
/// first, so no TLS secret of ours is ever written to a key log.
void globalInit();
void globalCleanup();

class CurlTransport final : public core::Transport {
 public:
  explicit CurlTransport(CurlOptions options);
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

  CurlOptions m_options;
  std::unique_ptr<Handles> m_handles;
  CaTrust m_trust;
  std::mutex m_getMutex;
  std::atomic<bool> m_cancelled{false};
  std::atomic<std::size_t> m_lastBodyBytes{0};
};

}  // namespace cut::net
