#include "app/cli.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/env_scope.h"

using cut::app::Command;
using cut::app::parseCommandLine;
using cut::app::ParseOutcome;

namespace {

// Each test starts from a known environment: HOME set, no XDG variables.
struct CleanEnv {
  cut::test::EnvScope env;
  CleanEnv() {
    env.set("HOME", "/home/ada");
    env.set("XDG_CONFIG_HOME", std::nullopt);
    env.set("XDG_STATE_HOME", std::nullopt);
  }
};

ParseOutcome parse(const std::vector<std::string>& args) { return parseCommandLine(args); }

std::string errorOf(const std::vector<std::string>& args) {
  const auto outcome = parse(args);
  CHECK_FALSE(outcome.options.has_value());
  return outcome.error;
}

}  // namespace

TEST_CASE("no arguments is the widget with every default") {
  CleanEnv clean;
  const auto outcome = parse({});
  REQUIRE(outcome.options);
  const auto& o = *outcome.options;
  CHECK(o.command == Command::Widget);
  CHECK(o.keyFile == "/home/ada/.claude-session-key");
  CHECK(o.configDir == "/home/ada/.config/claude-usage-tracker");
  CHECK(o.stateDir == "/home/ada/.local/state/claude-usage-tracker");
  CHECK(o.apiBase == "https://claude.ai");
  CHECK(o.caFile.empty());
  CHECK(o.timeoutSeconds == 30);
  CHECK_FALSE(o.json);
  CHECK_FALSE(o.noVerify);
  CHECK_FALSE(o.demo);
  CHECK_FALSE(o.frames.has_value());
  CHECK(o.screenshot.empty());
  CHECK_FALSE(o.stats);
}

TEST_CASE("the folders follow XDG_CONFIG_HOME and XDG_STATE_HOME when they are absolute") {
  CleanEnv clean;
  clean.env.set("XDG_CONFIG_HOME", "/xdg/config");
  clean.env.set("XDG_STATE_HOME", "/xdg/state");
  const auto outcome = parse({"status"});
  REQUIRE(outcome.options);
  CHECK(outcome.options->configDir == "/xdg/config/claude-usage-tracker");
  CHECK(outcome.options->stateDir == "/xdg/state/claude-usage-tracker");
  CHECK(outcome.options->keyFile == "/home/ada/.claude-session-key");
}

TEST_CASE("relative XDG folders are ignored and a missing or relative HOME means /") {
  CleanEnv clean;
  clean.env.set("XDG_CONFIG_HOME", "relative/config");
  clean.env.set("XDG_STATE_HOME", "");
  clean.env.set("HOME", std::nullopt);
  auto outcome = parse({});
  REQUIRE(outcome.options);
  CHECK(outcome.options->configDir == "/.config/claude-usage-tracker");
  CHECK(outcome.options->stateDir == "/.local/state/claude-usage-tracker");
  CHECK(outcome.options->keyFile == "/.claude-session-key");
  clean.env.set("HOME", "not/absolute");
  outcome = parse({});
  REQUIRE(outcome.options);
  CHECK(outcome.options->keyFile == "/.claude-session-key");
}

TEST_CASE("each command name selects its command") {
  CleanEnv clean;
  const std::pair<const char*, Command> cases[] = {
      {"status", Command::Status},
      {"set-key", Command::SetKey},
      {"statusline", Command::Statusline},
      {"install-statusline", Command::InstallStatusline},
      {"uninstall-statusline", Command::UninstallStatusline},
      {"help", Command::Help},
  };
  for (const auto& [name, command] : cases) {
    CAPTURE(name);
    const auto outcome = parse({name});
    REQUIRE(outcome.options);
    CHECK(outcome.options->command == command);
  }
}

TEST_CASE("--help, -h and --version override the command") {
  CleanEnv clean;
  CHECK(parse({"--help"}).options->command == Command::Help);
  CHECK(parse({"status", "-h"}).options->command == Command::Help);
  CHECK(parse({"--version"}).options->command == Command::Version);
  CHECK(parse({"set-key", "--version"}).options->command == Command::Version);
}

TEST_CASE("an unknown command, an empty one or a command after an option is refused") {
  CleanEnv clean;
  CHECK(errorOf({"stats"}) == "unknown command 'stats' (see --help)");
  CHECK(errorOf({""}) == "unknown command '' (see --help)");
  CHECK(errorOf({"version"}) == "unknown command 'version' (see --help)");
  CHECK(errorOf({"--demo", "status"}) == "unknown option 'status' (see --help)");
}

