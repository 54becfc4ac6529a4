#pragma once
// Throwaway certificates for the loopback HTTPS server, made when a test runs (never committed):
// a trusted CA with a server certificate for 127.0.0.1 and localhost, and a second, untrusted CA
// with its own server certificate for the same names (the `tls` failure case).
//
// Files live in a fresh temporary directory that is removed when the TestPki is destroyed.

#include <filesystem>
#include <string>

#include "support/temp_dir.h"

namespace cut::test {

/// One certificate chain on disk: the issuing CA, and a server certificate + key it signed.
struct CertChain {
  std::filesystem::path caFile;    ///< PEM, the CA certificate a client trusts
  std::filesystem::path certFile;  ///< PEM, the server certificate (SAN IP:127.0.0.1, DNS:localhost)
  std::filesystem::path keyFile;   ///< PEM, the server's private key (unencrypted)
  /// A CA directory like /etc/ssl/certs holding only this CA, under its OpenSSL subject-hash name.
  std::filesystem::path caDir;
};

class TestPki {
 public:
  /// Generates both chains (EC P-256, a few milliseconds). Throws std::runtime_error on failure:
  /// tests cannot run without it.
  TestPki();
  ~TestPki();
  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  const std::filesystem::path& directory() const { return m_dir.path(); }
  /// The chain clients are told to trust (pass trusted().caFile as extraCaFile / --ca-file).
  const CertChain& trusted() const { return m_trusted; }
  /// A chain from a CA nobody trusts.
  const CertChain& untrusted() const { return m_untrusted; }

 private:
  TempDir m_dir;
  CertChain m_trusted;
  CertChain m_untrusted;
};

/// One TestPki per process, made on first use and removed at exit.
const TestPki& sharedPki();

}  // namespace cut::test
