#pragma once
// The transport and client every fetching command builds the same way from the command line.

#include <memory>
#include <string>

#include "app/cli.h"
#include "core/claude/claude_client.h"
#include "net/curl_transport.h"

namespace cut::app {

/// "claude-usage-tracker/<version>": one stable User-Agent for every request.
std::string userAgent();

struct FetchStack {
  explicit FetchStack(const Options& options);
  net::CurlTransport transport;
  core::ClaudeClient client;
};

}  // namespace cut::app
