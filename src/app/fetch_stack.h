#pragma once
// The transport and client every fetching command builds the same way from the command line.

#include <memory>
#include <string>

#include "app/cli.h"
#include "core/claude/claude_client.h"
#include "net/make_transport.h"

namespace cut::app {

/// "claude-usage-tracker/<version>": one stable User-Agent for every request.
std::string userAgent();

struct FetchStack {
  explicit FetchStack(const Options& options);
  /// This platform's transport (net/make_transport.h); `client` holds a reference to it.
  std::unique_ptr<core::Transport> transport;
  core::ClaudeClient client;
};

}  // namespace cut::app
