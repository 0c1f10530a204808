// Field rules: the classroom SDK's own checks plus the documented limits; every problem is
// reported, each naming its field and value.
#include "fixtures.hpp"

using namespace eduauth::launch;
using eduauth::Errc;
using launch_test::errors_of;
using launch_test::fields;
using launch_test::find;

namespace {

std::string repeat(const std::string &s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A valid option for user/room ids other than the C-14 defaults (token rebuilt to match).
LaunchOption with_ids(const std::string &user, const std::string &room) {
  LaunchOption o = launch_test::valid_option();
  o.user_uuid = user;
  o.room_uuid = room;
  o.token = launch_test::room_user_token(room, user, 1);
  return o;
}

} // namespace

TEST(LaunchFieldRules, ValidOptionHasNoIssues) {
  const Report r = check(launch_test::valid_option(), launch_test::at_now());
  EXPECT_TRUE(r.ok()) << fields(r.errors);
  EXPECT_TRUE(r.warnings.empty()) << fields(r.warnings);
}

TEST(LaunchFieldRules, RequiredIdsMustNotBeEmpty) {
  for (const char *field : {"userName", "roomName"}) {
    LaunchOption o = launch_test::valid_option();
    (std::string(field) == "userName" ? o.user_name : o.room_name).clear();
    const auto errors = errors_of(o);
    ASSERT_EQ(errors.size(), 1u) << fields(errors);
    EXPECT_EQ(errors[0].field, field);
    EXPECT_EQ(errors[0].code, Errc::invalid_launch_option);
    EXPECT_EQ(errors[0].message, std::string(field) + ": is required and must not be empty");
  }
  LaunchOption o = launch_test::valid_option();
  o.user_uuid.clear();
  o.room_uuid.clear();
  const auto errors = errors_of(o);
  ASSERT_NE(find(errors, "userUuid"), nullptr);
  ASSERT_NE(find(errors, "roomUuid"), nullptr);
  EXPECT_EQ(find(errors, "userUuid")->message, "userUuid: is required and must not be empty");
}

// C-08: "< 64 bytes" counts UTF-8 bytes. 63 bytes pass, 64 fail, whatever the characters.
TEST(LaunchFieldRules, ByteLimitCountsUtf8BytesNotCharacters_C08) {
  const std::string cjk63 = repeat("老", 21);             // 21 characters, 63 bytes
  const std::string cjk64 = repeat("老", 21) + "a";       // 22 characters, 64 bytes
  const std::string emoji63 = repeat("🙂", 15) + "abc";   // 18 characters, 63 bytes
  const std::string emoji64 = repeat("🙂", 16);           // 16 characters, 64 bytes
  ASSERT_EQ(cjk63.size(), 63u);
  ASSERT_EQ(cjk64.size(), 64u);
  ASSERT_EQ(emoji63.size(), 63u);
  ASSERT_EQ(emoji64.size(), 64u);

  for (const std::string &ok : {cjk63, emoji63, std::string(63, 'x')}) {
    LaunchOption o = with_ids(ok, ok);
    o.user_name = ok;
    o.room_name = ok;
    EXPECT_TRUE(errors_of(o).empty()) << fields(errors_of(o));
  }
  for (const std::string &bad : {cjk64, emoji64, std::string(64, 'x')}) {
    LaunchOption o = with_ids(bad, bad);
    o.user_name = bad;
    o.room_name = bad;
    const auto errors = errors_of(o);
    EXPECT_EQ(fields(errors), "userUuid,userName,roomUuid,roomName");
    ASSERT_NE(find(errors, "roomName"), nullptr);
    EXPECT_NE(find(errors, "roomName")->message.find("is 64 UTF-8 bytes"), std::string::npos)
        << find(errors, "roomName")->message;
  }
  LaunchOption o = launch_test::valid_option();
  o.user_name = cjk64;
  EXPECT_EQ(errors_of(o).at(0).message,
            "userName: \"" + cjk64 + "\" is 64 UTF-8 bytes (22 characters); the limit is < 64 bytes");
}

TEST(LaunchFieldRules, InvalidUtf8IsNamedWithItsOffset_C08) {
  LaunchOption o = launch_test::valid_option();
  o.user_name = "u\xed\xa0\xbd\xed\xb9\x82"; // CESU-8 of U+1F642: surrogates are not UTF-8
  const auto errors = errors_of(o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message,
            "userName: \"u\\xED\\xA0\\xBD\\xED\\xB9\\x82\" is not valid UTF-8 (bad byte at offset 1)");
  o.user_name = "u\xf0\x9f\x99\x82"; // the real UTF-8 of u🙂
  EXPECT_TRUE(errors_of(o).empty());
}

TEST(LaunchFieldRules, RoleTypeIsOneOfTheSdkRoles) {
  for (int role : {-1, 0, 1, 2, 3, 4}) {
    LaunchOption o = launch_test::valid_option();
    o.role_type = static_cast<RoleType>(role);
    o.token = launch_test::room_user_token("123", "test_user", role);
    EXPECT_TRUE(errors_of(o).empty()) << role << ": " << fields(errors_of(o));
  }
  for (int role : {-2, 5, 7}) {
    LaunchOption o = launch_test::valid_option();
    o.role_type = static_cast<RoleType>(role);
    o.token = launch_test::room_user_token("123", "test_user", role);
    const auto errors = errors_of(o);
    ASSERT_EQ(errors.size(), 1u) << fields(errors);
    EXPECT_EQ(errors[0].message, "roleType: " + std::to_string(role) +
                                     " is not one of -1 none, 0 invisible, 1 teacher, 2 student, 3 assistant, 4 observer");
  }
}

TEST(LaunchFieldRules, RoomTypeIsOneOfWhatLaunchAccepts) {
  for (int type : {0, 2, 4}) {
    LaunchOption o = launch_test::valid_option();
    o.room_type = static_cast<RoomType>(type);
    EXPECT_TRUE(errors_of(o).empty()) << type;
  }
  for (int type : {1, 3, 5, 6, 7, 10, 101, -1}) {
    LaunchOption o = launch_test::valid_option();
    o.room_type = static_cast<RoomType>(type);
    const auto errors = errors_of(o);
    ASSERT_EQ(errors.size(), 1u) << type;
    EXPECT_EQ(errors[0].field, "roomType");
    EXPECT_EQ(errors[0].message.rfind("roomType: " + std::to_string(type) + " ", 0), 0u) << errors[0].message;
  }
  LaunchOption o = launch_test::valid_option();
  o.room_type = static_cast<RoomType>(6);
  EXPECT_EQ(errors_of(o)[0].message, "roomType: 6 is a room type of the core that launch does not accept; must be one "
                                     "of 0 one-to-one, 2 lecture hall, 4 small class");
}

TEST(LaunchFieldRules, DurationIsSecondsWithinOneDay) {
  for (int64_t ok : {1, 60, 1800, 3599}) { // token life is 3600 s - 100 s at kNow
    LaunchOption o = launch_test::valid_option();
    o.duration_s = ok;
    EXPECT_TRUE(errors_of(o).empty()) << ok;
  }
  for (int64_t bad : {int64_t{0}, int64_t{-5}, int64_t{86401}}) {
    LaunchOption o = launch_test::valid_option();
    o.duration_s = bad;
    EXPECT_NE(find(errors_of(o), "duration"), nullptr) << bad;
  }
  LaunchOption o = launch_test::valid_option();
  o.duration_s = 1800000; // 30 min in ms: the classic unit slip
  EXPECT_EQ(find(errors_of(o), "duration")->message,
            "duration: 1800000 is outside 1..86400 (seconds, not milliseconds)");
  o.duration_s = 0;
  EXPECT_EQ(find(errors_of(o), "duration")->message, "duration: 0 is outside 1..86400 (seconds)");
}

TEST(LaunchFieldRules, StartTimeIsMilliseconds) {
  LaunchOption o = launch_test::valid_option();
  o.start_time_ms = int64_t{1700000000000};
  EXPECT_TRUE(errors_of(o).empty());
  o.start_time_ms = int64_t{1700000000};
  EXPECT_EQ(errors_of(o).at(0).message,
            "startTime: 1700000000 looks like Unix seconds; startTime is Unix milliseconds (1700000000000)");
  o.start_time_ms = int64_t{-1};
  EXPECT_EQ(errors_of(o).at(0).message, "startTime: -1 is not a plausible Unix time in milliseconds");
}

TEST(LaunchFieldRules, AppIdIs32Hex) {
  LaunchOption o = launch_test::valid_option();
  o.app_id = std::string(launch_test::kAppId);
  EXPECT_TRUE(errors_of(o).empty());
  o.app_id = "970CA35de60c44645bbae8a215061b3"; // 31
  const auto errors = errors_of(o);
  ASSERT_NE(find(errors, "appId"), nullptr);
  EXPECT_EQ(find(errors, "appId")->message, "appId: \"970CA35de60c44645bbae8a215061b3\" is not 32 hexadecimal characters");
}

TEST(LaunchFieldRules, EnumsOutOfRange) {
  LaunchOption o = launch_test::valid_option();
  o.language = static_cast<Language>(9);
  o.region = static_cast<Region>(9);
  o.platform = static_cast<Platform>(9);
  o.ui_mode = static_cast<UiMode>(9);
  o.latency_level = static_cast<LatencyLevel>(3);
  o.rtc_cloud_proxy_type = static_cast<CloudProxyType>(3);
  EXPECT_EQ(fields(errors_of(o)), "language,region,latencyLevel,platform,uiMode,rtcCloudProxyType");
  o = launch_test::valid_option();
  o.region = Region::na;
  o.platform = Platform::h5;
  o.ui_mode = UiMode::dark;
  o.latency_level = LatencyLevel::low;
  o.rtc_cloud_proxy_type = CloudProxyType::tcp;
  o.rtm_cloud_proxy_enabled = true;
  EXPECT_TRUE(errors_of(o).empty());
}

TEST(LaunchFieldRules, CourseWareItems) {
  LaunchOption o = launch_test::valid_option();
  CourseWare good;
  good.resource_name = "第一课.pdf";
  good.resource_uuid = "res-1";
  good.ext = "pdf";
  good.size = 1024;
  good.update_time_ms = 1700000000000;
  good.conversion = Conversion{ConversionType::dynamic, true, 2, std::string("png")};
  o.course_ware_list = {good};
  EXPECT_TRUE(errors_of(o).empty());

  CourseWare bad = good;
  bad.resource_name = repeat("课", 22); // 66 bytes
  bad.size = -1;
  bad.conversion->scale = 4;
  bad.task_progress = TaskProgress{10, 11, 120, {}, std::nullopt};
  o.course_ware_list = {good, bad};
  EXPECT_EQ(fields(errors_of(o)),
            "courseWareList[1].resourceName,courseWareList[1].resourceUuid,courseWareList[1].size,"
            "courseWareList[1].taskProgress.convertedPageSize,courseWareList[1].taskProgress.convertedPercentage,"
            "courseWareList[1].conversion.scale");
  EXPECT_EQ(find(errors_of(o), "courseWareList[1].resourceUuid")->message,
            "courseWareList[1].resourceUuid: \"res-1\" appears twice in courseWareList");
}

TEST(LaunchFieldRules, MediaAndRecordOptions) {
  LaunchOption o = launch_test::valid_option();
  MediaOptions m;
  m.camera_encoder_configuration = VideoEncoderConfiguration{640, 480, 15, 500};
  m.encryption_config = EncryptionConfig{EncryptionMode::aes_128_gcm, "s3cret-key"};
  m.channel_profile = ChannelProfile::live_broadcasting;
  m.web = WebRtcOptions{VideoCodec::vp9, WebMode::live};
  o.media_options = m;
  RecordOptions r;
  r.min_fps = 10;
  r.max_fps = 30;
  o.record_options = r;
  EXPECT_TRUE(errors_of(o).empty()) << fields(errors_of(o));

  o.media_options->camera_encoder_configuration->bitrate = 0;
  o.media_options->encryption_config->mode = static_cast<EncryptionMode>(7);
  o.media_options->channel_profile = static_cast<ChannelProfile>(2);
  o.record_options->min_fps = 40;
  const auto errors = errors_of(o);
  EXPECT_EQ(fields(errors), "mediaOptions.cameraEncoderConfiguration.bitrate,mediaOptions.encryptionConfig.mode,"
                            "mediaOptions.channelProfile,recordOptions.minFPS");
  for (const Issue &i : errors) EXPECT_EQ(i.message.find("s3cret"), std::string::npos) << i.message;
}

TEST(LaunchFieldRules, EncryptionKeyIsNeverEchoed) {
  LaunchOption o = launch_test::valid_option();
  o.media_options = MediaOptions{};
  o.media_options->encryption_config = EncryptionConfig{EncryptionMode::sm4_128_ecb, "k\xff\xfe-secret"};
  const auto errors = errors_of(o);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "mediaOptions.encryptionConfig.key: is not valid UTF-8 (value not shown)");
}