TEST_CASE("the common options take a value after a space or after =") {
  CleanEnv clean;
  const auto outcome = parse({"status", "--key-file", "/k", "--config-dir=/c", "--state-dir", "/s",
                              "--api-base=https://example.test/", "--ca-file", "/ca.pem", "--timeout=600"});
  REQUIRE(outcome.options);
  const auto& o = *outcome.options;
  CHECK(o.keyFile == "/k");
  CHECK(o.configDir == "/c");
  CHECK(o.stateDir == "/s");
  CHECK(o.apiBase == "https://example.test");  // trailing slashes trimmed
  CHECK(o.caFile == "/ca.pem");
  CHECK(o.timeoutSeconds == 600);
}

TEST_CASE("an option without its value says what it needs") {
  CleanEnv clean;
  CHECK(errorOf({"--key-file"}) == "--key-file needs a path (see --help)");
  CHECK(errorOf({"--key-file="}) == "--key-file needs a path (see --help)");
  CHECK(errorOf({"--config-dir"}) == "--config-dir needs a folder (see --help)");
  CHECK(errorOf({"--state-dir="}) == "--state-dir needs a folder (see --help)");
  CHECK(errorOf({"--api-base"}) == "--api-base needs a URL (see --help)");
  CHECK(errorOf({"--ca-file"}) == "--ca-file needs a path (see --help)");
  CHECK(errorOf({"--timeout"}) == "--timeout needs a number of seconds from 1 to 600 (see --help)");
  CHECK(errorOf({"--screenshot"}) == "--screenshot needs a path (see --help)");
  CHECK(errorOf({"--frames"}) == "--frames needs a number of frames from 1 to 1000000 (see --help)");
}

TEST_CASE("--api-base accepts https only and needs a host") {
  CleanEnv clean;
  CHECK(errorOf({"--api-base", "http://claude.ai"}) ==
        "--api-base must start with https://: the key is never sent unencrypted (see --help)");
  CHECK(errorOf({"--api-base=https://"}) == "--api-base needs a host after https:// (see --help)");
  CHECK(errorOf({"--api-base=https:///"}) == "--api-base needs a host after https:// (see --help)");
}

TEST_CASE("--timeout and --frames take whole numbers within their range") {
  CleanEnv clean;
  for (const char* bad : {"0", "601", "-1", "5s", "", "1e2"}) {
    CAPTURE(bad);
    CHECK(errorOf({std::string("--timeout=") + bad}).starts_with("--timeout needs"));
  }
  CHECK(parse({"--timeout", "1"}).options->timeoutSeconds == 1);
  CHECK(errorOf({"--frames", "0"}).starts_with("--frames needs"));
  CHECK(errorOf({"--frames", "1000001"}).starts_with("--frames needs"));
  CHECK(parse({"--frames", "1000000"}).options->frames == 1'000'000);
}

TEST_CASE("each command's own options belong to that command only") {
  CleanEnv clean;
  CHECK(parse({"status", "--json"}).options->json);
  CHECK(parse({"set-key", "--no-verify"}).options->noVerify);
  const auto widget = parse({"--demo", "--frames", "5", "--screenshot", "/tmp/s.png", "--stats"});
  REQUIRE(widget.options);
  CHECK(widget.options->demo);
  CHECK(widget.options->frames == 5);
  CHECK(widget.options->screenshot == "/tmp/s.png");
  CHECK(widget.options->stats);

  CHECK(errorOf({"--json"}) == "unknown option '--json' (see --help)");
  CHECK(errorOf({"set-key", "--json"}) == "unknown option '--json' (see --help)");
  CHECK(errorOf({"status", "--no-verify"}) == "unknown option '--no-verify' (see --help)");
  CHECK(errorOf({"status", "--demo"}) == "unknown option '--demo' (see --help)");
  CHECK(errorOf({"statusline", "--frames", "3"}) == "unknown option '--frames' (see --help)");
  CHECK(errorOf({"status", "--stats"}) == "unknown option '--stats' (see --help)");
  CHECK(errorOf({"--bogus"}) == "unknown option '--bogus' (see --help)");
}

TEST_CASE("--screenshot without --frames renders three frames") {
  CleanEnv clean;
  CHECK(parse({"--screenshot", "/tmp/s.png"}).options->frames == 3);
  CHECK(parse({"--screenshot", "/tmp/s.png", "--frames", "7"}).options->frames == 7);
}

TEST_CASE("the arguments are kept as given, for handing them over") {
  CleanEnv clean;
  const std::vector<std::string> args = {"status", "--json", "--timeout=5"};
  CHECK(parse(args).options->arguments == args);
}
