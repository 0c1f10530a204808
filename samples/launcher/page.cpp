#include "page.hpp"

namespace eduauth::launcher {
namespace {

std::string html_escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

// JSON text safe inside <script>: these characters only occur inside JSON strings, where
// \u escapes mean the same thing.
std::string script_safe_json(const std::string &json) {
  std::string out;
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

// The listener codes of AgoraEduClassroomEvent (agora-classroom-sdk 2.9.52).
constexpr const char *kScript = R"JS(
(function () {
  'use strict';
  var EVENTS = {1: 'Ready', 2: 'Destroyed', 3: 'FailedToJoin', 101: 'KickOut', 102: 'TeacherTurnOnMyMic',
    103: 'TeacherTurnOffMyMic', 106: 'UserAcceptToStage', 107: 'UserLeaveStage', 108: 'RewardReceived',
    109: 'TeacherTurnOnMyCam', 110: 'TeacherTurnOffMyCam', 111: 'CurrentCamUnplugged',
    112: 'CurrentMicUnplugged', 113: 'CurrentSpeakerUnplugged', 114: 'CaptureScreenPermissionDenied',
    117: 'BatchRewardReceived', 118: 'InvitedToGroup', 119: 'MoveToOtherGroup', 120: 'JoinSubRoom',
    121: 'LeaveSubRoom'};
  var logEl = document.getElementById('log');
  function show(line) {
    console.log('[eduauth] ' + line);
    logEl.textContent += new Date().toISOString() + '  ' + line + '\n';
  }
  function safe(v) { try { return JSON.parse(JSON.stringify(v)); } catch (e) { return String(v); } }
  // Launches one option object (also callable again after the previous classroom's unmount).
  window.eduauthLaunchOption = function (option) {
    var state = window.eduauthLaunch = {status: 'pending', error: null, events: [], unmount: null};
    try {
      if (!window.AgoraEduSDK) throw new Error('agora-classroom-sdk did not load (' + document.getElementById('sdk').src + ')');
      AgoraEduSDK.config({appId: option.appId, region: option.region || 'CN'});
      option.listener = function (evt) {
        var e = {event: evt, name: EVENTS[evt] || ('event ' + evt), args: safe([].slice.call(arguments, 1))};
        state.events.push(e);
        show('classroom event ' + e.event + ' ' + e.name);
      };
      var unmount = AgoraEduSDK.launch(document.getElementById('classroom'), option);
      state.status = typeof unmount === 'function' ? 'launched' : 'unexpected';
      state.unmount = unmount;
      show('AgoraEduSDK.launch accepted the options: room ' + option.roomUuid + ', user ' + option.userUuid +
           ', roleType ' + option.roleType + ', roomType ' + option.roomType);
    } catch (err) {
      state.status = 'rejected';
      state.error = String((err && err.message) || err);
      show('AgoraEduSDK.launch rejected the options: ' + state.error);
    }
    document.getElementById('status').textContent = 'launch: ' + state.status + (state.error ? ' (' + state.error + ')' : '');
    return state;
  };
  window.eduauthLaunchOption(JSON.parse(document.getElementById('launch-option').textContent));
})();
)JS";

} // namespace

std::string render_page(const std::string &launch_json, const PageOptions &options) {
  std::string page;
  page += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  page += html_escape(options.title);
  page += "</title>\n<style>\n"
          "  body { margin: 0; font: 13px/1.4 system-ui, sans-serif; }\n"
          "  #status { padding: 6px 10px; background: #1f2937; color: #f9fafb; }\n"
          "  #log { margin: 0; padding: 6px 10px; max-height: 18vh; overflow: auto; background: #f3f4f6; }\n"
          "  #classroom { width: 100%; height: 78vh; }\n"
          "</style>\n</head>\n<body>\n"
          "<div id=\"status\">loading agora-classroom-sdk…</div>\n<pre id=\"log\"></pre>\n"
          "<div id=\"classroom\"></div>\n"
          "<script type=\"application/json\" id=\"launch-option\">";
  page += script_safe_json(launch_json);
  page += "</script>\n<script id=\"sdk\" src=\"";
  page += html_escape(options.sdk_url);
  page += "\"></script>\n<script>";
  page += kScript;
  page += "</script>\n</body>\n</html>\n";
  return page;
}

} // namespace eduauth::launcher
