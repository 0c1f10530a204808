// JSON out (ordered keys, flat appId/region, optional fields only when set) and JSON in.
#include <nlohmann/json.hpp>

#include "fixtures.hpp"

using namespace eduauth::launch;
using eduauth::Errc;

namespace {

std::vector<std::string> keys_of(const std::string &text) {
  std::vector<std::string> keys;
  const auto parsed = nlohmann::ordered_json::parse(text);
  for (auto it = parsed.begin(); it != parsed.end(); ++it) keys.push_back(it.key());
  return keys;
}

LaunchOption full_option() {
  LaunchOption o = launch_test::valid_option();
  o.app_id = std::string(launch_test::kAppId);
  o.region = Region::ap;
  o.start_time_ms = int64_t{1700000000000};
  o.record_url = "https://example.com/record";
  o.user_flex_properties_json = R"({"grade":3})";
  o.media_options = MediaOptions{};
  o.media_options->camera_encoder_configuration = VideoEncoderConfiguration{640, 480, 15, 500};
  o.media_options->web = WebRtcOptions{VideoCodec::h264, WebMode::rtc};
  o.latency_level = LatencyLevel::ultra_low;
  o.platform = Platform::pc;
  o.record_options = RecordOptions{};
  o.record_options->max_fps = 30;
  o.record_retry_timeout_ms = int64_t{5000};
  o.ui_mode = UiMode::dark;
  o.share_url = "https://example.com/join/123";
  o.virtual_background_images = std::vector<std::string>{"https://example.com/bg.png"};
  o.virtual_background_videos = std::vector<std::string>{};
  o.webrtc_extension_base_url = "https://example.com/ext/";
  o.rtc_cloud_proxy_type = CloudProxyType::automatic;
  o.rtm_cloud_proxy_enabled = false;
  CourseWare c;
  c.resource_name = "lesson.pdf";
  c.resource_uuid = "res-1";
  c.ext = "pdf";
  c.url = "https://example.com/lesson.pdf";
  c.size = 2048;
  c.update_time_ms = 1700000000000;
  o.course_ware_list = {c};
  return o;
}

} // namespace

TEST(LaunchJson, RequiredOnlyExactText) {
  const LaunchOption o = launch_test::valid_option();
  EXPECT_EQ(to_json(o), R"({"userUuid":"test_user","userName":"Teacher Test","roomUuid":"123","roomName":"Room 123",)"
                        R"("roleType":1,"roomType":4,"token":")" +
                            o.token + R"(","pretest":false,"language":"en","duration":1800,"courseWareList":[]})");
}

TEST(LaunchJson, KeysInTheDocumentedOrder) {
  const std::vector<std::string> expected = {
      "userUuid", "userName", "roomUuid", "roomName", "roleType", "roomType", "token", "pretest", "language",
      "duration", "courseWareList", "appId", "region", "startTime", "recordUrl", "userFlexProperties",
      "mediaOptions", "latencyLevel", "platform", "recordOptions", "recordRetryTimeout", "uiMode", "shareUrl",
      "virtualBackgroundImages", "virtualBackgroundVideos", "webrtcExtensionBaseUrl", "rtcCloudProxyType",
      "rtmCloudProxyEnabled"};
  EXPECT_EQ(keys_of(to_json(full_option())), expected);
  auto legacy = expected;
  legacy[6] = "rtmToken";
  EXPECT_EQ(keys_of(to_json(full_option(), find_profile("web-2.8"))), legacy);
}

TEST(LaunchJson, NestedValuesAndUnits) {
  const auto j = nlohmann::json::parse(to_json(full_option(), default_profile(), 2));
  EXPECT_EQ(j["appId"], launch_test::kAppId);
  EXPECT_EQ(j["region"], "AP");
  EXPECT_EQ(j["startTime"], 1700000000000);
  EXPECT_EQ(j["duration"], 1800);
  EXPECT_EQ(j["userFlexProperties"]["grade"], 3); // embedded as an object, not a string
  EXPECT_EQ(j["mediaOptions"]["cameraEncoderConfiguration"],
            nlohmann::json({{"width", 640}, {"height", 480}, {"frameRate", 15}, {"bitrate", 500}}));
  EXPECT_EQ(j["mediaOptions"]["web"]["codec"], "h264");
  EXPECT_EQ(j["recordOptions"], nlohmann::json({{"maxFPS", 30.0}}));
  EXPECT_EQ(j["courseWareList"][0]["updateTime"], 1700000000000);
  EXPECT_EQ(j["courseWareList"][0]["url"], "https://example.com/lesson.pdf");
  EXPECT_FALSE(j["courseWareList"][0].contains("conversion"));
  EXPECT_EQ(j["virtualBackgroundVideos"], nlohmann::json::array());
  EXPECT_EQ(j["uiMode"], "dark");
}

