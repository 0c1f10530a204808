// A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost,
// generated at test time with the openssl CLI (nothing is checked in).
#pragma once

#include <string>

namespace eduauth::testing {

struct TestPki {
  std::string ca_cert_file;     ///< PEM CA certificate (trust anchor for clients)
  std::string ca_cert_pem;      ///< same, in memory
  std::string server_cert_file; ///< PEM leaf for IP:127.0.0.1, DNS:localhost, signed by the CA
  std::string server_key_file;
  std::string other_ca_cert_file; ///< an unrelated CA (verification must fail with it)
};

/// Writes the files into `dir`. Throws std::runtime_error when openssl fails.
TestPki make_test_pki(const std::string &dir);

} // namespace eduauth::testing
