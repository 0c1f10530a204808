// Writes the fuzz seed corpora from the test vectors: every expected_token, verify and
// malformed token (as token strings), the raw 007 payloads / 006 contents (for the targets'
// wrapped mode), the base64 bodies, token-server answers carrying each token (one per
// preset shape) and launchOptions around the room-user / user / RTM tokens.
// Usage: eduauth_fuzz_seedgen VECTORS.json OUT_DIR
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
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
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
  const fs::path d007 = out / "decode_007", d006 = out / "decode_006", b64 = out / "base64_strict",
                 response = out / "source_response", launch = out / "launch_json";
  for (const auto &dir : {d007, d006, b64, response, launch})
    fs::create_directories(dir);

  size_t count = 0;
  auto add_token = [&](const std::string &id, const std::string &token) {
    write(d007, id + ".token", token);
    write(d006, id + ".token", token);
    if (token.rfind("007", 0) == 0) write(b64, id + ".b64", token.substr(3));
    if (token.rfind("006", 0) == 0 && token.size() > 35) write(b64, id + ".b64", token.substr(35));
    // fuzz_source_response: byte 0 picks the preset (low 2 bits) and the HTTP status (bits
    // 2..4, 0 = 200); the "education"/"rtm" presets read /token, the others /data/token.
    write(response, id + ".education", std::string(1, '\0') + json{{"code", 0}, {"token", token}}.dump());
    write(response, id + ".agora-demo",
          std::string(1, '\3') +
              json{{"code", "0"},
                   {"msg", "Success"},
                   {"data", {{"token", token}, {"appId", token.size() >= 35 ? token.substr(3, 32) : token}}}}
                  .dump());
    ++count;
  };
  auto add_launch = [&](const std::string &id, const json &inputs, const std::string &token) {
    const std::string user = inputs.value("user_uuid", inputs.value("user_id", std::string()));
    if (user.empty()) return;
    json o{{"userUuid", user},
           {"userName", "Fuzz " + user},
           {"roomUuid", inputs.value("room_uuid", "room")},
           {"roomName", "Room"},
           {"roleType", inputs.value("role", 2)},
           {"roomType", 4},
           {"token", token},
           {"pretest", false},
           {"language", "en"},
           {"duration", 1800},
           {"courseWareList", json::array()}};
    write(launch, id + ".json", o.dump());
    if (id != "p007-edu-room-user-02") return;
    // One option with every optional member set, so the nested readers have a start.
    const json encoder{{"width", 640}, {"height", 480}, {"frameRate", 15}, {"bitrate", 800}};
    o["courseWareList"] = json::array(
        {{{"resourceName", "a.pptx"},
          {"resourceUuid", "r-1"},
          {"ext", "pptx"},
          {"url", "https://example.com/a.pptx"},
          {"size", 1024},
          {"updateTime", 1700000000000},
          {"taskUuid", "t-1"},
          {"taskProgress",
           {{"totalPageSize", 2},
            {"convertedPageSize", 2},
            {"convertedPercentage", 100},
            {"currentStep", "extracting"},
            {"convertedFileList",
             json::array(
                 {{{"name", "1"},
                   {"ppt", {{"width", 1280}, {"height", 720.5}, {"preview", "p"}, {"src", "s"}}}}})}}},
          {"conversion", {{"type", "dynamic"}, {"preview", true}, {"scale", 2}, {"outputFormat", "png"}}},
          {"initOpen", true}}});
    o["appId"] = inputs["app_id"];
    o["region"] = "AP";
    o["startTime"] = 1700000000000;
    o["recordUrl"] = "https://example.com/record";
    o["userFlexProperties"] = {{"grade", 3}, {"tags", {"a", "b"}}};
    o["mediaOptions"] = {{"cameraEncoderConfiguration", encoder},
                         {"screenShareEncoderConfiguration", encoder},
                         {"lowStreamCameraEncoderConfiguration", encoder},
                         {"encryptionConfig", {{"mode", 5}, {"key", "k"}}},
                         {"channelProfile", 1},
                         {"web", {{"codec", "vp9"}, {"mode", "live"}}}};
    o["latencyLevel"] = 2;
    o["platform"] = "H5";
    o["recordOptions"] = {
        {"minFPS", 5},      {"maxFPS", 30.5},          {"resolution", 1.5},  {"autoResolution", true},
        {"autoFPS", false}, {"maxResolutionLevel", 3}, {"forceCanvas", true}};
    o["recordRetryTimeout"] = 500;
    o["uiMode"] = "dark";
    o["shareUrl"] = "https://example.com/share";
    o["virtualBackgroundImages"] = {"https://example.com/1.png"};
    o["virtualBackgroundVideos"] = {"https://example.com/1.mp4"};
    o["webrtcExtensionBaseUrl"] = "https://example.com/ext";
    o["rtcCloudProxyType"] = 1;
    o["rtmCloudProxyEnabled"] = true;
    write(launch, id + ".full.json", o.dump());
  };
  for (const auto &v : vectors["positive"]) {
    const std::string id = v["id"];
    add_token(id, v["expected_token"]);
    add_launch(id, v["inputs"], v["expected_token"]);
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
