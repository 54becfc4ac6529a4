// Temporary: a demo-only UsageService until the poller and the client land. Replaced by
// usage_service.cpp.
#include "app/usage_service.h"
#include "core/demo.h"

namespace cut::app {

struct UsageService::Network {};

UsageService::UsageService(const Options& options, const core::Settings&, core::SnapshotStore& store,
                           std::function<void()> wake)
    : m_options(options), m_store(store), m_wake(std::move(wake)) {}
UsageService::~UsageService() = default;
void UsageService::start() {
  if (m_options.demo) {
    m_store.publish(core::makeDemoSnapshot(core::Clock::now()));
  } else {
    m_store.publish(core::UsageSnapshot{.paused = true});
  }
}
void UsageService::stop() {}
void UsageService::refreshNow() {}
void UsageService::applySettings(const core::Settings&, const core::Settings&) {}
void UsageService::testAndSaveKey(std::string) {}
void UsageService::removeKey() {}
ui::KeyCheck UsageService::keyCheck() const { return {}; }
bool UsageService::hasKey() const { return false; }
std::string UsageService::keyFileMode() const { return ""; }
void UsageService::setKeyCheck(ui::KeyCheck) {}
void UsageService::refreshKeyState() {}

}  // namespace cut::app
