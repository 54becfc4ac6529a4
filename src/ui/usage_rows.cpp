// One row per limit: label and percent, the gauge with its even-pace marker, the countdown; the
// details (local reset time, source, organization) on hover. Then extra usage as money.

#include <algorithm>
#include <cstdio>

#include "core/model/format.h"
#include "gauges.h"
#include "widget_state.h"

namespace cut::ui::detail {

namespace {

bool hidden(const core::Settings& settings, const std::string& id) {
  return std::find(settings.hiddenRows.begin(), settings.hiddenRows.end(), id) != settings.hiddenRows.end();
}

std::string rowLabel(const core::Limit& limit) { return limit.label.empty() ? limit.id : limit.label; }

void tooltipLine(Frame& frame, const std::string& line) {
  ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
  recordItem(frame, line, false);
}

void limitTooltip(Frame& frame, const core::Limit& limit) {
  const core::Settings& settings = frame.view.settings;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(px(frame, 260.0f));
  ImGui::PushFont(font(FontRole::Strong));
  tooltipLine(frame, rowLabel(limit));
  ImGui::PopFont();
  if (limit.resetsAt) {
    tooltipLine(frame, "Resets " + core::formatLocalTime(*limit.resetsAt, frame.view.now, settings.clock24h));
  } else {
    tooltipLine(frame, "No active window: it starts with the next message");
  }
  if (const auto pace = core::elapsedFraction(limit, frame.view.now)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "Even pace: %.0f%% of the window has passed (the marker)", *pace * 100.0);
    tooltipLine(frame, buf);
  }
  std::string source = limit.source == core::Source::ClaudeCode ? "Source: Claude Code" : "Source: claude.ai";
  if (limit.observedAt != core::TimePoint{}) {
    source += ", " + core::formatLocalTime(limit.observedAt, frame.view.now, settings.clock24h);
  }
  tooltipLine(frame, source);
  if (frame.snapshot.organization && !frame.snapshot.organization->name.empty()) {
    tooltipLine(frame, "Organization: " + frame.snapshot.organization->name);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

BarColors barColors(Band band, bool dimmed) {
  return {bandColor(band, dimmed), trackColor(dimmed), paceMarkerColor(dimmed)};
}

void limitRow(Frame& frame, const core::Limit& limit) {
  const bool dim = frame.stale;
  const double percent = core::effectivePercent(limit, frame.view.now);
  const Band band = bandFor(percent, frame.view.settings);
  const float width = ImGui::GetContentRegionAvail().x;

  ImGui::BeginGroup();
  text(frame, FontRole::Body, toneColor(Tone::Text, dim), rowLabel(limit));
  ImGui::SameLine();
  textRight(frame, FontRole::Strong, bandColor(band, dim), core::formatPercent(percent));
  gaugeBar(width, px(frame, 6.0f), percent / 100.0, core::elapsedFraction(limit, frame.view.now),
           barColors(band, dim));
  text(frame, FontRole::Small, toneColor(Tone::Muted, dim), core::formatResetsIn(limit, frame.view.now));
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) limitTooltip(frame, limit);
}

void extraRow(Frame& frame, const core::ExtraUsage& extra) {
  const bool dim = frame.stale;
  const float width = ImGui::GetContentRegionAvail().x;
  std::string amount = core::formatMoney(extra.used, extra.currency);
  const bool bounded = extra.limit && *extra.limit > 0.0;
  const double percent = bounded ? extra.used / *extra.limit * 100.0 : 0.0;
  if (extra.limit) amount += " / " + core::formatMoney(*extra.limit, extra.currency);
  const Band band = bandFor(percent, frame.view.settings);

  ImGui::BeginGroup();
  text(frame, FontRole::Body, toneColor(Tone::Text, dim), "Extra usage");
  ImGui::SameLine();
  textRight(frame, FontRole::Strong, bounded ? bandColor(band, dim) : toneColor(Tone::Text, dim), amount);
  if (bounded) {
    gaugeBar(width, px(frame, 6.0f), percent / 100.0, std::nullopt, barColors(band, dim));
  }
  text(frame, FontRole::Small, toneColor(Tone::Muted, dim),
       bounded ? "paid usage this month" : "no monthly limit");
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    tooltipLine(frame, "Paid usage beyond the plan, billed monthly");
    if (bounded) {
      tooltipLine(frame, core::formatPercent(percent) + " of the monthly limit");
    }
    if (frame.snapshot.organization && !frame.snapshot.organization->name.empty()) {
      tooltipLine(frame, "Organization: " + frame.snapshot.organization->name);
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

void drawUsageRows(Frame& frame) {
  if (!frame.snapshot.usage) return;
  const core::Usage& usage = *frame.snapshot.usage;
  const core::Settings& settings = frame.view.settings;
  bool first = true;
  auto gap = [&] {
    if (!first) ImGui::Dummy(ImVec2(0.0f, px(frame, 4.0f)));
    first = false;
  };
  for (std::size_t i = 0; i < usage.limits.size(); ++i) {
    const core::Limit& limit = usage.limits[i];
    if (hidden(settings, limit.id)) continue;
    gap();
    ImGui::PushID(static_cast<int>(i));
    limitRow(frame, limit);
    ImGui::PopID();
  }
  if (usage.extra && !hidden(settings, "extra_usage")) {
    gap();
    extraRow(frame, *usage.extra);
  }
  if (first) {
    text(frame, FontRole::Small, toneColor(Tone::Muted),
         usage.limits.empty() && !usage.extra ? "No usage limits reported"
                                              : "All rows are hidden (Settings \u2192 Rows)");
  }
}

}  // namespace cut::ui::detail
