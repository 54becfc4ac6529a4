#include "footer.h"

#include <algorithm>

#include "core/claude/fetch_policy.h"
#include "core/model/cache_merge.h"
#include "core/model/format.h"
#include "widget_state.h"

namespace cut::ui {

namespace {

using core::ErrorKind;

std::optional<core::TimePoint> latest(std::optional<core::TimePoint> a, std::optional<core::TimePoint> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

/// When the newest numbers drawn were taken. The claude.ai ones are this process's last fetch, or,
/// before it has one, those another process cached (`status`, the status line), with their own
/// time; Claude Code's carry theirs.
std::optional<core::TimePoint> newestNumbers(const core::UsageSnapshot& snapshot) {
  if (!snapshot.usage) return snapshot.lastSuccess;
  const auto claudeAi = snapshot.lastSuccess ? snapshot.lastSuccess
                                             : core::newestReading(*snapshot.usage, core::Source::ClaudeAi);
  return latest(claudeAi, core::newestReading(*snapshot.usage, core::Source::ClaudeCode));
}

std::string retryText(const core::UsageSnapshot& snapshot, const core::Settings& settings,
                      core::TimePoint now) {
  if (snapshot.fetching) return "retrying now";
  if (snapshot.paused) return "";
  if (!snapshot.nextAttempt) return "retrying soon";
  if (*snapshot.nextAttempt <= now) return "retrying now";
  return "retrying at " + core::formatLocalTime(*snapshot.nextAttempt, now, settings.clock24h);
}

std::string withRetry(std::string text, const std::string& retry) {
  return retry.empty() ? text : text + " \u2014 " + retry;
}

FooterLine errorLine(const core::FetchError& error, const core::UsageSnapshot& snapshot,
                     const core::Settings& settings, core::TimePoint now) {
  const std::string retry = retryText(snapshot, settings, now);
  FooterLine line;
  line.detail = error.message;
  line.tone = Tone::Warning;
  switch (error.kind) {
    case ErrorKind::NoKey:
      line.text = "No session key \u2014 click to add one";
      line.click = FooterLine::Click::KeyEntry;
      break;
    case ErrorKind::InvalidKey:
      line.text = "The saved key is not valid \u2014 click to enter a new one";
      line.tone = Tone::Error;
      line.click = FooterLine::Click::KeyEntry;
      break;
    case ErrorKind::AuthExpired:
      line.text = "Key expired \u2014 click to enter a new one";
      line.tone = Tone::Error;
      line.click = FooterLine::Click::KeyEntry;
      break;
    case ErrorKind::Cloudflare:
      line.text = withRetry("Cloudflare is challenging this network", retry) + ", your key is fine";
      break;
    case ErrorKind::OrgPermission:
      line.text = "No access to this organization \u2014 click to pick another";
      line.tone = Tone::Error;
      line.click = FooterLine::Click::Settings;
      break;
    case ErrorKind::RateLimited: line.text = withRetry("claude.ai asked us to slow down", retry); break;
    case ErrorKind::Server:
      line.text = withRetry(
          error.httpStatus > 0 ? "claude.ai is having trouble (HTTP " + std::to_string(error.httpStatus) + ")"
                               : std::string("claude.ai is having trouble"),
          retry);
      break;
    case ErrorKind::Network: line.text = withRetry("Offline", retry); break;
    case ErrorKind::Timeout: line.text = withRetry("claude.ai is not answering", retry); break;
    case ErrorKind::Tls:
      line.text = withRetry("Secure connection failed (a proxy or captive portal?)", retry);
      line.tone = Tone::Error;
      break;
    case ErrorKind::BadResponse: line.text = withRetry("Unexpected answer from claude.ai", retry); break;
    case ErrorKind::TooLarge: line.text = withRetry("claude.ai sent far too much data", retry); break;
  }
  if (line.click == FooterLine::Click::None && !snapshot.fetching) line.click = FooterLine::Click::Refresh;
  return line;
}

}  // namespace

bool isStale(const core::UsageSnapshot& snapshot, const core::Settings& settings, core::TimePoint now) {
  if (snapshot.demo) return false;
  const auto fromClaudeCode =
      snapshot.usage ? core::newestReading(*snapshot.usage, core::Source::ClaudeCode) : std::nullopt;
  // With no key, Claude Code's numbers are the whole story: the missing key makes them no older.
  const bool noKeyOnly = snapshot.error && snapshot.error->kind == core::ErrorKind::NoKey && fromClaudeCode;
  if (snapshot.error && !noKeyOnly) return true;
  const auto newest = newestNumbers(snapshot);
  if (!newest) return false;
  const auto interval = core::clampPollInterval(std::chrono::seconds(settings.refreshIntervalSeconds));
  const auto limit = std::max<std::chrono::seconds>(interval * 3, std::chrono::minutes(5));
  return now - *newest > limit;
}

std::vector<FooterLine> footerLines(const core::UsageSnapshot& snapshot, const core::Settings& settings,
                                    bool hasKey, core::TimePoint now) {
  std::vector<FooterLine> lines;
  if (snapshot.demo) {
    lines.push_back({"Sample data \u2014 no network is used", Tone::Accent, FooterLine::Click::None, ""});
    return lines;
  }
  const auto fromClaudeCode =
      snapshot.usage ? core::newestReading(*snapshot.usage, core::Source::ClaudeCode) : std::nullopt;
  const bool noKey = !hasKey || (snapshot.error && snapshot.error->kind == ErrorKind::NoKey);
  if (noKey && fromClaudeCode) {
    lines.push_back({std::string(kFromClaudeCodeLine), Tone::Accent, FooterLine::Click::KeyEntry,
                     "Claude Code reports the session and weekly limits to its status line; a session "
                     "key from claude.ai adds the per-model limits and extra usage."});
  } else if (snapshot.error) {
    lines.push_back(errorLine(*snapshot.error, snapshot, settings, now));
  } else if (!hasKey && !snapshot.usage) {
    lines.push_back(
        {"No session key \u2014 click to add one", Tone::Warning, FooterLine::Click::KeyEntry, ""});
  }
  const auto newest = newestNumbers(snapshot);
  if (newest) {
    FooterLine age{core::formatAge(*newest, now), Tone::Muted, FooterLine::Click::None, ""};
    // Name the live source only when Claude Code is one: with the key alone it goes without saying.
    if (fromClaudeCode) {
      const auto live = core::liveSource(*snapshot.usage);
      const bool claudeCodeLive = live && live->source == core::Source::ClaudeCode;
      age.text = (claudeCodeLive ? "via Claude Code \u00B7 " : "claude.ai \u00B7 ") + age.text;
    }
    const bool errorShown = snapshot.error && !(noKey && fromClaudeCode);
    if (isStale(snapshot, settings, now) && !errorShown) {
      age.tone = Tone::Warning;
      if (snapshot.fetching) {
        age.text += " \u2014 refreshing";
      } else if (hasKey) {
        age.text += " \u2014 click to refresh";
        age.click = FooterLine::Click::Refresh;
      }
    } else if (snapshot.fetching) {
      age.text += " \u00B7 refreshing";
    }
    lines.push_back(std::move(age));
  } else if (lines.empty()) {
    lines.push_back({snapshot.fetching ? "Fetching usage\u2026" : "Waiting for the first update\u2026",
                     Tone::Muted, FooterLine::Click::None, ""});
  }
  return lines;
}

std::optional<FooterLine> noticesLine(const std::vector<std::string>& notices) {
  if (notices.empty()) return std::nullopt;
  FooterLine line;
  line.text = (notices.size() == 1 ? std::string("A problem with a file")
                                   : std::to_string(notices.size()) + " problems with files") +
              " \u2014 hover to read, click to dismiss";
  line.tone = Tone::Warning;
  line.click = FooterLine::Click::DismissNotices;
  for (const std::string& notice : notices) {
    if (!line.detail.empty()) line.detail += "\n\n";
    line.detail += notice;
  }
  return line;
}

std::vector<FooterLine> alertLines(const std::vector<core::Notification>& alerts) {
  std::vector<FooterLine> lines;
  for (auto it = alerts.rbegin(); it != alerts.rend() && lines.size() < kAlertLinesShown; ++it) {
    lines.push_back({"Alert: " + it->summary, Tone::Error, FooterLine::Click::DismissAlerts,
                     it->body + "\n\nNo notification service showed this. Click to dismiss."});
  }
  if (alerts.size() > kAlertLinesShown) {
    const std::size_t more = alerts.size() - kAlertLinesShown;
    lines.push_back({"and " + std::to_string(more) + (more == 1 ? " earlier alert" : " earlier alerts"),
                     Tone::Error, FooterLine::Click::DismissAlerts, ""});
  }
  return lines;
}

namespace detail {

void drawFooter(Frame& frame) {
  auto lines = footerLines(frame.snapshot, frame.view.settings, frame.view.hasKey, frame.view.now);
  if (auto notices = noticesLine(frame.view.notices)) lines.insert(lines.begin(), std::move(*notices));
  auto alerts = alertLines(frame.view.unseenAlerts);
  lines.insert(lines.begin(), alerts.begin(), alerts.end());
  if (frame.state.panelOpen) {
    // The key entry is already open below: "no key" says nothing new there, and an expired key's
    // line stays as information rather than a link.
    const bool noKey = frame.snapshot.error && frame.snapshot.error->kind == core::ErrorKind::NoKey;
    std::erase_if(lines, [&](const FooterLine& line) {
      return line.click == FooterLine::Click::KeyEntry && (noKey || !frame.view.hasKey);
    });
    for (FooterLine& line : lines) {
      if (line.click == FooterLine::Click::KeyEntry) line.click = FooterLine::Click::None;
    }
  }
  if (lines.empty()) return;  // the first-run key entry says it all
  ImGui::Dummy(ImVec2(0.0f, px(frame, 2.0f)));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const FooterLine& line = lines[i];
    const ImU32 color = toneColor(line.tone);
    ImGui::PushID(static_cast<int>(i));
    bool clicked = false;
    if (line.click == FooterLine::Click::None) {
      textWrapped(frame, FontRole::Small, color, line.text);
    } else {
      clicked = linkText(frame, FontRole::Small, color, line.text, "##footer");
    }
    if (!line.detail.empty() && ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(px(frame, 260.0f));
      ImGui::TextUnformatted(line.detail.c_str());
      recordItem(frame, line.detail, false);
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
    ImGui::PopID();
    if (!clicked) continue;
    switch (line.click) {
      case FooterLine::Click::KeyEntry:
        frame.state.panelOpen = true;
        frame.state.focusKeyField = true;
        break;
      case FooterLine::Click::Settings: frame.state.panelOpen = true; break;
      case FooterLine::Click::Refresh: frame.actions.refresh = true; break;
      case FooterLine::Click::DismissNotices: frame.actions.dismissNotices = true; break;
      case FooterLine::Click::DismissAlerts: frame.actions.dismissAlerts = true; break;
      case FooterLine::Click::None: break;
    }
  }
}

}  // namespace detail

}  // namespace cut::ui
