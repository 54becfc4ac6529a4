#include "app/fetch_stack.h"

namespace cut::app {
namespace {

net::CurlOptions curlOptions(const Options& options) {
  net::CurlOptions curl;
  curl.extraCaFile = options.caFile;
  curl.totalTimeout = std::chrono::seconds(options.timeoutSeconds);
  curl.connectTimeout = std::min(curl.connectTimeout, curl.totalTimeout);
  curl.lowSpeedTime = std::min(curl.lowSpeedTime, curl.totalTimeout);
  curl.userAgent = userAgent();
  return curl;
}

}  // namespace

std::string userAgent() { return std::string("claude-usage-tracker/") + CUT_VERSION; }

FetchStack::FetchStack(const Options& options)
    : transport(curlOptions(options)),
      client(transport, core::ClientConfig{.apiBase = options.apiBase, .userAgent = userAgent()}) {}

}  // namespace cut::app
