#include "test_pki.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "temp_dir.hpp"

namespace eduauth::testing {
namespace {

void run(const std::string &cmd) {
  const std::string full = cmd + " >/dev/null 2>&1";
  if (std::system(full.c_str()) != 0) throw std::runtime_error("command failed: " + cmd);
}

void make_ca(const std::string &dir, const std::string &name) {
  run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj '/CN=" + name +
      "' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -keyout '" + dir +
      "/" + name + ".key' -out '" + dir + "/" + name + ".pem'");
}

} // namespace

TestPki make_test_pki(const std::string &dir) {
  make_ca(dir, "eduauth-test-ca");
  make_ca(dir, "eduauth-other-ca");
  {
    std::ofstream ext(dir + "/server.ext");
    ext << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
           "basicConstraints=CA:FALSE\n"
           "keyUsage=critical,digitalSignature\n"
           "extendedKeyUsage=serverAuth\n";
  }
  run("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj '/CN=127.0.0.1' -keyout '" +
      dir + "/server.key' -out '" + dir + "/server.csr'");
  run("openssl x509 -req -in '" + dir + "/server.csr' -CA '" + dir + "/eduauth-test-ca.pem' -CAkey '" + dir +
      "/eduauth-test-ca.key' -CAcreateserial -days 2 -extfile '" + dir + "/server.ext' -out '" + dir +
      "/server.pem'");
  TestPki pki;
  pki.ca_cert_file = dir + "/eduauth-test-ca.pem";
  pki.ca_cert_pem = read_file(pki.ca_cert_file);
  pki.server_cert_file = dir + "/server.pem";
  pki.server_key_file = dir + "/server.key";
  pki.other_ca_cert_file = dir + "/eduauth-other-ca.pem";
  if (pki.ca_cert_pem.empty()) throw std::runtime_error("CA certificate was not written in " + dir);
  return pki;
}

} // namespace eduauth::testing
