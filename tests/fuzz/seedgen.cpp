// Writes the fuzz seed corpora from the test vectors: every expected_token, verify and
// malformed token (as token strings), the raw 007 payloads / 006 contents (for the targets'
// wrapped mode) and the base64 bodies. Usage: eduauth_fuzz_seedgen VECTORS.json OUT_DIR
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string from_hex(const std::string &hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

void write(const fs::path &dir, const std::string &name, const std::string &bytes) {
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: eduauth_fuzz_seedgen VECTORS.json OUT_DIR\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "eduauth_fuzz_seedgen: cannot read " << argv[1] << "\n";
    return 2;
  }
  const json vectors = json::parse(in);
  const fs::path out = argv[2];
  const fs::path d007 = out / "decode_007", d006 = out / "decode_006", b64 = out / "base64_strict";
  for (const auto &dir : {d007, d006, b64}) fs::create_directories(dir);

  size_t count = 0;
  auto add_token = [&](const std::string &id, const std::string &token) {
    write(d007, id + ".token", token);
    write(d006, id + ".token", token);
    if (token.rfind("007", 0) == 0) write(b64, id + ".b64", token.substr(3));
    if (token.rfind("006", 0) == 0 && token.size() > 35) write(b64, id + ".b64", token.substr(35));
    ++count;
  };
  for (const auto &v : vectors["positive"]) {
    const std::string id = v["id"];
    add_token(id, v["expected_token"]);
    const json &decoded = v["decoded"];
    if (decoded.contains("payload_hex")) write(d007, id + ".payload", from_hex(decoded["payload_hex"]));
    if (decoded.contains("content_hex")) write(d006, id + ".content", from_hex(decoded["content_hex"]));
  }
  for (const char *section : {"verify", "malformed"})
    for (const auto &v : vectors[section])
      if (v.contains("token") && v["token"].is_string()) add_token(v["id"], v["token"]);
  std::cout << "eduauth_fuzz_seedgen: " << count << " tokens into " << out << "\n";
  return 0;
}
