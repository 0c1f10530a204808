// The profile table (spec "Profiles"): a new target client is one more row here.
#include <string>

#include "eduauth/launch.hpp"

namespace eduauth::launch {

const std::vector<Profile> &profiles() {
  static const std::vector<Profile> table = {
      {"web", "agora-classroom-sdk 2.9.52 and later", "token"},
      {"web-2.8", "agora-classroom-sdk 2.0 - 2.9.40 (and the docs' 2.8.30 sample)", "rtmToken"},
  };
  return table;
}

const Profile &default_profile() { return profiles().front(); }

const Profile &find_profile(std::string_view name) {
  std::string known;
  for (const Profile &p : profiles()) {
    if (p.name == name) return p;
    known += (known.empty() ? "" : ", ") + std::string(p.name);
  }
  throw Error(Errc::invalid_argument, "profile: \"" + std::string(name) + "\" is unknown (known: " + known + ")");
}

} // namespace eduauth::launch
