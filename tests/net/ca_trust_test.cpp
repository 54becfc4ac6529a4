#include "net/ca_trust.h"

#include <doctest/doctest.h>

#include "support/temp_dir.h"

using namespace cut;
using net::CaTrust;
using test::TempDir;
using test::writeWholeFile;

namespace {

const std::string kPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

}  // namespace

TEST_CASE(
    "without an extra CA a hashed system directory is trusted alone, anything else keeps the defaults") {
  TempDir tmp;
  const auto hashed = tmp.path() / "hashed";
  const auto plain = tmp.path() / "plain";
  std::filesystem::create_directories(hashed);
  std::filesystem::create_directories(plain);
  writeWholeFile(hashed / "1a2b3c4d.0", kPem);
  writeWholeFile(plain / "ca-certificates.crt", kPem);
  writeWholeFile(plain / "1a2b3c4d.pem", kPem);
  CHECK(net::hasHashedCertificates(hashed));
  CHECK_FALSE(net::hasHashedCertificates(plain));

  const CaTrust fromBuiltIn = net::caTrustFor({}, {}, {.directory = hashed});
  CHECK(fromBuiltIn.mode == CaTrust::Mode::System);
  CHECK(fromBuiltIn.systemCaPath == hashed);
  CHECK(fromBuiltIn.error.empty());
  CHECK(net::caTrustFor({}, plain, {.directory = hashed}).systemCaPath.empty());  // the option wins
  CHECK(net::caTrustFor({}, {}, {}).systemCaPath.empty());
}

TEST_CASE("an extra CA sits beside the system directory, or joins the system bundle when there is none") {
  TempDir tmp;
  const auto extra = tmp.path() / "extra.pem";
  const auto systemBundle = tmp.path() / "system.crt";
  writeWholeFile(extra, kPem);
  writeWholeFile(systemBundle, "SYSTEM BUNDLE\n");

  const CaTrust beside = net::caTrustFor(extra, tmp.path(), {.bundleFile = systemBundle});
  CHECK(beside.mode == CaTrust::Mode::ExtraFileBesideSystemPath);
  CHECK(beside.extraCaFile == extra);
  CHECK(beside.systemCaPath == tmp.path());
  CHECK(beside.bundle.empty());

  const CaTrust bundled = net::caTrustFor(extra, tmp.path() / "missing", {.bundleFile = systemBundle});
  CHECK(bundled.mode == CaTrust::Mode::Bundle);
  CHECK(bundled.bundle == "SYSTEM BUNDLE\n\n" + kPem);
}

TEST_CASE("an extra CA file that is missing or not PEM leaves an error naming it") {
  TempDir tmp;
  const auto notPem = tmp.path() / "notes.txt";
  writeWholeFile(notPem, "not a certificate");
  for (const auto& file : {tmp.path() / "missing.pem", notPem}) {
    const CaTrust trust = net::caTrustFor(file, {}, {});
    CHECK(trust.error.find(file.string()) != std::string::npos);
    CHECK(trust.extraCaFile.empty());
  }
}
