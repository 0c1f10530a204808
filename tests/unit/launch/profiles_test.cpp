// Profiles are table entries: "web" (token) is the default, "web-2.8" writes rtmToken.
#include <nlohmann/json.hpp>

#include "fixtures.hpp"

using namespace eduauth::launch;

TEST(LaunchProfiles, TableAndDefault) {
  ASSERT_GE(profiles().size(), 2u);
  EXPECT_EQ(default_profile().name, "web");
  EXPECT_EQ(default_profile().token_field, "token");
  EXPECT_EQ(find_profile("web-2.8").token_field, "rtmToken");
  EXPECT_EQ(&find_profile("web"), &default_profile());
}

TEST(LaunchProfiles, UnknownNameListsKnownOnes) {
  try {
    find_profile("electron");
    FAIL();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(e.code(), eduauth::Errc::invalid_argument);
    EXPECT_EQ(std::string(e.what()), "profile: \"electron\" is unknown (known: web, web-2.8)");
  }
}

TEST(LaunchProfiles, TokenFieldFollowsTheProfile) {
  const LaunchOption o = launch_test::valid_option();
  for (const Profile &p : profiles()) {
    const auto j = nlohmann::json::parse(to_json(o, p));
    EXPECT_EQ(j.at(std::string(p.token_field)), o.token) << p.name;
    for (const Profile &other : profiles())
      if (other.token_field != p.token_field) {
        EXPECT_FALSE(j.contains(std::string(other.token_field))) << p.name;
      }
  }
}
