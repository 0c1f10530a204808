#include "eduauth_test/vectors.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace eduauth::test {

std::string shared_path(const std::string &relative) {
  const char *env = std::getenv("EDUAUTH_SHARED_DIR"); // NOLINT(concurrency-mt-unsafe): nobody sets env in tests
  const std::string root = (env != nullptr && *env != '\0') ? env : EDUAUTH_SHARED_DIR;
  return root + "/" + relative;
}

std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const nlohmann::json &token_vectors() {
  static const nlohmann::json vectors = nlohmann::json::parse(read_file(shared_path("vectors/token_vectors.json")));
  return vectors;
}

std::vector<nlohmann::json> vectors(const std::string &section, const std::string &kind_prefix) {
  std::vector<nlohmann::json> out;
  for (const auto &v : token_vectors().at(section)) {
    if (v.value("kind", std::string()).rfind(kind_prefix, 0) == 0) {
      out.push_back(v);
    }
  }
  return out;
}

const nlohmann::json &vector_by_id(const std::string &id) {
  for (const char *section : {"positive", "verify", "malformed"}) {
    for (const auto &v : token_vectors().at(section)) {
      if (v.value("id", std::string()) == id) {
        return v;
      }
    }
  }
  throw std::runtime_error("no vector with id " + id);
}

std::string test_name(const std::string &id) {
  std::string out = id;
  for (char &c : out) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!ok) {
      c = '_';
    }
  }
  return out;
}

} // namespace eduauth::test
