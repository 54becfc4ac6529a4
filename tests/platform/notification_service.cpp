// A stand-in for a desktop's notification service, for end-to-end tests under dbus-run-session:
// owns org.freedesktop.Notifications on the session bus and appends each Notify's summary and
// body to a file, one line each ("summary<TAB>body", newlines in the body as "\n"), flushed at
// once. Writes "<record>.ready" once it owns the name; runs until killed.
// Usage: test_notification_service RECORD_FILE
#include <systemd/sd-bus.h>

#include <cstdio>
#include <string>

namespace {

std::FILE* gRecord = nullptr;
unsigned gNextId = 1;

std::string oneLine(const char* text) {
  std::string out;
  for (const char* p = text; *p; ++p) {
    if (*p == '\n')
      out += "\\n";
    else
      out += *p;
  }
  return out;
}

int onNotify(sd_bus_message* message, void*, sd_bus_error*) {
  const char* app = nullptr;
  unsigned replaces = 0;
  const char* icon = nullptr;
  const char* summary = nullptr;
  const char* body = nullptr;
  if (int r = sd_bus_message_read(message, "susss", &app, &replaces, &icon, &summary, &body); r < 0) return r;
  std::fprintf(gRecord, "%s\t%s\n", oneLine(summary).c_str(), oneLine(body).c_str());
  std::fflush(gRecord);
  return sd_bus_reply_method_return(message, "u", gNextId++);
}

int onCapabilities(sd_bus_message* message, void*, sd_bus_error*) {
  return sd_bus_reply_method_return(message, "as", 1, "body");
}

const sd_bus_vtable kVtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD("Notify", "susssasa{sv}i", "u", onNotify, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD("GetCapabilities", "", "as", onCapabilities, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_VTABLE_END,
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s RECORD_FILE\n", argv[0]);
    return 2;
  }
  gRecord = std::fopen(argv[1], "a");
  if (!gRecord) return 1;
  sd_bus* bus = nullptr;
  if (sd_bus_open_user(&bus) < 0) return 1;
  if (sd_bus_add_object_vtable(bus, nullptr, "/org/freedesktop/Notifications",
                               "org.freedesktop.Notifications", kVtable, nullptr) < 0)
    return 1;
  if (sd_bus_request_name(bus, "org.freedesktop.Notifications", 0) < 0) return 1;
  if (std::FILE* ready = std::fopen((std::string(argv[1]) + ".ready").c_str(), "w")) std::fclose(ready);
  for (;;) {
    const int r = sd_bus_process(bus, nullptr);
    if (r < 0) return 1;
    if (r > 0) continue;
    if (sd_bus_wait(bus, UINT64_MAX) < 0) return 1;
  }
}
