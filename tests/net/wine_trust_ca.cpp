// wine_trust_ca: adds one PEM CA certificate to the current user's Root store (Trusted Root
// Certification Authorities) of the Windows or Wine prefix it runs in, so WinHTTP trusts the
// loopback test server's certificate through the system's own verification. Trust is added;
// nothing is turned off. Earlier certificates with the same subject (the CAs of earlier test runs)
// are removed first, so repeated runs do not pile them up.
//
//   wine_trust_ca CA.pem     exit 0 when the certificate is in the store, 1 otherwise, 2 on usage
//
// For tests under Wine only: on real Windows, adding to the user's Root store asks the user first.

#include <windows.h>
// wincrypt.h needs windows.h first.
#include <wincrypt.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

// The DER bytes of the first certificate in a PEM text, or empty.
std::vector<BYTE> derOf(const std::string& pem) {
  DWORD size = 0;
  const auto length = static_cast<DWORD>(pem.size());
  if (!CryptStringToBinaryA(pem.data(), length, CRYPT_STRING_BASE64HEADER, nullptr, &size, nullptr, nullptr))
    return {};
  std::vector<BYTE> der(size);
  if (!CryptStringToBinaryA(pem.data(), length, CRYPT_STRING_BASE64HEADER, der.data(), &size, nullptr,
                            nullptr))
    return {};
  der.resize(size);
  return der;
}

// Deletes every certificate in `store` whose subject is `subject`.
void removeSameSubject(HCERTSTORE store, const CERT_NAME_BLOB& subject) {
  for (;;) {
    PCCERT_CONTEXT found =
        CertFindCertificateInStore(store, X509_ASN_ENCODING, 0, CERT_FIND_SUBJECT_NAME, &subject, nullptr);
    if (found == nullptr) return;
    if (!CertDeleteCertificateFromStore(found)) return;  // frees `found` either way
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: wine_trust_ca CA.pem\n");
    return 2;
  }
  std::string pem;
  if (FILE* in = std::fopen(argv[1], "rb")) {
    char chunk[4096];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof(chunk), in)) > 0;) pem.append(chunk, n);
    std::fclose(in);
  }
  const std::vector<BYTE> der = derOf(pem);
  if (der.empty()) {
    std::fprintf(stderr, "wine_trust_ca: no PEM certificate in %s\n", argv[1]);
    return 1;
  }
  PCCERT_CONTEXT cert =
      CertCreateCertificateContext(X509_ASN_ENCODING, der.data(), static_cast<DWORD>(der.size()));
  if (cert == nullptr) {
    std::fprintf(stderr, "wine_trust_ca: %s is not a certificate (error %lu)\n", argv[1], GetLastError());
    return 1;
  }
  HCERTSTORE root = CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, 0, CERT_SYSTEM_STORE_CURRENT_USER, L"Root");
  if (root == nullptr) {
    std::fprintf(stderr, "wine_trust_ca: cannot open the Root store (error %lu)\n", GetLastError());
    CertFreeCertificateContext(cert);
    return 1;
  }
  removeSameSubject(root, cert->pCertInfo->Subject);
  const BOOL added =
      CertAddEncodedCertificateToStore(root, X509_ASN_ENCODING, der.data(), static_cast<DWORD>(der.size()),
                                       CERT_STORE_ADD_REPLACE_EXISTING, nullptr);
  DWORD error = GetLastError();
  // Wine writes a registry store back only when its last reference goes; commit explicitly so the
  // change is on disk (in the prefix's user.reg) before this program says it is done.
  const BOOL committed = added && CertControlStore(root, 0, CERT_STORE_CTRL_COMMIT, nullptr);
  if (added && !committed) error = GetLastError();
  CertFreeCertificateContext(cert);
  CertCloseStore(root, 0);
  if (!committed) {
    std::fprintf(stderr, "wine_trust_ca: cannot add the certificate (error %lu)\n", error);
    return 1;
  }
  return 0;
}
