// eduauth-e2e-pages OUTDIR: writes the launch pages the browser test loads, and prints a
// manifest (JSON) saying what the real classroom SDK must do with each:
//   accepted*.html  built by launch::build() from a fresh room-user token: must launch;
//   rejected-*.html deliberately invalid (our validation bypassed with to_json on the raw
//                   model): the SDK itself must refuse them, proving the check can fail.
// "full": load the page itself (the others are relaunched inside it, see browser_test.mjs).
// Demo credentials are Agora's public test values (cases/README.md).
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "eduauth/builders.hpp"
#include "eduauth/launch.hpp"
#include "page.hpp"

namespace {

constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";

using namespace eduauth;

launch::LaunchOption inputs() {
  launch::LaunchOption o;
  o.user_uuid = "e2e-teacher";
  o.user_name = "老师01 🙂";
  o.room_uuid = "e2e-room";
  o.room_name = "E2E small class";
  o.role_type = launch::RoleType::teacher;
  o.room_type = launch::RoomType::small_class;
  o.language = launch::Language::zh;
  o.duration_s = 1800;
  o.region = launch::Region::cn;
  launch::CourseWare c;
  c.resource_name = "lesson-1.pdf";
  c.resource_uuid = "e2e-res-1";
  c.ext = "pdf";
  c.url = "https://example.invalid/lesson-1.pdf";
  c.size = 102400;
  c.update_time_ms = 1700000000000;
  o.course_ware_list = {c};
  launch::set_field_json(o, "mediaOptions",
                         R"({"cameraEncoderConfiguration":{"width":640,"height":480,"frameRate":15,"bitrate":600},)"
                         R"("web":{"codec":"vp8","mode":"rtc"}})");
  return o;
}

void write(const std::string &dir, const std::string &file, const std::string &json, nlohmann::json &manifest,
           const std::string &expect, const std::string &error = "") {
  launcher::PageOptions page;
  page.sdk_url = "/sdk/edu_sdk.bundle.js";
  page.title = "eduauth e2e: " + file;
  std::ofstream(dir + "/" + file) << launcher::render_page(json, page);
  manifest["pages"].push_back({{"file", file}, {"expect", expect}, {"error", error}, {"full", file == "accepted.html"}});
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: eduauth-e2e-pages OUTDIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  try {
    launch::LaunchOption in = inputs();
    const std::string token =
        token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, in.room_uuid, in.user_uuid, 1, 3600);
    const launch::LaunchOption good = launch::build(in, token);
    nlohmann::json manifest = {{"pages", nlohmann::json::array()}};
    write(dir, "accepted.html", launch::to_json(good), manifest, "launched");
    write(dir, "accepted-web-2.8.html", launch::to_json(good, launch::find_profile("web-2.8")), manifest, "launched");

    launch::LaunchOption bad = good;
    bad.room_type = static_cast<launch::RoomType>(3);
    write(dir, "rejected-roomtype.html", launch::to_json(bad), manifest, "rejected", "AgoraEduSDK: Invalid roomType!");
    bad = good;
    bad.role_type = static_cast<launch::RoleType>(7);
    write(dir, "rejected-roletype.html", launch::to_json(bad), manifest, "rejected", "AgoraEduSDK: Invalid roleType!");
    bad = good;
    bad.user_uuid.clear();
    write(dir, "rejected-useruuid.html", launch::to_json(bad), manifest, "rejected",
          "AgoraEduSDK: userUuid is required");
    std::cout << manifest.dump(2) << "\n";
    return 0;
  } catch (const std::exception &e) {
    std::cerr << "eduauth-e2e-pages: " << e.what() << "\n";
    return 1;
  }
}
