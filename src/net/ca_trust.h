#pragma once
// Which certificate authorities the transport trusts: the system's store, plus the --ca-file bundle
// when one is given. Decided once per transport, then handed to libcurl for every transfer by
// curl_transport.cpp. This only ever adds trust; certificate checks are never turned off.

#include <filesystem>
#include <string>

namespace cut::net {

struct CaTrust {
  enum class Mode {
    /// The system's trust alone: `systemCaPath` when set (libcurl's bundle file is then not
    /// loaded), else libcurl's defaults.
    System,
    /// `extraCaFile` as the bundle file beside the system's CA directory `systemCaPath`.
    ExtraFileBesideSystemPath,
    /// `bundle` in memory: the system's bundle file followed by `extraCaFile`.
    Bundle,
  };
  Mode mode = Mode::System;
  std::filesystem::path extraCaFile;
  std::filesystem::path systemCaPath;
  std::string bundle;
  /// Not empty when the extra file could not be read as PEM: every request then fails as Tls with
  /// this message (it names the file).
  std::string error;
};

/// libcurl's built-in trust (CURLINFO_CAPATH and CURLINFO_CAINFO); either may be empty.
struct BuiltInCa {
  std::filesystem::path directory;
  std::filesystem::path bundleFile;
};

/// The trust for TransportOptions' `extraCaFile` and `systemCaPath` (empty: `builtIn.directory`). Reads
/// the extra file, and the system's bundle file only when there is no CA directory to pair it with.
CaTrust caTrustFor(const std::filesystem::path& extraCaFile, const std::filesystem::path& systemCaPath,
                   const BuiltInCa& builtIn);

/// Whether `directory` holds at least one certificate under its OpenSSL subject-hash name
/// (`1a2b3c4d.0`), as update-ca-certificates and c_rehash leave /etc/ssl/certs.
bool hasHashedCertificates(const std::filesystem::path& directory);

}  // namespace cut::net
