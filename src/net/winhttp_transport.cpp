#include "net/winhttp_transport.h"

#include <windows.h>
#include <winhttp.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/request_deadlines.h"
#include "net/request_rules.h"
#include "net/winhttp_errors.h"

namespace cut::net {
namespace {

using core::TransportError;
using core::TransportErrorKind;
using Clock = std::chrono::steady_clock;

constexpr DWORD kReadChunkBytes = 64 * 1024;

std::optional<std::wstring> widen(std::string_view text) {
  if (text.empty()) return std::wstring();
  const int length = static_cast<int>(text.size());
  const int size = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), length, nullptr, 0);
  if (size <= 0) return std::nullopt;
  std::wstring out(static_cast<std::size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), length, out.data(), size);
  return out;
}

std::string narrow(std::wstring_view text) {
  if (text.empty()) return {};
  const int length = static_cast<int>(text.size());
  const int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), length, nullptr, 0, nullptr, nullptr);
  if (size <= 0) return {};
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), length, out.data(), size, nullptr, nullptr);
  return out;
}

TransportError lastError() { return winHttpError(GetLastError()); }

// One request's state, shared between get() and WinHTTP's callback threads. Reference-counted:
// get() holds one reference and the request handle another, dropped at HANDLE_CLOSING, so a
// callback (or a read into `buffer`) that lands after get() gave up still finds it alive.
class Call {
 public:
  enum class Event { None, Sent, HeadersAvailable, ReadDone, Failed };
  struct Outcome {
    Event event = Event::None;
    DWORD value = 0;  ///< ReadDone: bytes read; Failed: the error code
    DWORD secureFlags = 0;
  };

  Call() : m_done(CreateEventW(nullptr, FALSE, FALSE, nullptr)), m_buffer(kReadChunkBytes) {}
  ~Call() {
    if (m_done != nullptr) CloseHandle(m_done);
  }
  Call(const Call&) = delete;
  Call& operator=(const Call&) = delete;

  HANDLE done() const { return m_done; }
  char* buffer() { return m_buffer.data(); }
  void addRef() { m_refs.fetch_add(1); }
  void release() {
    if (m_refs.fetch_sub(1) == 1) delete this;
  }
  // Callback threads.
  void complete(Event event, DWORD value) {
    {
      const std::lock_guard lock(m_mutex);
      m_event = event;
      m_value = value;
    }
    SetEvent(m_done);
  }
  void secureFailure(DWORD flags) {
    const std::lock_guard lock(m_mutex);
    m_secureFlags |= flags;
  }
  // get()'s thread, after done() was signalled.
  Outcome take() {
    const std::lock_guard lock(m_mutex);
    return Outcome{std::exchange(m_event, Event::None), m_value, m_secureFlags};
  }

 private:
  std::atomic<int> m_refs{1};
  HANDLE m_done;
  std::mutex m_mutex;
  Event m_event = Event::None;
  DWORD m_value = 0;
  DWORD m_secureFlags = 0;
  std::vector<char> m_buffer;
};

void CALLBACK onStatus(HINTERNET, DWORD_PTR context, DWORD status, LPVOID info, DWORD infoLength) {
  auto* call = reinterpret_cast<Call*>(context);
  if (call == nullptr) return;
  switch (status) {
    case WINHTTP_CALLBACK_STATUS_SECURE_FAILURE:
      if (info != nullptr && infoLength >= sizeof(DWORD))
        call->secureFailure(*static_cast<const DWORD*>(info));
      return;
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE: call->complete(Call::Event::Sent, 0); return;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: call->complete(Call::Event::HeadersAvailable, 0); return;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE: call->complete(Call::Event::ReadDone, infoLength); return;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: {
      const auto* result = static_cast<const WINHTTP_ASYNC_RESULT*>(info);
      call->complete(Call::Event::Failed, result != nullptr ? result->dwError : ERROR_WINHTTP_INTERNAL_ERROR);
      return;
    }
    case WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING: call->release(); return;
    default: return;
  }
}

struct CloseInternet {
  void operator()(void* handle) const { WinHttpCloseHandle(handle); }
};
using InternetHandle = std::unique_ptr<void, CloseInternet>;

