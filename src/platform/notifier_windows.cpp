// Windows toast notifications need a registered app identity (a Start-menu shortcut carrying an
// AppUserModelID, or a package) and the WinRT toast API; neither is built yet. Saying NoService
// sends every alert to the widget's footer, the same fallback as a Linux desktop without a
// notification service, rather than reporting a notification nobody saw.
#include "platform/notifier.h"

namespace cut::platform {

struct Notifier::Bus {};

Notifier::Notifier(std::string appName, std::chrono::milliseconds timeout)
    : m_appName(std::move(appName)), m_timeout(timeout) {}

Notifier::~Notifier() = default;

NotifyResult Notifier::notify(const std::string& /*summary*/, const std::string& /*body*/) {
  return {NotifyStatus::NoService, "desktop notifications are not built for Windows yet"};
}

}  // namespace cut::platform
