// libFuzzer target: the launchOption JSON reader (from_json, set_field_json) and what follows
// it in the launcher and the C API: check() against the token it carries (decode, consistency
// rules, lifetime at a pinned "now") and to_json(). Properties: only eduauth::Error leaves
// the readers; check() and to_json() never throw for anything from_json() accepted (its
// strings are valid UTF-8, userFlexProperties an object); to_json() output reads back to
// the same JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "eduauth/launch.hpp"

namespace {

namespace launch = eduauth::launch;

// Issue time of the token vectors + 100 s, so the seeds' tokens are live.
constexpr int64_t kNow = 1700000100;

void exercise_option(const std::string_view text) {
  launch::LaunchOption option;
  try {
    option = launch::from_json(text);
  } catch (const eduauth::Error &) {
    return;
  }
  launch::CheckOptions at;
  at.now_unix_s = kNow;
  std::string once;
  try {
    (void)launch::check(option, at);
    once = launch::to_json(option);
  } catch (...) {
    std::abort();
  }
  const launch::LaunchOption again = launch::from_json(once); // throws (and fails) if unreadable
  if (launch::to_json(again) != once) std::abort();
}

void exercise_field(const std::string_view text, size_t which) {
  static const char *const kFields[] = {"courseWareList",          "mediaOptions",
                                        "userFlexProperties",      "recordOptions",
                                        "virtualBackgroundImages", "virtualBackgroundVideos"};
  launch::LaunchOption option;
  try {
    launch::set_field_json(option, kFields[which % 6], text);
  } catch (const eduauth::Error &) {
    return;
  }
  (void)launch::to_json(option);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  exercise_option(text);
  exercise_field(text, size);
  return 0;
}
