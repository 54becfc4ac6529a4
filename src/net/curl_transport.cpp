#include "net/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <utility>
#include <vector>

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

bool readWhole(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  char buffer[16 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    out.append(buffer, static_cast<size_t>(in.gcount()));
  return !in.bad();
}

bool hasLineBreak(std::string_view text) { return text.find_first_of("\r\n", 0) != std::string_view::npos; }

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
  if (colon != std::string_view::npos && transfer->headers.size() < 200) {
    transfer->headers.emplace_back(lower(trim(line.substr(0, colon))),
                                   std::string(trim(line.substr(colon + 1))));
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

// Whether `directory` holds at least one certificate under its OpenSSL subject-hash name
// (`1a2b3c4d.0`), as update-ca-certificates and c_rehash leave /etc/ssl/certs.
bool hasHashedCertificates(const std::filesystem::path& directory) {
  std::error_code error;
  if (directory.empty() || !std::filesystem::is_directory(directory, error)) return false;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    const auto dot = name.find('.');
    if (dot != 8 || dot + 1 >= name.size()) continue;
    const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (std::all_of(name.begin(), name.begin() + 8, hex) && std::all_of(name.begin() + 9, name.end(), digit))
      return true;
  }
  return false;
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

CurlTransport::CurlTransport(CurlOptions options)
    : m_options(std::move(options)), m_handles(std::make_unique<Handles>()) {
  if (m_options.extraCaFile.empty()) {
    // libcurl's default loads the whole system bundle file on every start (145 certificates, ~55 ms
    // of CPU with OpenSSL 3) although its CA directory holds the same certificates under hashed
    // names, which OpenSSL reads only for the issuers a handshake needs. Trust the directory alone
    // when it has such names; otherwise keep libcurl's defaults.
    const auto directory =
        m_options.systemCaPath.empty() ? builtIn(m_handles->easy, CURLINFO_CAPATH) : m_options.systemCaPath;
    if (hasHashedCertificates(directory)) m_systemCaPath = directory;
    return;
  }
  std::string extra;
  if (!readWhole(m_options.extraCaFile, extra) ||
      extra.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    m_caError = "the CA file " + m_options.extraCaFile.string() + " could not be read as PEM certificates";
    return;
  }
  // CURLOPT_CAINFO replaces libcurl's built-in bundle file but not its CA directory, which OpenSSL
  // consults as well. So with a CA directory the system's trust stays in place beside the extra
  // file, looked up lazily (loading the 144-certificate bundle instead costs ~30 ms with OpenSSL 3).
  // Without one, the bundle handed to libcurl is the system's followed by the extra file.
  std::error_code ignored;
  m_systemCaPath =
      m_options.systemCaPath.empty() ? builtIn(m_handles->easy, CURLINFO_CAPATH) : m_options.systemCaPath;
  if (!m_systemCaPath.empty() && std::filesystem::is_directory(m_systemCaPath, ignored)) {
    m_extraCa = ExtraCa::FileBesideSystemPath;
    return;
  }
  m_extraCa = ExtraCa::BundleWithSystemFile;
  readWhole(builtIn(m_handles->easy, CURLINFO_CAINFO), m_caBundle);  // none: only the extra CA
  m_caBundle += "\n";
  m_caBundle += extra;
}

CurlTransport::~CurlTransport() = default;

void CurlTransport::cancel() {
  m_cancelled.store(true);
  curl_multi_wakeup(m_handles->multi);
}

core::HttpResult CurlTransport::get(const core::HttpRequest& request) {
  const std::lock_guard serialize(m_getMutex);
  m_lastBodyBytes.store(0);
  if (m_cancelled.load()) return core::fail(TransportError{TransportErrorKind::Aborted, "cancelled"});
  if (!request.url.starts_with("https://")) {
    return core::fail(TransportError{TransportErrorKind::Refused, "only https:// URLs are used"});
  }
  for (const auto& [name, value] : request.headers) {
    if (hasLineBreak(name) || hasLineBreak(value) || name.empty()) {
      return core::fail(TransportError{TransportErrorKind::Refused, "a request header is malformed"});
    }
  }
  CURLM* multi = m_handles->multi;
  CURL* h = m_handles->easy;
  if (multi == nullptr || h == nullptr) {
    return core::fail(TransportError{TransportErrorKind::Network, "could not start libcurl"});
  }
  if (!m_caError.empty()) return core::fail(TransportError{TransportErrorKind::Tls, m_caError});

  curl_slist* list = nullptr;
  for (const auto& [name, value] : request.headers) {
    const std::string line = name + ": " + value;
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (next == nullptr) {
      curl_slist_free_all(list);
      return core::fail(TransportError{TransportErrorKind::Network, "out of memory"});
    }
    list = next;
  }
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(list, &curl_slist_free_all);

  Transfer transfer;
  transfer.maxBodyBytes = m_options.maxBodyBytes;
  char errorBuffer[CURL_ERROR_SIZE] = {};

  // The easy handle is reused (its connection stays in the multi's cache); reset clears every option
  // a previous request set.
  curl_easy_reset(h);
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
  curl_blob caBlob{m_caBundle.data(), m_caBundle.size(), CURL_BLOB_NOCOPY};
  if (m_extraCa == ExtraCa::FileBesideSystemPath) {
    curl_easy_setopt(h, CURLOPT_CAINFO, m_options.extraCaFile.c_str());
    curl_easy_setopt(h, CURLOPT_CAPATH, m_systemCaPath.c_str());
  } else if (m_extraCa == ExtraCa::BundleWithSystemFile) {
    curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &caBlob);
  } else if (!m_systemCaPath.empty()) {
    // No bundle file, the system directory only (see the constructor). A libcurl where NULL means
    // "the default again" loads the bundle as before: slower, never less strict.
    curl_easy_setopt(h, CURLOPT_CAINFO, static_cast<const char*>(nullptr));
    curl_easy_setopt(h, CURLOPT_CAPATH, m_systemCaPath.c_str());
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  if (!m_options.userAgent.empty()) curl_easy_setopt(h, CURLOPT_USERAGENT, m_options.userAgent.c_str());
  // gzip only: its decoder needs a 32 KiB window whatever the server says, while brotli and zstd
  // streams can make the decoder allocate megabytes. The body cap counts decoded bytes.
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // safe in threads; no SIGALRM for DNS
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(m_options.connectTimeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(m_options.totalTimeout.count()));
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytes);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(m_options.lowSpeedTime.count()));
  // Refuses a declared Content-Length over the cap before any body arrives.
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.maxBodyBytes));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
  // No cookie engine (never enabled), no .netrc credentials.
  curl_easy_setopt(h, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_IGNORED));

  CURLcode code = CURLE_OK;
  bool finished = false;
  std::string multiError;
  if (const CURLMcode added = curl_multi_add_handle(multi, h); added != CURLM_OK) {
    multiError = curl_multi_strerror(added);
  }
  while (multiError.empty() && !finished && !m_cancelled.load()) {
    int running = 0;
    if (const CURLMcode mc = curl_multi_perform(multi, &running); mc != CURLM_OK) {
      multiError = curl_multi_strerror(mc);
      break;
    }
    int queued = 0;
    while (const CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg == CURLMSG_DONE && message->easy_handle == h) {
        code = message->data.result;
        finished = true;
      }
    }
    if (finished || m_cancelled.load()) break;
    if (running == 0) {
      multiError = "the transfer ended without a result";
      break;
    }
    // Sleeps until a socket is ready, curl's next timeout, or cancel()'s wakeup.
    if (const CURLMcode mc = curl_multi_poll(multi, nullptr, 0, 1000, nullptr); mc != CURLM_OK) {
      multiError = curl_multi_strerror(mc);
    }
  }
  curl_multi_remove_handle(multi, h);  // an unfinished transfer's connection is closed here
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  const std::string curlMessage =
      errorBuffer[0] != '\0' ? std::string(errorBuffer) : curl_easy_strerror(code);
  // The handle must not keep pointers to this call's buffers, header list and CA blob.
  curl_easy_reset(h);
  m_lastBodyBytes.store(transfer.body.size());

  if (m_cancelled.load()) return core::fail(TransportError{TransportErrorKind::Aborted, "cancelled"});
  if (!multiError.empty())
    return core::fail(TransportError{TransportErrorKind::Network, "libcurl: " + multiError});
  if (transfer.tooLarge || code == CURLE_FILESIZE_EXCEEDED) {
    return core::fail(TransportError{
        TransportErrorKind::TooLarge,
        "the answer was larger than " + std::to_string(m_options.maxBodyBytes / 1024) + " KiB"});
  }
  if (code != CURLE_OK) return core::fail(TransportError{kindFor(code), curlMessage});

  core::HttpResponse response;
  response.status = status;
  response.headers = std::move(transfer.headers);
  response.body = std::move(transfer.body);
  return response;
}

}  // namespace cut::net
