#include "app/fetch_stack.h"

namespace cut::app {
namespace {

net::TransportOptions transportOptions(const Options& options) {
  net::TransportOptions transport;
  transport.extraCaFile = options.caFile;
  transport.totalTimeout = std::chrono::seconds(options.timeoutSeconds);
  transport.connectTimeout = std::min(transport.connectTimeout, transport.totalTimeout);
  transport.lowSpeedTime = std::min(transport.lowSpeedTime, transport.totalTimeout);
  transport.userAgent = userAgent();
  return transport;
}

}  // namespace

std::string userAgent() { return std::string("claude-usage-tracker/") + CUT_VERSION; }

FetchStack::FetchStack(const Options& options)
    : transport(net::makeTransport(transportOptions(options))),
      client(*transport, core::ClientConfig{.apiBase = options.apiBase, .userAgent = userAgent()}) {}

}  // namespace cut::app
