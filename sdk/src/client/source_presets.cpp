// The documented token-server shapes (shared/specs/token-servers.md) as SourceConfigs.
#include "eduauth/source.hpp"

#include <nlohmann/json.hpp>

namespace eduauth {

std::vector<std::string> preset_names() { return {"education", "rtm", "generic", "agora-demo"}; }

SourceConfig make_source(std::string_view preset, std::string_view base_url_in) {
  std::string base(base_url_in);
  validate_base_url(base);
  while (!base.empty() && base.back() == '/') base.pop_back();

  SourceConfig s;
  s.name = std::string(preset);
  s.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
  if (preset == "education") {
    s.method = "POST";
    s.url_template = base + "/fetch_education_token";
    s.body_template = nlohmann::json{{"roomUuid", "{roomUuid}"}, {"userUuid", "{userUuid}"}, {"role", "{role}"}}.dump();
    s.token_pointer = "/token";
    s.code_pointer = "/code";
  } else if (preset == "rtm") {
    s.method = "POST";
    s.url_template = base + "/fetch_rtm_token";
    s.body_template = nlohmann::json{{"uid", "{userUuid}"}}.dump();
    s.token_pointer = "/token";
    s.code_pointer = "/code";
  } else if (preset == "generic") {
    // AgoraIO/Tools demo server: one token carrying RTC (publisher) + RTM + APaaS for the user.
    s.method = "POST";
    s.url_template = base + "/token/generate";
    s.body_template = nlohmann::json{
        {"channelName", "{roomUuid}"},
        {"uid", "{userUuid}"},
        {"tokenExpireTs", 3600},
        {"privilegeExpireTs", 3600},
        {"serviceRtc", {{"enable", true}, {"role", 1}}},
        {"serviceRtm", {{"enable", true}}},
        {"serviceChat", {{"enable", false}}},
        {"serviceApaas", {{"enable", true}, {"roomUuid", "{roomUuid}"}, {"role", "{role}"}}},
    }.dump();
    s.token_pointer = "/data/token";
    s.code_pointer = "/code";
  } else if (preset == "agora-demo") {
    s.method = "GET";
    s.url_template = base + "/edu/v3/rooms/{roomUuid}/roles/{role}/users/{userUuid}/token";
    s.headers = {{"Accept", "application/json"}};
    s.token_pointer = "/data/token";
    s.app_id_pointer = "/data/appId";
    s.code_pointer = "/code";
  } else {
    std::string known;
    for (const auto &n : preset_names()) known += (known.empty() ? "" : ", ") + n;
    throw Error(Errc::invalid_argument, "unknown token-server preset \"" + std::string(preset) + "\" (known: " + known + ")");
  }
  return s;
}

} // namespace eduauth