TEST(LaunchFieldRules, UserFlexPropertiesMustBeAnObject) {
  LaunchOption o = launch_test::valid_option();
  o.user_flex_properties_json = R"({"grade": 3, "avatar": "https://example.com/a.png"})";
  EXPECT_TRUE(errors_of(o).empty());
  o.user_flex_properties_json = "[1,2]";
  EXPECT_EQ(errors_of(o).at(0).message, "userFlexProperties: is not a JSON object: \"[1,2]\"");
}

TEST(LaunchFieldRules, EveryProblemIsCollectedAndBuildThrowsThemAll) {
  LaunchOption in = launch_test::valid_option();
  in.user_name.clear();
  in.room_type = static_cast<RoomType>(3);
  in.duration_s = 0;
  in.language = static_cast<Language>(5);
  const std::string token = in.token;
  try {
    build(in, token, launch_test::at_now());
    FAIL() << "build accepted an invalid option";
  } catch (const LaunchError &e) {
    EXPECT_EQ(e.code(), Errc::invalid_launch_option);
    EXPECT_EQ(fields(e.issues()), "userName,roomType,language,duration");
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("launchOption has 4 problems:\n  userName: is required", 0), 0u) << what;
    for (const Issue &i : e.issues()) EXPECT_NE(what.find(i.message), std::string::npos) << i.message;
    EXPECT_EQ(what.find(token), std::string::npos); // the token never appears in a message
  }
}
