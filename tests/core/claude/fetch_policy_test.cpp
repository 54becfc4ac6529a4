#include "core/claude/fetch_policy.h"

#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace fetch_policy_test {

using namespace cut::core;
using namespace std::chrono;

namespace {

using cut::test::fixture;

const TimePoint kNow = Clock::from_time_t(784'111'777);  // Sun, 06 Nov 1994 08:49:37 GMT

FetchError classified(long status, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
  const HttpResponse response{.status = status, .headers = std::move(headers), .body = std::move(body)};
  const auto error = classifyResponse(response, kNow);
  REQUIRE(error.has_value());
  CHECK(error->httpStatus == status);
  return *error;
}

bool mentions(const FetchError& error, std::string_view text) {
  return error.message.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("a 2xx JSON answer is left for the parser") {
  CHECK_FALSE(classifyResponse(HttpResponse{.status = 200, .body = R"({"five_hour": null})"}, kNow));
  CHECK_FALSE(classifyResponse(HttpResponse{.status = 200, .body = "\n [ ]"}, kNow));
  // Truncated JSON is the parser's to report, with the byte where it broke.
  CHECK_FALSE(classifyResponse(HttpResponse{.status = 200, .body = R"({"five_hour": {"utiliz)"}, kNow));
}

TEST_CASE("401 means the key expired, with what to do next") {
  const FetchError error = classified(401, fixture("error_401.json"));
  CHECK(error.kind == ErrorKind::AuthExpired);
  CHECK(error.message ==
        "Key expired or signed out — run `claude-usage-tracker set-key` or enter a new key in the widget.");
}

TEST_CASE("403 with a JSON error body means the key expired") {
  const FetchError error = classified(403, fixture("error_401.json"));
  CHECK(error.kind == ErrorKind::AuthExpired);
  CHECK(mentions(error, "set-key"));
}

TEST_CASE("403 Cloudflare page or cf-mitigated header is a challenge, and the key is said to be fine") {
  const FetchError page = classified(403, fixture("cloudflare_challenge.html"));
  CHECK(page.kind == ErrorKind::Cloudflare);
  CHECK(mentions(page, "your key is most likely fine"));
  CHECK_FALSE(mentions(page, "expired"));
  const FetchError header = classified(403, R"({"type":"error"})", {{"cf-mitigated", "challenge"}});
  CHECK(header.kind == ErrorKind::Cloudflare);
  const FetchError otherPage = classified(403, "<html>Access denied</html>");
  CHECK(otherPage.kind == ErrorKind::Cloudflare);
}

TEST_CASE("403 permission_error for the organization is org_permission") {
  const FetchError error = classified(403, fixture("error_403_org.json"));
  CHECK(error.kind == ErrorKind::OrgPermission);
  CHECK(mentions(error, "organization"));
}

TEST_CASE("429 is rate_limited with Retry-After in seconds, as a date, as 0, or absent") {
  FetchError error = classified(429, "", {{"retry-after", "120"}});
  CHECK(error.kind == ErrorKind::RateLimited);
  CHECK(error.retryAfterSeconds == 120);
  error = classified(429, "{}", {{"retry-after", "Sun, 06 Nov 1994 08:51:07 GMT"}});
  CHECK(error.retryAfterSeconds == 90);
  error = classified(429, "{}", {{"retry-after", "0"}});
  CHECK(error.retryAfterSeconds == 0);
  error = classified(429, "{}");
  CHECK_FALSE(error.retryAfterSeconds.has_value());
  error = classified(429, "{}", {{"retry-after", "soon"}});
  CHECK_FALSE(error.retryAfterSeconds.has_value());
}

TEST_CASE("5xx is server trouble") {
  for (const long status : {500L, 502L, 503L, 504L, 599L}) {
    CAPTURE(status);
    const FetchError error = classified(status, "<html>oops</html>");
    CHECK(error.kind == ErrorKind::Server);
    CHECK(mentions(error, "HTTP " + std::to_string(status)));
  }
  CHECK(classified(503, "", {{"retry-after", "30"}}).retryAfterSeconds == 30);
}

TEST_CASE("3xx is a bad response saying the redirect was not followed") {
  for (const long status : {301L, 302L, 307L, 308L}) {
    const FetchError error = classified(status, "", {{"location", "https://elsewhere.example/"}});
    CHECK(error.kind == ErrorKind::BadResponse);
    CHECK(mentions(error, "redirect"));
    CHECK(mentions(error, "not followed"));
    CHECK_FALSE(mentions(error, "elsewhere"));
  }
}

TEST_CASE("200 with an HTML or other non-JSON body is a bad response") {
  FetchError error = classified(200, "<!DOCTYPE html><html><body>Welcome to the hotel wifi</body></html>");
  CHECK(error.kind == ErrorKind::BadResponse);
  CHECK(mentions(error, "web page"));
  CHECK(classified(200, "").kind == ErrorKind::BadResponse);
  CHECK(classified(204, "").kind == ErrorKind::BadResponse);
}

TEST_CASE("other 4xx answers are bad responses") {
  for (const long status : {400L, 404L, 405L, 410L, 418L}) {
    const FetchError error = classified(status, R"({"type":"error"})");
    CHECK(error.kind == ErrorKind::BadResponse);
    CHECK(mentions(error, "HTTP " + std::to_string(status)));
  }
}

TEST_CASE("transport failures map to timeout, tls, too_large and network") {
  CHECK(classifyTransportError({TransportErrorKind::Timeout, "Operation timed out"}).kind ==
        ErrorKind::Timeout);
  CHECK(classifyTransportError({TransportErrorKind::Tls, "certificate verify failed"}).kind ==
        ErrorKind::Tls);
  CHECK(classifyTransportError({TransportErrorKind::TooLarge, ""}).kind == ErrorKind::TooLarge);
  for (const auto kind :
       {TransportErrorKind::Network, TransportErrorKind::Refused, TransportErrorKind::Aborted}) {
    CHECK(classifyTransportError({kind, "x"}).kind == ErrorKind::Network);
  }
  const FetchError offline =
      classifyTransportError({TransportErrorKind::Network, "Could not resolve host: claude.ai"});
  CHECK(offline.httpStatus == 0);
  CHECK(offline.message.find("Offline") != std::string::npos);
  CHECK(offline.message.find("Could not resolve host: claude.ai") != std::string::npos);
  CHECK(classifyTransportError({TransportErrorKind::Tls, ""}).message.find("clock") != std::string::npos);
}

TEST_CASE("no message promises a retry: status and the key test ask once, and the widget's footer says when") {
  std::vector<FetchError> errors;
  for (const long status : {200L, 301L, 401L, 418L, 429L, 503L}) {
    errors.push_back(classified(status, status == 200 ? "<html>captive portal</html>" : "{}"));
  }
  errors.push_back(classified(403, "<html>Just a moment...</html>"));
  for (const auto kind : {TransportErrorKind::Timeout, TransportErrorKind::Tls, TransportErrorKind::TooLarge,
                          TransportErrorKind::Network, TransportErrorKind::Refused, TransportErrorKind::Aborted}) {
    errors.push_back(classifyTransportError({kind, "detail"}));
  }
  for (const FetchError& error : errors) {
    CAPTURE(error.message);
    std::string lower = error.message;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(lower.find("retrying") == std::string::npos);
    CHECK(lower.find("trying again") == std::string::npos);
  }
}

TEST_CASE("Retry-After reads delta-seconds and all three HTTP date forms") {
  CHECK(parseRetryAfter("120", kNow) == 120);
  CHECK(parseRetryAfter(" 0 ", kNow) == 0);
  CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:49:47 GMT", kNow) == 10);
  CHECK(parseRetryAfter("Sunday, 06-Nov-94 08:50:37 GMT", kNow) == 60);
  CHECK(parseRetryAfter("Sun Nov  6 08:59:37 1994", kNow) == 600);
  CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", kNow) == 0);  // in the past
  CHECK(parseRetryAfter("99999999999999999999", kNow) == 86400);       // held to a day
}

TEST_CASE("Retry-After garbage is ignored") {
  for (const char* value :
       {"", "  ", "-5", "1.5", "soon", "12s", "Sun, 32 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "06 Nov 1994"}) {
    CAPTURE(value);
    CHECK_FALSE(parseRetryAfter(value, kNow).has_value());
  }
}

TEST_CASE("backoff doubles from the poll interval with jitter and stops at 15 minutes") {
  const FetchError server{.kind = ErrorKind::Server};
  std::vector<long> middle, low, high;
  for (int failures = 1; failures <= 7; ++failures) {
    middle.push_back(static_cast<long>(backoffDelay(failures, seconds{60}, server, 0.5).count()));
    low.push_back(static_cast<long>(backoffDelay(failures, seconds{60}, server, 0.0).count()));
    high.push_back(static_cast<long>(backoffDelay(failures, seconds{60}, server, 1.0).count()));
  }
  CHECK(middle == std::vector<long>{60, 120, 240, 480, 900, 900, 900});
  CHECK(low == std::vector<long>{48, 96, 192, 384, 768, 900, 900});
  CHECK(high == std::vector<long>{72, 144, 288, 576, 900, 900, 900});
  CHECK(backoffDelay(1000, seconds{60}, server, 0.5) == kMaxBackoff);
  CHECK(backoffDelay(0, seconds{60}, server, 0.5) == seconds{60});
}

TEST_CASE("backoff never goes under 30 s nor under Retry-After, which may exceed the cap") {
  FetchError limited{.kind = ErrorKind::RateLimited, .retryAfterSeconds = 0};
  CHECK(backoffDelay(1, seconds{30}, limited, 0.0) == seconds{30});  // 24 s jittered, floored
  CHECK(backoffDelay(1, seconds{5}, limited, 0.0) == seconds{30});
  limited.retryAfterSeconds = 100;
  CHECK(backoffDelay(1, seconds{60}, limited, 0.5) == seconds{100});
  CHECK(backoffDelay(3, seconds{60}, limited, 0.5) == seconds{240});
  limited.retryAfterSeconds = 1200;
  CHECK(backoffDelay(9, seconds{60}, limited, 0.5) == seconds{1200});
}

TEST_CASE("poll interval is held to 30 s at least") {
  CHECK(clampPollInterval(seconds{5}) == seconds{30});
  CHECK(clampPollInterval(seconds{-60}) == seconds{30});
  CHECK(clampPollInterval(seconds{60}) == seconds{60});
  CHECK(clampPollInterval(seconds{3600}) == seconds{3600});
}

}  // namespace fetch_policy_test
