#pragma once
// The time limits of one request as a transport that waits step by step enforces them itself
// (WinHttpTransport; libcurl has its own). Header-only, OS-neutral.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "core/claude/transport.h"
#include "net/make_transport.h"

namespace cut::net {

// The whole-request deadline and the low-speed window (fewer than lowSpeedBytes a second over
// lowSpeedTime is a Timeout, as CURLOPT_LOW_SPEED_LIMIT on Linux). The window runs once the
// request is sent: before that, the connect timeout applies.
class Deadlines {
 public:
  using Clock = std::chrono::steady_clock;

  /// Starts the whole-request clock at `start`. `options` must outlive this.
  explicit Deadlines(const TransportOptions& options, Clock::time_point start = Clock::now())
      : m_options(options), m_total(start + options.totalTimeout) {}

  /// (Re)starts the low-speed window at `now`: once the request is sent, and when its answer begins.
  void startWindow(Clock::time_point now = Clock::now()) {
    m_windowStart = now;
    m_windowBytes = 0;
  }
  /// Body bytes that arrived.
  void received(std::size_t bytes) { m_windowBytes += bytes; }

  /// When expired() can next change its mind: the caller waits no longer than this.
  Clock::time_point next() const { return m_windowStart ? std::min(m_total, windowEnd()) : m_total; }

  /// The Timeout due at `now`, if any; a window that saw enough bytes starts over at `now`.
  std::optional<core::TransportError> expired(Clock::time_point now) {
    if (now >= m_total) {
      return core::TransportError{
          core::TransportErrorKind::Timeout,
          "no complete answer within " + std::to_string(m_options.totalTimeout.count()) + " s"};
    }
    if (m_windowStart && now >= windowEnd()) {
      const auto wanted = static_cast<std::size_t>(std::max(0L, m_options.lowSpeedBytes)) *
                          static_cast<std::size_t>(m_options.lowSpeedTime.count());
      if (m_windowBytes < wanted) {
        return core::TransportError{core::TransportErrorKind::Timeout,
                                    "fewer than " + std::to_string(m_options.lowSpeedBytes) +
                                        " bytes a second arrived for " +
                                        std::to_string(m_options.lowSpeedTime.count()) + " s"};
      }
      startWindow(now);
    }
    return std::nullopt;
  }

 private:
  Clock::time_point windowEnd() const { return *m_windowStart + m_options.lowSpeedTime; }

  const TransportOptions& m_options;
  Clock::time_point m_total;
  std::optional<Clock::time_point> m_windowStart;
  std::size_t m_windowBytes = 0;
};

}  // namespace cut::net
