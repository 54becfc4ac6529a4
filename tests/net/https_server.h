#pragma once
// A loopback HTTPS server for tests (cpp-httplib's SSLServer on 127.0.0.1, an ephemeral port, a
// certificate made at test time). Routes are scripted per path; every request that arrives is
// recorded (method, path with query, headers) so tests can check where the session key went.
//
// Thread ownership: the server runs on its own threads from construction until stop() (or the
// destructor). on(), requests() and the rest may be called from any thread. stop() releases hanging
// and dripping replies first, so it never waits on them.
//
// Destroy clients (CurlTransport) before the server: an idle keep-alive connection a client still
// holds keeps one server thread waiting for up to a second at stop().

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "net/test_pki.h"

namespace httplib {
class SSLServer;
}

namespace cut::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// What the server answers to one request.
struct Reply {
  enum class Kind {
    Normal,  ///< status, headers, body as given
    Hang,    ///< never answers; released only by stop()
    Drip,    ///< 200, chunked, one byte a second until the client leaves or stop()
    Huge,    ///< 200 with `hugeBytes` of body streamed in 64 KiB pieces (never held in memory)
  };
  Kind kind = Kind::Normal;
  int status = 200;
  HeaderList headers;
  std::string contentType = "application/json";
  std::string body;
  std::size_t hugeBytes = 0;
  /// Huge only: send without Content-Length (chunked), so only the client's byte count can stop it.
  bool chunked = false;

  static Reply json(int status, std::string body, HeaderList headers = {});
  static Reply html(int status, std::string body, HeaderList headers = {});
  static Reply redirect(std::string location, int status = 302);
  static Reply hang();
  static Reply drip();
  static Reply huge(std::size_t bytes, bool chunked = false,
                    std::string contentType = "application/octet-stream");
};

struct RecordedRequest {
  std::string method;
  /// The request target as sent: path with query string.
  std::string target;
  /// Header names as sent (case preserved), in the order httplib stores them.
  HeaderList headers;
  /// The local port the request arrived on (tells apart two servers in one log).
  int serverPort = 0;
  /// The client's port: two requests with the same one came over one (kept-alive) connection.
  int clientPort = 0;

  /// The first header of that name (case-insensitive), or empty.
  std::string header(std::string_view name) const;
};

class HttpsServer {
 public:
  enum class Identity {
    Trusted,    ///< certificate from sharedPki().trusted(): clients given its caFile accept it
    Untrusted,  ///< certificate from a CA no client trusts
  };

  /// Starts listening on 127.0.0.1 with an ephemeral port; returns once it accepts connections.
  /// Throws std::runtime_error when the server cannot start. `keepAlive` is how long a connection
  /// may wait for its next (or first) request: short keeps stop() quick; a client whose certificate
  /// check is slow (WinHTTP under Wine, about a second) needs longer.
  explicit HttpsServer(Identity identity = Identity::Trusted, const TestPki& pki = sharedPki(),
                       std::chrono::seconds keepAlive = std::chrono::seconds(1));
  ~HttpsServer();
  HttpsServer(const HttpsServer&) = delete;
  HttpsServer& operator=(const HttpsServer&) = delete;

  int port() const { return m_port; }
  /// "https://<host>:<port><pathAndQuery>". `host` may be "127.0.0.1" or "localhost" (both are in
  /// the certificate); a different host name to the same server looks like another host to a client.
  std::string url(std::string_view pathAndQuery = "", std::string_view host = "127.0.0.1") const;
  /// The CA that signed this server's certificate (trusted or untrusted identity).
  const std::filesystem::path& caFile() const { return m_caFile; }

  /// Answers GET/HEAD requests to `pattern`: an exact path, where a `*` segment matches any one
  /// path segment (`/api/organizations/*/usage`). The query string is ignored for matching. A later
  /// call for the same pattern replaces the earlier one. Unmatched paths get a 404 JSON error.
  void on(std::string pattern, Reply reply);
  /// Answers with each reply in turn; the last one repeats.
  void onSequence(std::string pattern, std::vector<Reply> replies);

  /// Called on a server thread for each request as it arrives, before it is answered.
  void setRequestObserver(std::function<void(const RecordedRequest&)> observer);
  /// Consulted before the routes for each GET; a reply it returns is sent instead of the route's
  /// (e.g. 401 when the Cookie is not the expected key). Called on a server thread.
  void setInterceptor(std::function<std::optional<Reply>(const RecordedRequest&)> interceptor);

  /// Every request received so far, in order of arrival.
  std::vector<RecordedRequest> requests() const;
  std::size_t requestCount() const;

  /// Releases hanging and dripping replies, stops listening and joins the server threads.
  /// Idempotent; the destructor calls it.
  void stop();

 private:
  struct Route {
    std::string pattern;
    std::vector<Reply> replies;
    std::size_t next = 0;
  };

  void record(RecordedRequest request);
  bool takeReply(const RecordedRequest& request, const std::string& path, Reply& reply);
  /// Waits until stop() or the timeout; true when stopping.
  bool waitForStop(std::chrono::milliseconds timeout);

  std::unique_ptr<httplib::SSLServer> m_server;
  std::filesystem::path m_caFile;
  int m_port = 0;
  std::thread m_thread;

  mutable std::mutex m_mutex;
  std::condition_variable m_stopCv;
  bool m_stopping = false;
  std::vector<Route> m_routes;
  std::vector<RecordedRequest> m_requests;
  std::function<void(const RecordedRequest&)> m_observer;
  std::function<std::optional<Reply>(const RecordedRequest&)> m_interceptor;
};

/// The bytes of a file (fixtures); throws std::runtime_error when it cannot be read.
std::string readFile(const std::filesystem::path& path);

}  // namespace cut::test
