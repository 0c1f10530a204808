// Enumerations: the classroom SDK's numeric codes and strings, and the input parsers.
#include "fixtures.hpp"

using namespace eduauth::launch;
using eduauth::Errc;

TEST(LaunchEnums, NumericCodesAreTheSdkOnes) {
  EXPECT_EQ(static_cast<int>(RoleType::none), -1);
  EXPECT_EQ(static_cast<int>(RoleType::invisible), 0);
  EXPECT_EQ(static_cast<int>(RoleType::teacher), 1);
  EXPECT_EQ(static_cast<int>(RoleType::student), 2);
  EXPECT_EQ(static_cast<int>(RoleType::assistant), 3);
  EXPECT_EQ(static_cast<int>(RoleType::observer), 4);
  EXPECT_EQ(static_cast<int>(RoomType::one_to_one), 0);
  EXPECT_EQ(static_cast<int>(RoomType::lecture_hall), 2);
  EXPECT_EQ(static_cast<int>(RoomType::small_class), 4);
  EXPECT_EQ(static_cast<int>(LatencyLevel::low), 1);
  EXPECT_EQ(static_cast<int>(LatencyLevel::ultra_low), 2);
  EXPECT_EQ(static_cast<int>(CloudProxyType::tcp), 2);
  EXPECT_EQ(static_cast<int>(EncryptionMode::aes_128_xts), 1);
  EXPECT_EQ(static_cast<int>(EncryptionMode::aes_256_gcm), 6);
  EXPECT_EQ(static_cast<int>(ChannelProfile::live_broadcasting), 1);
}

TEST(LaunchEnums, WireStrings) {
  EXPECT_STREQ(to_string(Language::zh), "zh");
  EXPECT_STREQ(to_string(Region::cn), "CN");
  EXPECT_STREQ(to_string(Region::na), "NA");
  EXPECT_STREQ(to_string(Platform::h5), "H5");
  EXPECT_STREQ(to_string(UiMode::dark), "dark");
  EXPECT_STREQ(to_string(VideoCodec::h264), "h264");
  EXPECT_STREQ(to_string(WebMode::live), "live");
  EXPECT_STREQ(to_string(ConversionType::static_), "static");
  EXPECT_EQ(to_string(static_cast<RoleType>(7)), nullptr);
  EXPECT_EQ(to_string(static_cast<RoomType>(3)), nullptr);
}

TEST(LaunchEnums, ParseRoleByNameAndNumber) {
  EXPECT_EQ(parse_role("teacher"), RoleType::teacher);
  EXPECT_EQ(parse_role("Student"), RoleType::student);
  EXPECT_EQ(parse_role("assistant"), RoleType::assistant);
  EXPECT_EQ(parse_role("observer"), RoleType::observer);
  EXPECT_EQ(parse_role("audience"), RoleType::invisible);
  EXPECT_EQ(parse_role("-1"), RoleType::none);
  EXPECT_EQ(parse_role("4"), RoleType::observer);
  for (const char *bad : {"5", "-2", "", "1.0", "principal", "01x"}) {
    try {
      parse_role(bad);
      ADD_FAILURE() << bad;
    } catch (const eduauth::Error &e) {
      EXPECT_EQ(e.code(), Errc::invalid_launch_option);
      EXPECT_NE(std::string(e.what()).find(std::string("roleType: \"") + bad + "\""), std::string::npos) << e.what();
    }
  }
}

TEST(LaunchEnums, ParseRoomType) {
  EXPECT_EQ(parse_room_type("one-to-one"), RoomType::one_to_one);
  EXPECT_EQ(parse_room_type("small"), RoomType::small_class);
  EXPECT_EQ(parse_room_type("lecture"), RoomType::lecture_hall);
  EXPECT_EQ(parse_room_type("0"), RoomType::one_to_one);
  EXPECT_EQ(parse_room_type("2"), RoomType::lecture_hall);
  EXPECT_EQ(parse_room_type("4"), RoomType::small_class);
  // Core room types that launch refuses, and the gap values.
  for (const char *bad : {"1", "3", "6", "7", "10", "101", "huge"})
    EXPECT_THROW(parse_room_type(bad), eduauth::Error) << bad;
}

TEST(LaunchEnums, ParseStrings) {
  EXPECT_EQ(parse_language("zh"), Language::zh);
  EXPECT_THROW(parse_language("fr"), eduauth::Error);
  EXPECT_EQ(parse_region("ap"), Region::ap);
  EXPECT_EQ(parse_region("EU"), Region::eu);
  EXPECT_THROW(parse_region("US"), eduauth::Error);
  EXPECT_EQ(parse_platform("H5"), Platform::h5);
  EXPECT_THROW(parse_platform("mobile"), eduauth::Error);
  EXPECT_EQ(parse_ui_mode("dark"), UiMode::dark);
  EXPECT_THROW(parse_ui_mode("sepia"), eduauth::Error);
}