TEST(LaunchJson, NonAsciiIsWrittenAsUtf8) {
  LaunchOption o = launch_test::valid_option();
  o.user_name = "老师01";
  o.room_name = "u🙂";
  const std::string text = to_json(o);
  EXPECT_NE(text.find("\"userName\":\"老师01\""), std::string::npos);
  EXPECT_NE(text.find("\"roomName\":\"u\xf0\x9f\x99\x82\""), std::string::npos);
}

TEST(LaunchJson, InvalidUtf8NamesTheField) {
  LaunchOption o = launch_test::valid_option();
  o.share_url = "https://x/\xc0\xaf";
  try {
    to_json(o);
    FAIL();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_launch_option);
    EXPECT_EQ(std::string(e.what()), "shareUrl: \"https://x/\\xC0\\xAF\" is not valid UTF-8 (bad byte at offset 10)");
  }
}

TEST(LaunchJson, RoundTrip) {
  const LaunchOption o = full_option();
  for (const Profile &p : profiles()) {
    const std::string text = to_json(o, p);
    EXPECT_EQ(to_json(from_json(text), p), text) << p.name;
  }
}

TEST(LaunchJson, FromJsonNamesThePathOfAWrongType) {
  try {
    from_json(R"({"userUuid":"u","courseWareList":[{"resourceName":"a","size":"big"}]})");
    FAIL();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_EQ(std::string(e.what()), "courseWareList[0].size: expected an integer, got \"big\"");
  }
  EXPECT_THROW(from_json("[1]"), eduauth::Error);
  EXPECT_THROW(from_json("{\"roleType\":"), eduauth::Error);
  EXPECT_THROW(from_json(R"({"roleType":1.5})"), eduauth::Error);
  // Rules are check()'s business: an out-of-range roleType parses and is then reported.
  const LaunchOption o = from_json(R"({"roleType":9,"duration":1800.0})");
  EXPECT_EQ(static_cast<int>(o.role_type), 9);
  EXPECT_EQ(o.duration_s, 1800);
}

TEST(LaunchJson, SetFieldJson) {
  LaunchOption o = launch_test::valid_option();
  set_field_json(o, "courseWareList",
                 R"([{"resourceName":"a.pdf","resourceUuid":"r1","ext":"pdf","size":1,"updateTime":2,
                      "conversion":{"type":"dynamic","scale":1}}])");
  ASSERT_EQ(o.course_ware_list.size(), 1u);
  EXPECT_EQ(o.course_ware_list[0].conversion->type, ConversionType::dynamic);
  set_field_json(o, "mediaOptions", R"({"channelProfile":1,"encryptionConfig":{"mode":5,"key":"k"}})");
  EXPECT_EQ(o.media_options->encryption_config->mode, EncryptionMode::aes_128_gcm);
  set_field_json(o, "userFlexProperties", R"({"a":[1,2]})");
  EXPECT_EQ(*o.user_flex_properties_json, R"({"a":[1,2]})");
  set_field_json(o, "virtualBackgroundImages", R"(["u1","u2"])");
  EXPECT_EQ(o.virtual_background_images->size(), 2u);
  EXPECT_TRUE(check(o, launch_test::at_now()).ok());

  try {
    set_field_json(o, "userFlexProperties", "[]");
    FAIL();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(std::string(e.what()), "userFlexProperties: expected an object, got []");
  }
  EXPECT_THROW(set_field_json(o, "token", "\"x\""), eduauth::Error);
  EXPECT_THROW(set_field_json(o, "mediaOptions", "{"), eduauth::Error);
  try {
    set_field_json(o, "mediaOptions", R"({"web":{"codec":"av1"}})");
    FAIL();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_launch_option);
    EXPECT_NE(std::string(e.what()).find("mediaOptions.web.codec: \"av1\""), std::string::npos) << e.what();
  }
}
