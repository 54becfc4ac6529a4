#include "app/frame_capture.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "platform/imgui_layer.h"
#include "platform/window.h"

namespace cut::app {
namespace {

/// How long --frames waits for the first fetch beyond the request timeout before capturing anyway.
constexpr double kFetchGraceSeconds = 2.0;
/// The longest sleep with --frames while the first fetch is out.
constexpr double kFramesModeWaitSeconds = 0.05;

}  // namespace

FrameCapture::FrameCapture(const Options& options)
    : m_screenshot(options.screenshot.string()),
      m_fetchDeadlineSeconds(options.timeoutSeconds + kFetchGraceSeconds),
      m_started(std::chrono::steady_clock::now()) {
  if (options.frames) m_frames = *options.frames;
  if (const char* items = std::getenv("CUT_TEST_ITEMS_FILE")) m_itemsFile = items;
}

bool FrameCapture::framesOwed(std::uint64_t drawn) const {
  return m_frames && static_cast<std::int64_t>(drawn) < *m_frames;
}

bool FrameCapture::captureNext(std::uint64_t drawn, bool ready) const {
  if (!m_frames) return false;
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
  return static_cast<std::int64_t>(drawn) + 1 >= *m_frames && (ready || waited > m_fetchDeadlineSeconds);
}

double FrameCapture::secondsToWait(double paced, std::uint64_t drawn, bool firstFetchSettled) const {
  if (!m_frames) return paced;
  return framesOwed(drawn) && firstFetchSettled ? 0.0 : std::min(paced, kFramesModeWaitSeconds);
}

bool FrameCapture::writeScreenshot(const platform::Window& window) const {
  if (m_screenshot.empty()) return true;
  std::string error;
  if (platform::writeScreenshot(m_screenshot, window.framebufferWidth(), window.framebufferHeight(), error))
    return true;
  std::fprintf(stderr, "claude-usage-tracker: %s\n", error.c_str());
  return false;
}

void FrameCapture::writeDrawnItems(const platform::Window& window,
                                   const std::vector<ui::DrawnItem>& items) const {
  if (m_itemsFile.empty()) return;
  // Written whole to a temporary file and renamed, so a reader never sees half a list. The UI never
  // reports the key field's content.
  const core::Rect rect = window.rect();
  std::string text;
  for (const ui::DrawnItem& item : items) {
    char line[96];
    std::snprintf(line, sizeof(line), "%d %d %d %d %d ", rect.x + static_cast<int>(item.minX),
                  rect.y + static_cast<int>(item.minY), rect.x + static_cast<int>(item.maxX),
                  rect.y + static_cast<int>(item.maxY), item.control ? 1 : 0);
    text += line;
    text += item.text;
    text += '\n';
  }
  const std::string temporary = m_itemsFile + ".tmp";
  if (std::FILE* file = std::fopen(temporary.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    std::rename(temporary.c_str(), m_itemsFile.c_str());
  }
}

}  // namespace cut::app
