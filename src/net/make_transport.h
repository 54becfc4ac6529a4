#pragma once
// The one HTTP transport of this platform, built from options that mean the same on every OS:
// CurlTransport on Linux, WinHttpTransport on Windows. The build picks the file that defines these
// (src/net/CMakeLists.txt), so callers never name the implementation.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "core/claude/transport.h"

namespace cut::net {

struct TransportOptions {
  /// An extra CA bundle (PEM) to trust in addition to the system's (tests against a local server).
  /// Adds trust; never turns verification off. A file that cannot be read makes every request fail
  /// as Tls with a message naming it. Linux only: on Windows trust is the system's Root store
  /// (WinHTTP takes no CA file), and a set file makes every request fail as Tls saying so.
  std::filesystem::path extraCaFile;
  /// The system's CA directory (hashed names, as c_rehash makes): the system's trust, beside
  /// extraCaFile or alone (then libcurl's bundle file is not loaded: the directory holds the same
  /// certificates and is read lazily). Empty: libcurl's built-in one (/etc/ssl/certs on Debian).
  /// Only tests set it, to stand in for the system store. Linux only.
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

/// Call once in main() before any thread starts. On Linux it wraps curl_global_init and unsets
/// SSLKEYLOGFILE first, so no TLS secret of ours is ever written to a key log; on Windows it does
/// nothing (WinHTTP needs no global set-up).
void globalInit();
void globalCleanup();

/// This platform's transport with `options`.
std::unique_ptr<core::Transport> makeTransport(TransportOptions options);

}  // namespace cut::net
