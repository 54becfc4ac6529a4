#include "net/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "net/request_rules.h"

namespace cut::net {
namespace {

using core::TransportError;
using core::TransportErrorKind;

struct Transfer {
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t maxBodyBytes = 0;
  bool tooLarge = false;
};

// Called with decompressed body bytes; refusing them (returning fewer) ends the transfer with
// CURLE_WRITE_ERROR, so nothing past the cap is ever buffered.
size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (bytes > transfer->maxBodyBytes - transfer->body.size()) {
    transfer->tooLarge = true;
    return 0;
  }
  transfer->body.append(data, bytes);
  return bytes;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  const std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) {
    transfer->headers.clear();  // a new response (after 100-continue or a proxy CONNECT) starts over
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon != std::string_view::npos && transfer->headers.size() < kMaxResponseHeaders) {
    transfer->headers.emplace_back(lowerAscii(trimAscii(line.substr(0, colon))),
                                   std::string(trimAscii(line.substr(colon + 1))));
  }
  return bytes;
}

TransportErrorKind kindFor(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return TransportErrorKind::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_USE_SSL_FAILED: return TransportErrorKind::Tls;
    case CURLE_ABORTED_BY_CALLBACK: return TransportErrorKind::Aborted;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT: return TransportErrorKind::Refused;
    default: return TransportErrorKind::Network;
  }
}

// libcurl's built-in CA bundle file or directory (CURLINFO_CAINFO / CURLINFO_CAPATH report the
// defaults since libcurl 7.84), or empty.
std::filesystem::path builtIn(CURL* easy, CURLINFO what) {
  char* path = nullptr;
  if (easy != nullptr && curl_easy_getinfo(easy, what, &path) == CURLE_OK && path != nullptr) return path;
  return {};
}

using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

// The request's headers as libcurl wants them; a null list when memory ran out.
HeaderList headerList(const core::HttpRequest& request) {
  curl_slist* list = nullptr;
  for (const auto& [name, value] : request.headers) {
    const std::string line = name + ": " + value;
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) {
      curl_slist_free_all(list);
      return {nullptr, &curl_slist_free_all};
    }
    list = next;
  }
  return {list, &curl_slist_free_all};
}

// The CA options for one transfer; `blob` must outlive it.
void applyTrust(CURL* h, const CaTrust& trust, curl_blob& blob) {
  switch (trust.mode) {
    case CaTrust::Mode::ExtraFileBesideSystemPath:
      curl_easy_setopt(h, CURLOPT_CAINFO, trust.extraCaFile.c_str());
      curl_easy_setopt(h, CURLOPT_CAPATH, trust.systemCaPath.c_str());
      return;
    case CaTrust::Mode::Bundle:
      blob = curl_blob{const_cast<char*>(trust.bundle.data()), trust.bundle.size(), CURL_BLOB_NOCOPY};
      curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &blob);
      return;
    case CaTrust::Mode::System:
      if (trust.systemCaPath.empty()) return;  // libcurl's defaults
      // No bundle file, the system directory only. A libcurl where NULL means "the default again"
      // loads the bundle as before: slower, never less strict.
      curl_easy_setopt(h, CURLOPT_CAINFO, static_cast<const char*>(nullptr));
      curl_easy_setopt(h, CURLOPT_CAPATH, trust.systemCaPath.c_str());
      return;
  }
}

// Every option of one transfer. The handle keeps pointers to `headers`, `transfer`, `errorBuffer`
// and `blob` until it is reset.
void setUp(CURL* h, const core::HttpRequest& request, const TransportOptions& options, const CaTrust& trust,
           curl_slist* headers, Transfer& transfer, char* errorBuffer, curl_blob& blob) {
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  // HTTPS only, also for anything a server might redirect to; redirects are never followed.
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  // Certificate checks are always on; an extra CA adds trust to the system store.
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  applyTrust(h, trust, blob);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  if (!options.userAgent.empty()) curl_easy_setopt(h, CURLOPT_USERAGENT, options.userAgent.c_str());
  // gzip only: its decoder needs a 32 KiB window whatever the server says, while brotli and zstd
  // streams can make the decoder allocate megabytes. The body cap counts decoded bytes.
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // safe in threads; no SIGALRM for DNS
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(options.connectTimeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(options.totalTimeout.count()));
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytes);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.lowSpeedTime.count()));
  // Refuses a declared Content-Length over the cap before any body arrives.
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxBodyBytes));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  // No cookie engine (never enabled), no .netrc credentials.
  curl_easy_setopt(h, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));
}

struct Outcome {
  CURLcode code = CURLE_OK;
  std::string multiError;  ///< the multi interface failed; `code` then means nothing
};