// Waits for the step WinHTTP is running on `call` to complete. Returns its outcome, or the error
// that ended the wait first: cancel() (Aborted) or a deadline (Timeout). The caller then closes the
// request handle, which ends the step.
core::Result<Call::Outcome, TransportError> awaitStep(Call& call, Deadlines& deadlines, HANDLE cancelEvent) {
  for (;;) {
    const auto now = Clock::now();
    if (auto error = deadlines.expired(now)) return core::fail(std::move(*error));
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadlines.next() - now).count();
    const HANDLE handles[] = {cancelEvent, call.done()};
    const DWORD woken =
        WaitForMultipleObjects(2, handles, FALSE, static_cast<DWORD>(std::max<long long>(wait, 1)));
    if (woken == WAIT_OBJECT_0) return core::fail(cancelled());
    if (woken == WAIT_OBJECT_0 + 1) {
      Call::Outcome outcome = call.take();
      if (outcome.event == Call::Event::Failed)
        return core::fail(winHttpError(outcome.value, outcome.secureFlags));
      return outcome;
    }
    if (woken == WAIT_FAILED) return core::fail(winHttpError(GetLastError()));
  }
}

struct Target {
  std::wstring host;
  INTERNET_PORT port = 0;
  std::wstring pathAndQuery;
};

// Where an https:// URL points; Refused when WinHTTP reads it otherwise or it carries credentials.
core::Result<Target, TransportError> targetOf(const std::string& url) {
  const TransportError unusable{TransportErrorKind::Refused, "the URL is not usable"};
  const auto wide = widen(url);
  if (!wide) return core::fail(unusable);
  URL_COMPONENTS parts{};
  parts.dwStructSize = sizeof(parts);
  parts.dwHostNameLength = parts.dwUrlPathLength = parts.dwExtraInfoLength = static_cast<DWORD>(-1);
  parts.dwUserNameLength = parts.dwPasswordLength = static_cast<DWORD>(-1);
  if (!WinHttpCrackUrl(wide->c_str(), static_cast<DWORD>(wide->size()), 0, &parts))
    return core::fail(unusable);
  if (parts.nScheme != INTERNET_SCHEME_HTTPS)
    return core::fail(TransportError{TransportErrorKind::Refused, "only https:// URLs are used"});
  if (parts.dwUserNameLength > 0 || parts.dwPasswordLength > 0 || parts.dwHostNameLength == 0)
    return core::fail(unusable);
  Target target;
  target.host.assign(parts.lpszHostName, parts.dwHostNameLength);
  target.port = parts.nPort;
  if (parts.lpszUrlPath != nullptr) target.pathAndQuery.assign(parts.lpszUrlPath, parts.dwUrlPathLength);
  if (parts.lpszExtraInfo != nullptr)
    target.pathAndQuery.append(parts.lpszExtraInfo, parts.dwExtraInfoLength);
  // A fragment is the client's own; it is never sent.
  target.pathAndQuery = target.pathAndQuery.substr(0, target.pathAndQuery.find(L'#'));
  if (target.pathAndQuery.empty()) target.pathAndQuery = L"/";
  return target;
}

std::optional<std::wstring> requestHeaders(const core::HttpRequest& request) {
  std::string lines;
  for (const auto& [name, value] : request.headers) lines += name + ": " + value + "\r\n";
  return widen(lines);
}

// The response's headers, names lower-cased, in order; the status line is left out.
std::vector<std::pair<std::string, std::string>> responseHeaders(HINTERNET request) {
  DWORD bytes = 0;
  WinHttpQueryHeaders(request, WINHTTP_QUERY_RAW_HEADERS_CRLF, WINHTTP_HEADER_NAME_BY_INDEX,
                      WINHTTP_NO_OUTPUT_BUFFER, &bytes, WINHTTP_NO_HEADER_INDEX);
  std::wstring raw(bytes / sizeof(wchar_t) + 1, L'\0');
  if (bytes == 0 ||
      !WinHttpQueryHeaders(request, WINHTTP_QUERY_RAW_HEADERS_CRLF, WINHTTP_HEADER_NAME_BY_INDEX, raw.data(),
                           &bytes, WINHTTP_NO_HEADER_INDEX)) {
    return {};
  }
  raw.resize(bytes / sizeof(wchar_t));
  const std::string text = narrow(raw);
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t start = text.find("\r\n");
  while (start != std::string::npos && headers.size() < kMaxResponseHeaders) {
    start += 2;
    const std::size_t end = text.find("\r\n", start);
    const std::string_view line =
        std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (const auto colon = line.find(':'); colon != std::string_view::npos) {
      headers.emplace_back(lowerAscii(trimAscii(line.substr(0, colon))),
                           std::string(trimAscii(line.substr(colon + 1))));
    }
    start = end;
  }
  return headers;
}

