#pragma once
// libcurl behind core::Transport: HTTPS only, certificate checks always on, no redirects, bounded
// time and size. The only place in the program that includes curl/curl.h (in the .cpp).

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "core/transport.h"

namespace cut::net {

struct CurlOptions {
  /// An extra CA bundle to trust in addition to the system's (tests against a local server).
  /// Adds trust; never turns verification off.
  std::filesystem::path extraCaFile;
  std::chrono::seconds connectTimeout{10};
  /// The whole request, from start to the last byte.
  std::chrono::seconds totalTimeout{30};
  /// Abort when fewer than lowSpeedBytes arrive per second for lowSpeedTime.
  long lowSpeedBytes = 64;
  std::chrono::seconds lowSpeedTime{15};
  /// Bodies over this are abandoned as TooLarge; memory stays bounded by it.
  std::size_t maxBodyBytes = 1 << 20;
  std::string userAgent;
};

/// Call once in main() before any thread starts (wraps curl_global_init).
void globalInit();
void globalCleanup();

class CurlTransport final : public core::Transport {
 public:
  explicit CurlTransport(CurlOptions options);
  core::HttpResult get(const core::HttpRequest& request) override;
  void cancel() override;

 private:
  CurlOptions m_options;
  std::atomic<bool> m_cancelled{false};
};

}  // namespace cut::net