// Runs the transfer set up on `h` in `multi` until it ends or `stop` is set (cancel() also
// wakes the poll). The handle leaves the multi again, closing an unfinished transfer's connection.
Outcome perform(CURLM* multi, CURL* h, const std::atomic<bool>& stop) {
  Outcome outcome;
  bool finished = false;
  if (const CURLMcode added = curl_multi_add_handle(multi, h); added != CURLM_OK) {
    outcome.multiError = curl_multi_strerror(added);
  }
  while (outcome.multiError.empty() && !finished && !stop.load()) {
    int running = 0;
    if (const CURLMcode mc = curl_multi_perform(multi, &running); mc != CURLM_OK) {
      outcome.multiError = curl_multi_strerror(mc);
      break;
    }
    int queued = 0;
    while (const CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg == CURLMSG_DONE && message->easy_handle == h) {
        outcome.code = message->data.result;
        finished = true;
      }
    }
    if (finished || stop.load()) break;
    if (running == 0) {
      outcome.multiError = "the transfer ended without a result";
      break;
    }
    // Sleeps until a socket is ready, curl's next timeout, or cancel()'s wakeup.
    if (const CURLMcode mc = curl_multi_poll(multi, nullptr, 0, 1000, nullptr); mc != CURLM_OK) {
      outcome.multiError = curl_multi_strerror(mc);
    }
  }
  curl_multi_remove_handle(multi, h);
  return outcome;
}

// What the caller sees. Messages come from libcurl and this file, never from the request, so they
// hold no header value (the key).
core::HttpResult resultOf(const Outcome& outcome, Transfer& transfer, long status,
                          const std::string& curlMessage, bool wasCancelled, std::size_t maxBodyBytes) {
  if (wasCancelled) return core::fail(cancelled());
  if (!outcome.multiError.empty())
    return core::fail(TransportError{TransportErrorKind::Network, "libcurl: " + outcome.multiError});
  if (transfer.tooLarge || outcome.code == CURLE_FILESIZE_EXCEEDED) {
    return core::fail(tooLarge(maxBodyBytes));
  }
  if (outcome.code != CURLE_OK) return core::fail(TransportError{kindFor(outcome.code), curlMessage});
  core::HttpResponse response;
  response.status = status;
  response.headers = std::move(transfer.headers);
  response.body = std::move(transfer.body);
  return response;
}

}  // namespace

// One multi handle per transport: curl_multi_poll() sleeps in it and curl_multi_wakeup() (safe from
// any thread) ends the sleep, so cancel() takes effect at once instead of at the next progress tick.
// The multi handle also keeps the connection cache between requests.
struct CurlTransport::Handles {
  CURLM* multi = curl_multi_init();
  CURL* easy = curl_easy_init();

  Handles() = default;
  Handles(const Handles&) = delete;
  Handles& operator=(const Handles&) = delete;
  ~Handles() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    if (multi != nullptr) curl_multi_cleanup(multi);
  }
};

void globalInit() {
  // libcurl's TLS backends open SSLKEYLOGFILE at init and write every session's secrets there (a
  // 0644 file): with a packet capture, anyone who can read it reads the Cookie header, key and all.
  ::unsetenv("SSLKEYLOGFILE");
  curl_global_init(CURL_GLOBAL_DEFAULT);
}
void globalCleanup() { curl_global_cleanup(); }

CurlTransport::CurlTransport(TransportOptions options)
    : m_options(std::move(options)), m_handles(std::make_unique<Handles>()) {
  const BuiltInCa builtInCa{builtIn(m_handles->easy, CURLINFO_CAPATH),
                            builtIn(m_handles->easy, CURLINFO_CAINFO)};
  m_trust = caTrustFor(m_options.extraCaFile, m_options.systemCaPath, builtInCa);
}

CurlTransport::~CurlTransport() = default;

void CurlTransport::cancel() {
  m_cancelled.store(true);
  curl_multi_wakeup(m_handles->multi);
}

core::HttpResult CurlTransport::get(const core::HttpRequest& request) {
  const std::lock_guard serialize(m_getMutex);
  m_lastBodyBytes.store(0);
  if (m_cancelled.load()) return core::fail(cancelled());
  if (auto refused = refusal(request)) return core::fail(std::move(*refused));
  CURLM* multi = m_handles->multi;
  CURL* h = m_handles->easy;
  if (multi == nullptr || h == nullptr) {
    return core::fail(TransportError{TransportErrorKind::Network, "could not start libcurl"});
  }
  if (!m_trust.error.empty()) return core::fail(TransportError{TransportErrorKind::Tls, m_trust.error});
  const HeaderList headers = headerList(request);
  if (!headers && !request.headers.empty())
    return core::fail(TransportError{TransportErrorKind::Network, "out of memory"});

  Transfer transfer;
  transfer.maxBodyBytes = m_options.maxBodyBytes;
  char errorBuffer[CURL_ERROR_SIZE] = {};
  curl_blob caBlob{};
  // The easy handle is reused (its connection stays in the multi's cache); reset clears every option
  // a previous request set.
  curl_easy_reset(h);
  setUp(h, request, m_options, m_trust, headers.get(), transfer, errorBuffer, caBlob);
  const Outcome outcome = perform(multi, h, m_cancelled);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  const std::string curlMessage =
      errorBuffer[0] != '\0' ? std::string(errorBuffer) : curl_easy_strerror(outcome.code);
  // The handle must not keep pointers to this call's buffers, header list and CA blob.
  curl_easy_reset(h);
  m_lastBodyBytes.store(transfer.body.size());
  return resultOf(outcome, transfer, status, curlMessage, m_cancelled.load(), m_options.maxBodyBytes);
}

std::unique_ptr<core::Transport> makeTransport(TransportOptions options) {
  return std::make_unique<CurlTransport>(std::move(options));
}

}  // namespace cut::net
