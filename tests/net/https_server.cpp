#include "net/https_server.h"

#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cut::test {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kPieceBytes = 64 * 1024;

const std::string& piece() {
  static const std::string bytes(kPieceBytes, 'x');
  return bytes;
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] != "*" && want[i] != got[i]) return false;
  }
  return true;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

RecordedRequest describe(const httplib::Request& req) {
  RecordedRequest seen{.method = req.method,
                       .target = req.target,
                       .serverPort = req.local_port,
                       .clientPort = req.remote_port};
  for (const auto& [key, value] : req.headers) {
    // httplib files the socket's addresses among the headers; they are not what the client sent.
    if (key == "LOCAL_ADDR" || key == "LOCAL_PORT" || key == "REMOTE_ADDR" || key == "REMOTE_PORT") continue;
    seen.headers.emplace_back(key, value);
  }
  return seen;
}

}  // namespace

Reply Reply::json(int status, std::string body, HeaderList headers) {
  return Reply{.status = status, .headers = std::move(headers), .body = std::move(body)};
}

Reply Reply::html(int status, std::string body, HeaderList headers) {
  return Reply{.status = status,
               .headers = std::move(headers),
               .contentType = "text/html; charset=UTF-8",
               .body = std::move(body)};
}

Reply Reply::redirect(std::string location, int status) {
  return Reply{.status = status, .headers = {{"Location", std::move(location)}}, .body = "{}"};
}

Reply Reply::hang() { return Reply{.kind = Kind::Hang}; }

Reply Reply::drip() { return Reply{.kind = Kind::Drip, .contentType = "application/octet-stream"}; }

Reply Reply::huge(std::size_t bytes, bool chunked, std::string contentType) {
  return Reply{
      .kind = Kind::Huge, .contentType = std::move(contentType), .hugeBytes = bytes, .chunked = chunked};
}

std::string RecordedRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (equalsIgnoreCase(key, name)) return value;
  }
  return {};
}

HttpsServer::HttpsServer(Identity identity, const TestPki& pki, std::chrono::seconds keepAlive) {
  const CertChain& chain = identity == Identity::Trusted ? pki.trusted() : pki.untrusted();
  m_caFile = chain.caFile;
  m_server = std::make_unique<httplib::SSLServer>(chain.certFile.c_str(), chain.keyFile.c_str());
  if (!m_server->is_valid()) throw std::runtime_error("test HTTPS server: certificate not accepted");

  // Idle keep-alive connections hold a server thread; a short timeout keeps stop() quick.
  m_server->set_keep_alive_timeout(static_cast<time_t>(keepAlive.count()));
  // httplib writes headers and body separately; with Nagle on, delayed ACKs add ~40 ms per answer.
  m_server->set_tcp_nodelay(true);
  m_server->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    record(describe(req));
    return httplib::Server::HandlerResponse::Unhandled;
  });
  m_server->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    Reply reply;
    if (!takeReply(describe(req), req.path, reply)) {
      res.status = 404;
      res.set_content(R"({"type":"error","error":{"type":"not_found_error","message":"Not found"}})",
                      "application/json");
      return;
    }
    res.status = reply.status;
    for (const auto& [key, value] : reply.headers) res.set_header(key, value);
    switch (reply.kind) {
      case Reply::Kind::Normal: res.set_content(reply.body, reply.contentType); break;
      case Reply::Kind::Hang:
        waitForStop(std::chrono::hours(24));
        res.status = 503;
        break;
      case Reply::Kind::Drip:
        res.set_chunked_content_provider(reply.contentType, [this](std::size_t, httplib::DataSink& sink) {
          if (!sink.write("x", 1)) return false;
          return !waitForStop(1s);
        });
        break;
      case Reply::Kind::Huge:
        if (reply.chunked) {
          res.set_chunked_content_provider(
              reply.contentType,
              [this, total = reply.hugeBytes](std::size_t offset, httplib::DataSink& sink) {
                if (offset >= total) {
                  sink.done();
                  return true;
                }
                const std::size_t n = std::min(kPieceBytes, total - offset);
                return sink.write(piece().data(), n) && !waitForStop(0ms);
              });
        } else {
          res.set_content_provider(reply.hugeBytes, reply.contentType,
                                   [this](std::size_t, std::size_t length, httplib::DataSink& sink) {
                                     return sink.write(piece().data(), std::min(kPieceBytes, length)) &&
                                            !waitForStop(0ms);
                                   });
        }
        break;
    }
  });

  m_port = m_server->bind_to_any_port("127.0.0.1");
  if (m_port <= 0) throw std::runtime_error("test HTTPS server: could not bind 127.0.0.1");
  m_thread = std::thread([this] { m_server->listen_after_bind(); });
  // stop() before the accept loop runs would be lost, so wait until it is up.
  for (int i = 0; i < 5000 && !m_server->is_running(); ++i) std::this_thread::sleep_for(1ms);
  if (!m_server->is_running()) {
    stop();
    throw std::runtime_error("test HTTPS server: did not start");
  }
}

HttpsServer::~HttpsServer() { stop(); }

std::string HttpsServer::url(std::string_view pathAndQuery, std::string_view host) const {
  return "https://" + std::string(host) + ":" + std::to_string(m_port) + std::string(pathAndQuery);
}

void HttpsServer::on(std::string pattern, Reply reply) {
  onSequence(std::move(pattern), std::vector<Reply>{std::move(reply)});
}

void HttpsServer::onSequence(std::string pattern, std::vector<Reply> replies) {
  if (replies.empty()) throw std::invalid_argument("onSequence needs at least one reply");
  const std::lock_guard lock(m_mutex);
  for (auto& route : m_routes) {
    if (route.pattern == pattern) {
      route = Route{std::move(pattern), std::move(replies)};
      return;
    }
  }
  m_routes.push_back(Route{std::move(pattern), std::move(replies)});
}

void HttpsServer::setRequestObserver(std::function<void(const RecordedRequest&)> observer) {
  const std::lock_guard lock(m_mutex);
  m_observer = std::move(observer);
}

std::vector<RecordedRequest> HttpsServer::requests() const {
  const std::lock_guard lock(m_mutex);
  return m_requests;
}

std::size_t HttpsServer::requestCount() const {
  const std::lock_guard lock(m_mutex);
  return m_requests.size();
}

void HttpsServer::stop() {
  {
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_stopCv.notify_all();
  if (m_server) m_server->stop();
  if (m_thread.joinable()) m_thread.join();
}

void HttpsServer::record(RecordedRequest request) {
  const std::lock_guard lock(m_mutex);
  if (m_observer) m_observer(request);
  m_requests.push_back(std::move(request));
}

void HttpsServer::setInterceptor(std::function<std::optional<Reply>(const RecordedRequest&)> interceptor) {
  const std::lock_guard lock(m_mutex);
  m_interceptor = std::move(interceptor);
}

bool HttpsServer::takeReply(const RecordedRequest& request, const std::string& path, Reply& reply) {
  const std::lock_guard lock(m_mutex);
  if (m_interceptor) {
    if (auto replacement = m_interceptor(request)) {
      reply = std::move(*replacement);
      return true;
    }
  }
  for (auto& route : m_routes) {
    if (!matches(route.pattern, path)) continue;
    reply = route.replies[std::min(route.next, route.replies.size() - 1)];
    ++route.next;
    return true;
  }
  return false;
}

bool HttpsServer::waitForStop(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  return m_stopCv.wait_for(lock, timeout, [this] { return m_stopping; });
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace cut::test
