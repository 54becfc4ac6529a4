#include "net/test_pki.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace cut::test {
namespace {

struct KeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct CertDeleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
struct ExtDeleter {
  void operator()(X509_EXTENSION* ext) const { X509_EXTENSION_free(ext); }
};
struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using CertPtr = std::unique_ptr<X509, CertDeleter>;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test certificate: ") + what + " failed");
}

KeyPtr makeKey() {
  KeyPtr key(EVP_EC_gen("P-256"));
  check(key != nullptr, "EC key generation");
  return key;
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, ExtDeleter> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  check(ext != nullptr, value);
  check(X509_add_ext(cert, ext.get(), -1) == 1, "adding an extension");
}

/// A certificate for `subjectKey` named `commonName`, signed by `issuerKey` (self-signed when
/// `issuer` is null). `ca` makes it a CA; otherwise it is a TLS server certificate for loopback.
CertPtr makeCert(EVP_PKEY* subjectKey, const char* commonName, X509* issuer, EVP_PKEY* issuerKey, bool ca,
                 long serial) {
  CertPtr cert(X509_new());
  check(cert != nullptr, "X509_new");
  X509* c = cert.get();
  check(X509_set_version(c, 2) == 1, "X509_set_version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(c), serial) == 1, "serial");
  // Valid from an hour ago (clock skew) for ten days: long enough for any test run.
  check(X509_gmtime_adj(X509_getm_notBefore(c), -3600) != nullptr, "notBefore");
  check(X509_gmtime_adj(X509_getm_notAfter(c), 10L * 24 * 3600) != nullptr, "notAfter");
  check(X509_set_pubkey(c, subjectKey) == 1, "X509_set_pubkey");
  X509_NAME* name = X509_get_subject_name(c);
  const auto* cn = reinterpret_cast<const unsigned char*>(commonName);
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1, "subject");
  X509* signer = issuer != nullptr ? issuer : c;
  check(X509_set_issuer_name(c, X509_get_subject_name(signer)) == 1, "issuer");
  addExtension(c, signer, NID_subject_key_identifier, "hash");
  if (ca) {
    addExtension(c, signer, NID_basic_constraints, "critical,CA:TRUE");
    addExtension(c, signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    addExtension(c, signer, NID_authority_key_identifier, "keyid:always");
    addExtension(c, signer, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(c, signer, NID_key_usage, "critical,digitalSignature");
    addExtension(c, signer, NID_ext_key_usage, "serverAuth");
    addExtension(c, signer, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
  }
  check(X509_sign(c, issuerKey, EVP_sha256()) > 0, "X509_sign");
  return cert;
}

void writeCert(const std::filesystem::path& path, X509* cert) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_file(path.c_str(), "w"));
  check(bio != nullptr, "opening a certificate file");
  check(PEM_write_bio_X509(bio.get(), cert) == 1, "writing a certificate");
}

void writeKey(const std::filesystem::path& path, EVP_PKEY* key) {
  std::unique_ptr<BIO, BioDeleter> bio(BIO_new_file(path.c_str(), "w"));
  check(bio != nullptr, "opening a key file");
  check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
        "writing a key");
}

CertChain makeChain(const std::filesystem::path& dir, const std::string& prefix, const char* caName,
                    long serialBase) {
  const KeyPtr caKey = makeKey();
  const CertPtr caCert = makeCert(caKey.get(), caName, nullptr, caKey.get(), true, serialBase);
  const KeyPtr serverKey = makeKey();
  const CertPtr serverCert =
      makeCert(serverKey.get(), "127.0.0.1", caCert.get(), caKey.get(), false, serialBase + 1);
  CertChain chain{dir / (prefix + "-ca.pem"), dir / (prefix + "-server.pem"),
                  dir / (prefix + "-server-key.pem"), dir / (prefix + "-ca.d")};
  writeCert(chain.caFile, caCert.get());
  std::filesystem::create_directory(chain.caDir);
  char hashName[32];
  std::snprintf(hashName, sizeof hashName, "%08lx.0", X509_subject_name_hash(caCert.get()));
  writeCert(chain.caDir / hashName, caCert.get());
  writeCert(chain.certFile, serverCert.get());
  writeKey(chain.keyFile, serverKey.get());
  return chain;
}

}  // namespace

TestPki::TestPki() {
  m_trusted = makeChain(m_dir.path(), "trusted", "Claude Usage Tracker Test CA", 1000);
  m_untrusted = makeChain(m_dir.path(), "untrusted", "Untrusted Test CA", 2000);
}

TestPki::~TestPki() = default;

const TestPki& sharedPki() {
  static const TestPki pki;
  return pki;
}

}  // namespace cut::test