long statusOf(HINTERNET request) {
  DWORD status = 0;
  DWORD size = sizeof(status);
  WinHttpQueryHeaders(request, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                      WINHTTP_HEADER_NAME_BY_INDEX, &status, &size, WINHTTP_NO_HEADER_INDEX);
  return static_cast<long>(status);
}

// A declared Content-Length over the cap: refused before any body is read (CURLOPT_MAXFILESIZE).
bool declaresTooMuch(const core::HttpResponse& response, std::size_t maxBodyBytes) {
  const std::string_view length = response.header("content-length");
  unsigned long long bytes = 0;
  const auto [end, error] = std::from_chars(length.data(), length.data() + length.size(), bytes);
  return error == std::errc() && end == length.data() + length.size() && bytes > maxBodyBytes;
}

}  // namespace

struct WinHttpTransport::Session {
  HINTERNET handle = nullptr;
  /// Manual-reset: once cancel() sets it, every wait of this and later requests ends at once.
  HANDLE cancelEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr);
  /// Not empty when the session could not be set up as the contract needs: every get() fails.
  std::optional<TransportError> setupError;

  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() {
    if (handle != nullptr) WinHttpCloseHandle(handle);
    if (cancelEvent != nullptr) CloseHandle(cancelEvent);
  }
};

void globalInit() {}
void globalCleanup() {}

std::unique_ptr<core::Transport> makeTransport(TransportOptions options) {
  return std::make_unique<WinHttpTransport>(std::move(options));
}

WinHttpTransport::WinHttpTransport(TransportOptions options)
    : m_options(std::move(options)), m_session(std::make_unique<Session>()) {
  Session& session = *m_session;
  const auto agent = widen(m_options.userAgent).value_or(std::wstring());
  session.handle = WinHttpOpen(agent.empty() ? nullptr : agent.c_str(), WINHTTP_ACCESS_TYPE_DEFAULT_PROXY,
                               WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, WINHTTP_FLAG_ASYNC);
  if (session.handle == nullptr || session.cancelEvent == nullptr) {
    session.setupError = lastError();
    return;
  }
  DWORD never = WINHTTP_OPTION_REDIRECT_POLICY_NEVER;
  if (!WinHttpSetOption(session.handle, WINHTTP_OPTION_REDIRECT_POLICY, &never, sizeof(never))) {
    session.setupError = lastError();
    return;
  }
  // TLS 1.2 or later, as CURL_SSLVERSION_TLSv1_2 on Linux; a Windows too old to know 1.3 gets 1.2.
  DWORD protocols = WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2 | WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3;
  if (!WinHttpSetOption(session.handle, WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols, sizeof(protocols))) {
    protocols = WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2;
    WinHttpSetOption(session.handle, WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols, sizeof(protocols));
  }
  // gzip only, as on Linux; WinHTTP then sends Accept-Encoding itself. Where WinHTTP cannot decode
  // (before Windows 8.1, and Wine 8) nothing is asked for and bodies arrive as they are.
  DWORD gzip = WINHTTP_DECOMPRESSION_FLAG_GZIP;
  WinHttpSetOption(session.handle, WINHTTP_OPTION_DECOMPRESSION, &gzip, sizeof(gzip));
  const auto ms = [](std::chrono::seconds seconds) { return static_cast<int>(seconds.count() * 1000); };
  // WinHTTP's own limits are backstops; get() ends the request at the total and low-speed deadlines.
  WinHttpSetTimeouts(session.handle, ms(m_options.connectTimeout), ms(m_options.connectTimeout),
                     ms(m_options.totalTimeout), ms(m_options.totalTimeout));
  if (!m_options.extraCaFile.empty()) {
    session.setupError = TransportError{TransportErrorKind::Tls,
                                        "a CA file cannot be used on Windows: trust comes from the system's "
                                        "certificate store (Trusted Root Certification Authorities)"};
  }
}

WinHttpTransport::~WinHttpTransport() = default;

void WinHttpTransport::cancel() {
  m_cancelled.store(true);
  if (m_session->cancelEvent != nullptr) SetEvent(m_session->cancelEvent);
}

