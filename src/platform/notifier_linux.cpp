// sd-bus rather than libnotify or libdbus-1: libsystemd0 is the one library libdbus-1 itself
// loads (so it is the smaller closure), and libnotify would bring GLib, GIO and gdk-pixbuf into a
// widget whose memory budget is a few MB.
#include "platform/notifier.h"

#include <systemd/sd-bus.h>

#include <cstring>

namespace cut::platform {

struct Notifier::Bus {
  sd_bus* bus = nullptr;
  ~Bus() { sd_bus_flush_close_unref(bus); }
};

namespace {

constexpr const char* kService = "org.freedesktop.Notifications";

bool isMissingService(const sd_bus_error& error) {
  return sd_bus_error_has_name(&error, SD_BUS_ERROR_SERVICE_UNKNOWN) ||
         sd_bus_error_has_name(&error, SD_BUS_ERROR_NAME_HAS_NO_OWNER);
}

}  // namespace

Notifier::Notifier(std::string appName, std::chrono::milliseconds timeout)
    : m_appName(std::move(appName)), m_timeout(timeout) {}

Notifier::~Notifier() = default;

NotifyResult Notifier::notify(const std::string& summary, const std::string& body) {
  if (m_bus && sd_bus_is_open(m_bus->bus) <= 0) m_bus.reset();
  if (!m_bus) {
    auto bus = std::make_unique<Bus>();
    if (const int r = sd_bus_open_user(&bus->bus); r < 0) {
      return {NotifyStatus::NoBus, std::string("no session bus: ") + std::strerror(-r)};
    }
    sd_bus_set_method_call_timeout(bus->bus, static_cast<uint64_t>(m_timeout.count()) * 1000u);
    m_bus = std::move(bus);
  }

  sd_bus_error error = SD_BUS_ERROR_NULL;
  sd_bus_message* reply = nullptr;
  // Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv},
  // expire_timeout i): no actions, no hints, the server's default expiry.
  const int r = sd_bus_call_method(m_bus->bus, kService, "/org/freedesktop/Notifications", kService, "Notify",
                                   &error, &reply, "susssasa{sv}i", m_appName.c_str(), 0u, "",
                                   summary.c_str(), body.c_str(), 0, 0, -1);
  NotifyResult result{NotifyStatus::Sent, {}};
  if (r < 0) {
    if (isMissingService(error)) {
      result = {NotifyStatus::NoService, "no notification service on the session bus"};
    } else if (r == -ECONNREFUSED || r == -ENOENT || r == -ENOTCONN || r == -ECONNRESET) {
      result = {NotifyStatus::NoBus, std::string("no session bus: ") + std::strerror(-r)};
      m_bus.reset();
    } else {
      result = {NotifyStatus::Failed, std::string("the notification service did not take it: ") +
                                          (error.message ? error.message : std::strerror(-r))};
    }
  }
  sd_bus_error_free(&error);
  sd_bus_message_unref(reply);
  return result;
}

}  // namespace cut::platform
