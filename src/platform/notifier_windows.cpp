// Windows: an alert is a balloon of a notification-area icon (Shell_NotifyIconW with NIF_INFO),
// which Windows 10 and 11 show as a toast and keep in the notification centre. Toasts proper need a
// registered app identity (a Start-menu shortcut with an AppUserModelID, or a package) and WinRT;
// the balloon needs neither, and no COM.
//
// - The icon's owner is a message-only window of the Notifier's own, made on the thread that calls
//   notify() (the widget's alert worker, which never runs a message loop). Message-only windows get
//   no broadcast, so a thread that does not pump cannot stall a program that broadcasts a
//   SendMessage to every top-level window; the shell takes them as icon owners (checked under Wine
//   8, and what Qt's tray icon uses). No callback message is asked for: clicking the icon does
//   nothing. Messages the shell posts anyway are drained at each call.
// - The icon is the program's own (resource 1, src/app/app_icon.rc.in), else IDI_APPLICATION; its
//   tooltip is the app name; it speaks NOTIFYICON_VERSION_4.
// - It is added with the first alert and removed when the Notifier goes (when the widget quits):
//   removing it at once would withdraw the balloon it carries, and a widget that never alerts
//   puts nothing in the notification area.
// - Explorer restarted: the new taskbar does not know the icon, so the next NIM_MODIFY fails and
//   notify() adds the icon again, rather than listen for TaskbarCreated (a broadcast, which a
//   message-only window does not get). Until the next alert the icon is simply absent.
// - No taskbar (Explorer not running, another shell, a desktop with none): NoService, so the
//   widget shows the alert in its footer as on a Linux desktop without a notification service.
// - Summary → szInfoTitle (63 UTF-16 units), body → szInfo (255), tooltip → szTip (127), each cut
//   on a character boundary with an ellipsis (windows::fitUtf16).
// - A call waits on the shell's own answer (Shell_NotifyIconW sends to Explorer), not on `timeout`.
#include <windows.h>
// After windows.h, which it needs.
#include <shellapi.h>

#include <cwchar>

#include "platform/notifier.h"
#include "platform/windows_text.h"

namespace cut::platform {
namespace {

constexpr const wchar_t* kWindowClass = L"ClaudeUsageTrackerNotifier";
constexpr UINT kIconId = 1;
constexpr WORD kProgramIconResource = 1;  // the icon group of src/app/app_icon.rc.in

/// The program's icon at `size` pixels, or null when the executable carries none (the tests).
HICON programIcon(int size) {
  return static_cast<HICON>(LoadImageW(GetModuleHandleW(nullptr), MAKEINTRESOURCEW(kProgramIconResource),
                                       IMAGE_ICON, size, size, LR_DEFAULTCOLOR));
}

bool registerWindowClass() {
  WNDCLASSEXW windowClass{};
  windowClass.cbSize = sizeof windowClass;
  windowClass.lpfnWndProc = DefWindowProcW;
  windowClass.hInstance = GetModuleHandleW(nullptr);
  windowClass.lpszClassName = kWindowClass;
  return RegisterClassExW(&windowClass) != 0 || GetLastError() == ERROR_CLASS_ALREADY_EXISTS;
}

/// Copies `text`, fitted, into a fixed field of N units (N - 1 and the terminator).
template <std::size_t N>
void setField(wchar_t (&field)[N], const std::string& text) {
  const std::wstring fitted = windows::fitUtf16(windows::widen(text), N - 1);
  std::wmemcpy(field, fitted.c_str(), fitted.size() + 1);
}

/// Runs what the shell sent or posted to this thread's windows since the last call.
void drainMessages() {
  MSG message;
  while (PeekMessageW(&message, nullptr, 0, 0, PM_REMOVE)) DispatchMessageW(&message);
}

}  // namespace

struct Notifier::Bus {
  HWND window = nullptr;
  HICON icon = nullptr;         ///< in the notification area
  HICON balloonIcon = nullptr;  ///< in the balloon; null: the shell's information icon
  bool ownsIcons = false;       ///< loaded from our resources, so destroyed with us
  bool added = false;           ///< the shell has the icon (as far as we know)

  ~Bus() {
    if (added) {
      NOTIFYICONDATAW data{};
      data.cbSize = sizeof data;
      data.hWnd = window;
      data.uID = kIconId;
      Shell_NotifyIconW(NIM_DELETE, &data);
    }
    if (window) DestroyWindow(window);
    drainMessages();
    if (ownsIcons) {
      DestroyIcon(icon);
      if (balloonIcon) DestroyIcon(balloonIcon);
    }
  }
};

Notifier::Notifier(std::string appName, std::chrono::milliseconds timeout)
    : m_appName(std::move(appName)), m_timeout(timeout) {}

Notifier::~Notifier() = default;

NotifyResult Notifier::notify(const std::string& summary, const std::string& body) {
  if (!m_bus) {
    if (!registerWindowClass())
      return {NotifyStatus::Failed, "cannot register a window class for the notification icon"};
    auto bus = std::make_unique<Bus>();
    bus->window = CreateWindowExW(0, kWindowClass, L"", 0, 0, 0, 0, 0, HWND_MESSAGE, nullptr,
                                  GetModuleHandleW(nullptr), nullptr);
    if (!bus->window) return {NotifyStatus::NoService, "no desktop to show notifications on"};
    bus->icon = programIcon(GetSystemMetrics(SM_CXSMICON));
    if (bus->icon) {
      bus->ownsIcons = true;
      bus->balloonIcon = programIcon(GetSystemMetrics(SM_CXICON));
    } else {
      bus->icon = LoadIconW(nullptr, IDI_APPLICATION);  // shared: never destroyed
    }
    m_bus = std::move(bus);
  }
  drainMessages();

  NOTIFYICONDATAW data{};
  data.cbSize = sizeof data;
  data.hWnd = m_bus->window;
  data.uID = kIconId;
  // Twice at most: a restarted Explorer refuses the modification of an icon it never had.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!m_bus->added) {
      data.uFlags = NIF_ICON | NIF_TIP | NIF_SHOWTIP;
      data.hIcon = m_bus->icon;
      setField(data.szTip, m_appName);
      if (!Shell_NotifyIconW(NIM_ADD, &data)) {
        const DWORD error = GetLastError();
        if (!FindWindowW(L"Shell_TrayWnd", nullptr))
          return {NotifyStatus::NoService, "no notification area (the Windows taskbar is not running)"};
        return {NotifyStatus::Failed, error == ERROR_TIMEOUT
                                          ? "the taskbar did not answer in time"
                                          : "the taskbar did not take the notification icon"};
      }
      m_bus->added = true;
      data.uVersion = NOTIFYICON_VERSION_4;
      Shell_NotifyIconW(NIM_SETVERSION, &data);
    }
    data.uFlags = NIF_INFO;
    setField(data.szInfoTitle, summary);
    setField(data.szInfo, body);
    data.dwInfoFlags = m_bus->balloonIcon ? NIIF_USER | NIIF_LARGE_ICON : NIIF_INFO;
    data.hBalloonIcon = m_bus->balloonIcon;
    if (Shell_NotifyIconW(NIM_MODIFY, &data)) return {NotifyStatus::Sent, {}};
    m_bus->added = false;
  }
  if (!FindWindowW(L"Shell_TrayWnd", nullptr))
    return {NotifyStatus::NoService, "no notification area (the Windows taskbar is not running)"};
  return {NotifyStatus::Failed, "the taskbar did not show the notification"};
}

}  // namespace cut::platform