core::HttpResult WinHttpTransport::get(const core::HttpRequest& request) {
  const std::lock_guard serialize(m_getMutex);
  m_lastBodyBytes.store(0);
  if (m_cancelled.load()) return core::fail(cancelled());
  if (auto refused = refusal(request)) return core::fail(std::move(*refused));
  auto target = targetOf(request.url);
  if (!target) return core::fail(target.error());
  const auto headers = requestHeaders(request);
  if (!headers)
    return core::fail(TransportError{TransportErrorKind::Refused, "a request header is malformed"});
  if (m_session->setupError) return core::fail(*m_session->setupError);

  Deadlines deadlines(m_options);
  const InternetHandle connection(WinHttpConnect(m_session->handle, target->host.c_str(), target->port, 0));
  if (!connection) return core::fail(lastError());
  // Declared before `handle` so the handle closes first: the call outlives every callback.
  std::unique_ptr<Call, void (*)(Call*)> call(new Call(), [](Call* c) { c->release(); });
  InternetHandle handle(WinHttpOpenRequest(connection.get(), L"GET", target->pathAndQuery.c_str(), nullptr,
                                           WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES,
                                           WINHTTP_FLAG_SECURE));
  if (!handle || call->done() == nullptr) return core::fail(lastError());
  HINTERNET h = handle.get();
  // No cookie jar, no redirects, no answering authentication challenges, and never the user's
  // Windows credentials: the request carries exactly the headers it was given.
  DWORD disabled = WINHTTP_DISABLE_COOKIES | WINHTTP_DISABLE_REDIRECTS | WINHTTP_DISABLE_AUTHENTICATION;
  DWORD logon = WINHTTP_AUTOLOGON_SECURITY_LEVEL_HIGH;
  if (!WinHttpSetOption(h, WINHTTP_OPTION_DISABLE_FEATURE, &disabled, sizeof(disabled)) ||
      !WinHttpSetOption(h, WINHTTP_OPTION_AUTOLOGON_POLICY, &logon, sizeof(logon))) {
    return core::fail(lastError());
  }
  const DWORD notifications = WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS | WINHTTP_CALLBACK_FLAG_SECURE_FAILURE |
                              WINHTTP_CALLBACK_FLAG_HANDLES;
  if (WinHttpSetStatusCallback(h, onStatus, notifications, 0) == WINHTTP_INVALID_STATUS_CALLBACK)
    return core::fail(lastError());
  DWORD_PTR context = reinterpret_cast<DWORD_PTR>(call.get());
  if (!WinHttpSetOption(h, WINHTTP_OPTION_CONTEXT_VALUE, &context, sizeof(context)))
    return core::fail(lastError());
  call->addRef();  // the request handle's reference, dropped at HANDLE_CLOSING

  const HANDLE cancelEvent = m_session->cancelEvent;
  if (!WinHttpSendRequest(h, headers->empty() ? WINHTTP_NO_ADDITIONAL_HEADERS : headers->c_str(),
                          static_cast<DWORD>(headers->size()), WINHTTP_NO_REQUEST_DATA, 0, 0, context)) {
    return core::fail(lastError());
  }
  if (auto sent = awaitStep(*call, deadlines, cancelEvent); !sent) return core::fail(sent.error());
  deadlines.startWindow();
  if (!WinHttpReceiveResponse(h, nullptr)) return core::fail(lastError());
  if (auto answered = awaitStep(*call, deadlines, cancelEvent); !answered)
    return core::fail(answered.error());
  deadlines.startWindow();

  core::HttpResponse response;
  response.status = statusOf(h);
  response.headers = responseHeaders(h);
  if (declaresTooMuch(response, m_options.maxBodyBytes)) return core::fail(tooLarge(m_options.maxBodyBytes));
  // Reads at most one byte past the cap, so `body` never holds more than the cap.
  for (;;) {
    const std::size_t room = m_options.maxBodyBytes - response.body.size();
    const auto ask = static_cast<DWORD>(std::min<std::size_t>(kReadChunkBytes, room + 1));
    if (!WinHttpReadData(h, call->buffer(), ask, nullptr)) return core::fail(lastError());
    auto read = awaitStep(*call, deadlines, cancelEvent);
    if (!read) return core::fail(read.error());
    const DWORD bytes = read->value;
    if (bytes == 0) break;
    if (bytes > room) return core::fail(tooLarge(m_options.maxBodyBytes));
    response.body.append(call->buffer(), bytes);
    m_lastBodyBytes.store(response.body.size());
    deadlines.received(bytes);
  }
  if (m_cancelled.load()) return core::fail(cancelled());
  return response;
}

}  // namespace cut::net
