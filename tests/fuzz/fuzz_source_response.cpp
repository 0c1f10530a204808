// libFuzzer target: the client's reading of a token server's answer (interpret_response,
// sdk/src/client/source_response.cpp, compiled into this target). The first input byte picks
// the answer shape (as the presets read it) and the HTTP status, the rest is the response
// body. Properties: never throws (documented), ok means a non-empty token and no message, a
// failure means a message and no token or app ID.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "eduauth/source.hpp"

namespace {

// The answer shapes of the presets (source_presets.cpp, token-servers.md): where the token,
// the app ID and the status code are. Built here so the target needs only source_response.cpp.
eduauth::SourceConfig shape(unsigned which) {
  eduauth::SourceConfig s;
  s.method = "POST";
  s.url_template = "https://tokens.example.com:8082/fetch_education_token";
  s.code_pointer = "/code";
  switch (which & 3) {
  case 0:
    s.name = "education";
    s.token_pointer = "/token";
    break;
  case 1: // a hand-made source: escaped key and array index, no code field
    s.name = "custom";
    s.token_pointer = "/a~1b/0";
    s.code_pointer = "";
    break;
  case 2:
    s.name = "generic";
    s.token_pointer = "/data/token";
    break;
  default:
    s.name = "agora-demo";
    s.method = "GET";
    s.token_pointer = "/data/token";
    s.app_id_pointer = "/data/appId";
    break;
  }
  return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size == 0) return 0;
  static const int kStatuses[] = {200, 200, 201, 204, 401, 429, 500, 400};
  const uint8_t pick = data[0];
  const eduauth::SourceConfig source = shape(pick);
  eduauth::HttpRequest request;
  request.method = source.method;
  request.url = source.url_template;
  eduauth::HttpResponse response;
  response.status = kStatuses[(pick >> 2) & 7];
  response.retry_after_s = (pick & 0x20) ? std::optional<int64_t>(7) : std::nullopt;
  response.body.assign(reinterpret_cast<const char *>(data + 1), size - 1);

  eduauth::FetchResult r;
  try {
    r = eduauth::interpret_response(source, request, response);
  } catch (...) {
    std::abort(); // documented as never throwing
  }
  if (r.status == eduauth::Errc::ok) {
    if (r.token.empty() || !r.message.empty()) std::abort();
  } else {
    if (!r.token.empty() || r.app_id || r.message.empty()) std::abort();
  }
  return 0;
}
