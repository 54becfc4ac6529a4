#include "core/claude/error.h"

namespace cut::core {

std::string_view errorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::NoKey: return "no_key";
    case ErrorKind::InvalidKey: return "invalid_key";
    case ErrorKind::AuthExpired: return "auth_expired";
    case ErrorKind::Cloudflare: return "cloudflare";
    case ErrorKind::OrgPermission: return "org_permission";
    case ErrorKind::RateLimited: return "rate_limited";
    case ErrorKind::Server: return "server";
    case ErrorKind::Network: return "network";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Tls: return "tls";
    case ErrorKind::BadResponse: return "bad_response";
    case ErrorKind::TooLarge: return "too_large";
  }
  return "network";
}

// Exit codes 0 (success), 1 (local failure: files, arguments) and 2 (usage) are the program's own;
// fetch failures start at 10 so scripts can tell them apart.
int exitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::NoKey: return 10;
    case ErrorKind::InvalidKey: return 11;
    case ErrorKind::AuthExpired: return 12;
    case ErrorKind::Cloudflare: return 13;
    case ErrorKind::OrgPermission: return 14;
    case ErrorKind::RateLimited: return 15;
    case ErrorKind::Server: return 16;
    case ErrorKind::Network: return 17;
    case ErrorKind::Timeout: return 18;
    case ErrorKind::Tls: return 19;
    case ErrorKind::BadResponse: return 20;
    case ErrorKind::TooLarge: return 21;
  }
  return 1;
}

std::string redactKey(std::string text, std::string_view key) {
  if (key.empty()) return text;
  constexpr std::string_view kMark = "[key]";
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + kMark.size())) {
    text.replace(at, key.size(), kMark);
  }
  return text;
}

bool pausesPolling(ErrorKind kind) {
  return kind == ErrorKind::AuthExpired || kind == ErrorKind::InvalidKey || kind == ErrorKind::NoKey;
}

}  // namespace cut::core
