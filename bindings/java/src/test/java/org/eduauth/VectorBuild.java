package org.eduauth;

import java.util.List;
import java.util.Map;

/**
 * Maps a vector's builder name + inputs to the TokenBuilders call with the vector's pinned
 * issue time and salt. Returns null for builders without a named form (raw AccessToken2 /
 * AccessToken entries).
 */
final class VectorBuild {
  private VectorBuild() {}

  static String build(Map<String, Object> v) {
    String builder = (String) v.get("builder");
    Map<String, Object> in = Json.obj(v.get("inputs"));
    String app = (String) in.get("app_id");
    String cert = (String) in.get("app_certificate");
    long issueTs = v.containsKey("issue_ts") ? Json.num(v.get("issue_ts")) : 0;
    long salt = v.containsKey("salt") ? Json.num(v.get("salt")) : 0;
    long clock = v.containsKey("clock_time") ? Json.num(v.get("clock_time")) : 0;
    switch (builder) {
      case "EducationTokenBuilder2.BuildRoomUserToken":
      case "ApaasTokenBuilder.BuildRoomUserToken":
        return TokenBuilders.educationRoomUserTokenAt(app, cert, s(in, "room_uuid"), s(in, "user_uuid"),
            (int) n(in, "role"), n(in, "expire"), issueTs, salt);
      case "EducationTokenBuilder2.BuildUserToken":
      case "ApaasTokenBuilder.BuildUserToken":
        return TokenBuilders.educationUserTokenAt(app, cert, s(in, "user_uuid"), n(in, "expire"), issueTs, salt);
      case "EducationTokenBuilder2.BuildAppToken":
      case "ApaasTokenBuilder.BuildAppToken":
        return TokenBuilders.educationAppTokenAt(app, cert, n(in, "expire"), issueTs, salt);
      case "RtmTokenBuilder2.BuildToken":
        return TokenBuilders.rtmTokenAt(app, cert, s(in, "user_id"), n(in, "expire"), issueTs, salt);
      case "RtmTokenBuilder2.BuildToken(permissions)":
        return TokenBuilders.rtmTokenWithPermissionsAt(app, cert, s(in, "user_id"),
            permissionsJson(Json.arr(in.get("permissions"))), n(in, "expire"), issueTs, salt);
      case "ChatTokenBuilder2.BuildUserToken":
        return TokenBuilders.chatUserTokenAt(app, cert, s(in, "user_id"), n(in, "expire"), issueTs, salt);
      case "ChatTokenBuilder2.BuildAppToken":
        return TokenBuilders.chatAppTokenAt(app, cert, n(in, "expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithUid":
        return TokenBuilders.rtcTokenWithUidAt(app, cert, s(in, "channel_name"), n(in, "uid"),
            (int) n(in, "role"), n(in, "token_expire"), n(in, "privilege_expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithUserAccount":
        return TokenBuilders.rtcTokenWithAccountAt(app, cert, s(in, "channel_name"), s(in, "account"),
            (int) n(in, "role"), n(in, "token_expire"), n(in, "privilege_expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithUid(privileges)":
        return TokenBuilders.rtcTokenWithUidPrivilegesAt(app, cert, s(in, "channel_name"), n(in, "uid"),
            n(in, "token_expire"), n(in, "join_channel_privilege_expire"), n(in, "pub_audio_privilege_expire"),
            n(in, "pub_video_privilege_expire"), n(in, "pub_data_stream_privilege_expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithUserAccount(privileges)":
        return TokenBuilders.rtcTokenWithAccountPrivilegesAt(app, cert, s(in, "channel_name"),
            s(in, "account"), n(in, "token_expire"), n(in, "join_channel_privilege_expire"),
            n(in, "pub_audio_privilege_expire"), n(in, "pub_video_privilege_expire"),
            n(in, "pub_data_stream_privilege_expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithRtm":
        return TokenBuilders.rtcRtmTokenAt(app, cert, s(in, "channel_name"), s(in, "account"),
            (int) n(in, "role"), n(in, "token_expire"), n(in, "privilege_expire"), issueTs, salt);
      case "RtcTokenBuilder2.BuildTokenWithRtm2":
        return TokenBuilders.rtcRtm2TokenAt(app, cert, s(in, "channel_name"), s(in, "rtc_account"),
            (int) n(in, "rtc_role"), n(in, "rtc_token_expire"), n(in, "join_channel_privilege_expire"),
            n(in, "pub_audio_privilege_expire"), n(in, "pub_video_privilege_expire"),
            n(in, "pub_data_stream_privilege_expire"), s(in, "rtm_user_id"), n(in, "rtm_token_expire"),
            issueTs, salt);
      case "FpaTokenBuilder.BuildToken":
        return TokenBuilders.fpaTokenAt(app, cert, issueTs, salt);
      case "RtcTokenBuilder.buildTokenWithUid":
        return TokenBuilders.rtc006TokenWithUidAt(app, cert, s(in, "channel_name"), n(in, "uid"),
            (int) n(in, "role"), n(in, "privilege_expired_ts"), clock, salt);
      case "RtcTokenBuilder.buildTokenWithUserAccount":
        return TokenBuilders.rtc006TokenWithAccountAt(app, cert, s(in, "channel_name"), s(in, "account"),
            (int) n(in, "role"), n(in, "privilege_expired_ts"), clock, salt);
      case "RtmTokenBuilder.buildToken":
        return TokenBuilders.rtm006TokenAt(app, cert, s(in, "user_account"), n(in, "privilege_expired_ts"),
            clock, salt);
      default:
        return null;
    }
  }

  private static final java.util.regex.Pattern GENERATED =
      java.util.regex.Pattern.compile("<(\\d+)-byte string: (.).*>");

  /** A string input; "<70000-byte string: xxx...>" stands for 70000 times 'x'. */
  private static String s(Map<String, Object> in, String key) {
    String value = (String) in.get(key);
    java.util.regex.Matcher m = value == null ? null : GENERATED.matcher(value);
    if (m != null && m.matches()) {
      return m.group(2).repeat(Integer.parseInt(m.group(1)));
    }
    return value;
  }

  private static long n(Map<String, Object> in, String key) {
    return Json.num(in.get(key));
  }

  /** Re-serialises the permission objects of a vector (ASCII resource names only). */
  static String permissionsJson(List<Object> permissions) {
    StringBuilder sb = new StringBuilder("[");
    for (Object o : permissions) {
      Map<String, Object> p = Json.obj(o);
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"resource_type\":").append(Json.num(p.get("resource_type")))
          .append(",\"permission_type\":").append(Json.num(p.get("permission_type")))
          .append(",\"resources\":[");
      List<Object> resources = Json.arr(p.get("resources"));
      for (int i = 0; i < resources.size(); i++) {
        sb.append(i == 0 ? "" : ",").append('"').append(resources.get(i)).append('"');
      }
      sb.append("]}");
    }
    return sb.append(']').toString();
  }
}
