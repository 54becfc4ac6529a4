#include "net/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

namespace cut::net {
namespace {

struct Transfer {
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t maxBodyBytes = 0;
  bool tooLarge = false;
  const std::atomic<bool>* cancelled = nullptr;
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->maxBodyBytes) {
    transfer->tooLarge = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR; nothing more is buffered
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
  if (colon != std::string_view::npos && transfer->headers.size() < 200) {
    transfer->headers.emplace_back(lower(trim(line.substr(0, colon))),
                                   std::string(trim(line.substr(colon + 1))));
  }
  return bytes;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* transfer = static_cast<Transfer*>(user);
  return transfer->cancelled->load() ? 1 : 0;  // non-zero aborts the transfer
}

core::TransportErrorKind kindFor(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return core::TransportErrorKind::Timeout;
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
    case CURLE_USE_SSL_FAILED: return core::TransportErrorKind::Tls;
    case CURLE_ABORTED_BY_CALLBACK: return core::TransportErrorKind::Aborted;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT: return core::TransportErrorKind::Refused;
    default: return core::TransportErrorKind::Network;
  }
}

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

void globalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
void globalCleanup() { curl_global_cleanup(); }

CurlTransport::CurlTransport(CurlOptions options) : m_options(std::move(options)) {}

void CurlTransport::cancel() { m_cancelled.store(true); }

core::HttpResult CurlTransport::get(const core::HttpRequest& request) {
  using core::TransportError;
  using core::TransportErrorKind;
  if (m_cancelled.load()) return core::fail(TransportError{TransportErrorKind::Aborted, "cancelled"});
  if (!request.url.starts_with("https://")) {
    return core::fail(TransportError{TransportErrorKind::Refused, "only https:// URLs are used"});
  }

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return core::fail(TransportError{TransportErrorKind::Network, "could not start libcurl"});

  Transfer transfer;
  transfer.maxBodyBytes = m_options.maxBodyBytes;
  transfer.cancelled = &m_cancelled;

  curl_slist* list = nullptr;
  for (const auto& [name, value] : request.headers) {
    const std::string line = name + ": " + value;
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (!next) {
      curl_slist_free_all(list);
      return core::fail(TransportError{TransportErrorKind::Network, "out of memory"});
    }
    list = next;
  }
  const std::unique_ptr<curl_slist, SlistDeleter> headers(list);

  CURL* h = curl.get();
  char errorBuffer[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  // HTTPS only, also for anything a server might redirect to; redirects are never followed.
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  // Certificate checks are always on; an extra CA file adds trust to the system store.
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  if (!m_options.extraCaFile.empty()) {
    curl_easy_setopt(h, CURLOPT_CAINFO, m_options.extraCaFile.c_str());
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  if (!m_options.userAgent.empty()) curl_easy_setopt(h, CURLOPT_USERAGENT, m_options.userAgent.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);           // safe in threads; no SIGALRM for DNS
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(m_options.connectTimeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(m_options.totalTimeout.count()));
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytes);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_options.lowSpeedTime.count()));
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.maxBodyBytes));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
  // No cookie engine, no .netrc, no proxy credentials from the environment in URLs.
  curl_easy_setopt(h, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));

  const CURLcode code = curl_easy_perform(h);
  if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
    return core::fail(TransportError{
        TransportErrorKind::TooLarge,
        "the answer was larger than " + std::to_string(m_options.maxBodyBytes / 1024) + " KiB"});
  }
  if (code != CURLE_OK) {
    std::string message = errorBuffer[0] != '\0' ? std::string(errorBuffer) : curl_easy_strerror(code);
    if (m_cancelled.load()) return core::fail(TransportError{TransportErrorKind::Aborted, "cancelled"});
    return core::fail(TransportError{kindFor(code), std::move(message)});
  }

  core::HttpResponse response;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.status);
  response.headers = std::move(transfer.headers);
  response.body = std::move(transfer.body);
  return response;
}

}  // namespace cut::net
