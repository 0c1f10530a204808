// eduauth-launch — the HTML launch page: loads agora-classroom-sdk, passes appId/region to
// AgoraEduSDK.config and the launchOption to AgoraEduSDK.launch, and prints the classroom
// events on the page. The one template used by `eduauth-launch --html` and the browser test.
#pragma once

#include <string>

namespace eduauth::launcher {

struct PageOptions {
  /// Where the page loads the SDK bundle from (agora-classroom-sdk's lib/edu_sdk.bundle.js):
  /// a path relative to the page or a URL served next to it.
  std::string sdk_url = "edu_sdk.bundle.js";
  /// Title shown in the tab (HTML-escaped here).
  std::string title = "eduauth launch";
};

/// The page for `launch_json` (a launchOption object as launch::to_json writes it; embedded
/// verbatim as data, with '<', '>' and '&' escaped so it cannot end its <script> element).
/// The page exposes `window.eduauthLaunch = {status, error, events, unmount}`: status "launched"
/// when launch() accepted the options and returned its unmount function, "rejected" with the
/// SDK's error message otherwise; events are the listener's {event, name, args}.
/// `window.eduauthLaunchOption(option)` launches another option object in the same page
/// (after the previous classroom was unmounted) and returns the new state.
/// The page holds the token: treat the file like the token itself.
std::string render_page(const std::string &launch_json, const PageOptions &options = {});

} // namespace eduauth::launcher
