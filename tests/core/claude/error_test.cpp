#include "core/claude/error.h"

#include <doctest/doctest.h>

namespace error_test {

using namespace cut::core;

TEST_CASE("redaction replaces every copy of the key and leaves the rest of the text") {
  const std::string key = "sk-ant-sid01-abc_DEF-123";
  CHECK(redactKey("cookie " + key + " and again " + key + ".", key) == "cookie [key] and again [key].");
  CHECK(redactKey(key + key, key) == "[key][key]");
  CHECK(redactKey("nothing secret here", key) == "nothing secret here");
  CHECK(redactKey("sk-ant-sid01-abc", key) == "sk-ant-sid01-abc");  // a prefix is not the key
}

TEST_CASE("redaction with no key changes nothing") {
  CHECK(redactKey("text [key] text", "") == "text [key] text");
}

TEST_CASE("redaction ends when the key also occurs inside its own mark") {
  // A search that restarted at the mark would find "key" in "[key]" again and never stop.
  CHECK(redactKey("a key b", "key") == "a [key] b");
  CHECK(redactKey("ke", "k") == "[key]e");
}

}  // namespace error_test
