#include "net/ca_trust.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

namespace cut::net {
namespace {

bool readWhole(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  char buffer[16 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    out.append(buffer, static_cast<size_t>(in.gcount()));
  return !in.bad();
}

}  // namespace

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

CaTrust caTrustFor(const std::filesystem::path& extraCaFile, const std::filesystem::path& systemCaPath,
                   const BuiltInCa& builtIn) {
  CaTrust trust;
  const auto directory = systemCaPath.empty() ? builtIn.directory : systemCaPath;
  if (extraCaFile.empty()) {
    // libcurl's default loads the whole system bundle file on every start, although its CA
    // directory holds the same certificates under hashed names, which OpenSSL reads only for the
    // issuers a handshake needs. Trust the directory alone when it has such names (the cost is in
    // bench/RESULTS.md); otherwise keep libcurl's defaults.
    if (hasHashedCertificates(directory)) trust.systemCaPath = directory;
    return trust;
  }
  std::string extra;
  if (!readWhole(extraCaFile, extra) || extra.find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    trust.error = "the CA file " + extraCaFile.string() + " could not be read as PEM certificates";
    return trust;
  }
  trust.extraCaFile = extraCaFile;
  // CURLOPT_CAINFO replaces libcurl's built-in bundle file but not its CA directory, which OpenSSL
  // consults as well. So with a CA directory the system's trust stays in place beside the extra
  // file, looked up lazily. Without one, the bundle handed to libcurl is the system's followed by
  // the extra file.
  std::error_code ignored;
  if (!directory.empty() && std::filesystem::is_directory(directory, ignored)) {
    trust.mode = CaTrust::Mode::ExtraFileBesideSystemPath;
    trust.systemCaPath = directory;
    return trust;
  }
  trust.mode = CaTrust::Mode::Bundle;
  readWhole(builtIn.bundleFile, trust.bundle);  // none: only the extra CA
  trust.bundle += "\n";
  trust.bundle += extra;
  return trust;
}

}  // namespace cut::net
