using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace EduAuth.Tests
{
    /// <summary>
    /// Maps a vector's builder name + inputs to the TokenBuilders call with its pinned issue
    /// time and salt; null for raw AccessToken2 / AccessToken entries.
    /// </summary>
    internal static class VectorBuild
    {
        private static readonly Regex Generated = new Regex("^<(\\d+)-byte string: (.).*>$");

        internal static string Build(Dictionary<string, object> v)
        {
            var inputs = Json.Obj(v["inputs"]);
            string app = S(inputs, "app_id");
            string cert = S(inputs, "app_certificate");
            uint issueTs = v.ContainsKey("issue_ts") ? (uint)Json.Num(v["issue_ts"]) : 0;
            uint salt = v.ContainsKey("salt") ? (uint)Json.Num(v["salt"]) : 0;
            uint clock = v.ContainsKey("clock_time") ? (uint)Json.Num(v["clock_time"]) : 0;
            switch ((string)v["builder"])
            {
                case "EducationTokenBuilder2.BuildRoomUserToken":
                case "ApaasTokenBuilder.BuildRoomUserToken":
                    return TokenBuilders.EducationRoomUserTokenAt(app, cert, S(inputs, "room_uuid"),
                        S(inputs, "user_uuid"), (int)N(inputs, "role"), U(inputs, "expire"), issueTs, salt);
                case "EducationTokenBuilder2.BuildUserToken":
                case "ApaasTokenBuilder.BuildUserToken":
                    return TokenBuilders.EducationUserTokenAt(app, cert, S(inputs, "user_uuid"), U(inputs, "expire"),
                        issueTs, salt);
                case "EducationTokenBuilder2.BuildAppToken":
                case "ApaasTokenBuilder.BuildAppToken":
                    return TokenBuilders.EducationAppTokenAt(app, cert, U(inputs, "expire"), issueTs, salt);
                case "RtmTokenBuilder2.BuildToken":
                    return TokenBuilders.RtmTokenAt(app, cert, S(inputs, "user_id"), U(inputs, "expire"), issueTs, salt);
                case "RtmTokenBuilder2.BuildToken(permissions)":
                    return TokenBuilders.RtmTokenWithPermissionsAt(app, cert, S(inputs, "user_id"),
                        PermissionsJson(Json.Arr(inputs["permissions"])), U(inputs, "expire"), issueTs, salt);
                case "ChatTokenBuilder2.BuildUserToken":
                    return TokenBuilders.ChatUserTokenAt(app, cert, S(inputs, "user_id"), U(inputs, "expire"),
                        issueTs, salt);
                case "ChatTokenBuilder2.BuildAppToken":
                    return TokenBuilders.ChatAppTokenAt(app, cert, U(inputs, "expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithUid":
                    return TokenBuilders.RtcTokenWithUidAt(app, cert, S(inputs, "channel_name"), N(inputs, "uid"),
                        (int)N(inputs, "role"), U(inputs, "token_expire"), U(inputs, "privilege_expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithUserAccount":
                    return TokenBuilders.RtcTokenWithAccountAt(app, cert, S(inputs, "channel_name"),
                        S(inputs, "account"), (int)N(inputs, "role"), U(inputs, "token_expire"),
                        U(inputs, "privilege_expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithUid(privileges)":
                    return TokenBuilders.RtcTokenWithUidPrivilegesAt(app, cert, S(inputs, "channel_name"),
                        N(inputs, "uid"), U(inputs, "token_expire"), U(inputs, "join_channel_privilege_expire"),
                        U(inputs, "pub_audio_privilege_expire"), U(inputs, "pub_video_privilege_expire"),
                        U(inputs, "pub_data_stream_privilege_expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithUserAccount(privileges)":
                    return TokenBuilders.RtcTokenWithAccountPrivilegesAt(app, cert, S(inputs, "channel_name"),
                        S(inputs, "account"), U(inputs, "token_expire"), U(inputs, "join_channel_privilege_expire"),
                        U(inputs, "pub_audio_privilege_expire"), U(inputs, "pub_video_privilege_expire"),
                        U(inputs, "pub_data_stream_privilege_expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithRtm":
                    return TokenBuilders.RtcRtmTokenAt(app, cert, S(inputs, "channel_name"), S(inputs, "account"),
                        (int)N(inputs, "role"), U(inputs, "token_expire"), U(inputs, "privilege_expire"), issueTs, salt);
                case "RtcTokenBuilder2.BuildTokenWithRtm2":
                    return TokenBuilders.RtcRtm2TokenAt(app, cert, S(inputs, "channel_name"), S(inputs, "rtc_account"),
                        (int)N(inputs, "rtc_role"), U(inputs, "rtc_token_expire"),
                        U(inputs, "join_channel_privilege_expire"), U(inputs, "pub_audio_privilege_expire"),
                        U(inputs, "pub_video_privilege_expire"), U(inputs, "pub_data_stream_privilege_expire"),
                        S(inputs, "rtm_user_id"), U(inputs, "rtm_token_expire"), issueTs, salt);
                case "FpaTokenBuilder.BuildToken":
                    return TokenBuilders.FpaTokenAt(app, cert, issueTs, salt);
                case "RtcTokenBuilder.buildTokenWithUid":
                    return TokenBuilders.Rtc006TokenWithUidAt(app, cert, S(inputs, "channel_name"), N(inputs, "uid"),
                        (int)N(inputs, "role"), U(inputs, "privilege_expired_ts"), clock, salt);
                case "RtcTokenBuilder.buildTokenWithUserAccount":
                    return TokenBuilders.Rtc006TokenWithAccountAt(app, cert, S(inputs, "channel_name"),
                        S(inputs, "account"), (int)N(inputs, "role"), U(inputs, "privilege_expired_ts"), clock, salt);
                case "RtmTokenBuilder.buildToken":
                    return TokenBuilders.Rtm006TokenAt(app, cert, S(inputs, "user_account"),
                        U(inputs, "privilege_expired_ts"), clock, salt);
                default:
                    return null;
            }
        }

        /// <summary>A string input; "&lt;70000-byte string: xxx...&gt;" stands for 70000 times 'x'.</summary>
        private static string S(Dictionary<string, object> inputs, string key)
        {
            var value = (string)inputs[key];
            var m = Generated.Match(value);
            return m.Success ? new string(m.Groups[2].Value[0], int.Parse(m.Groups[1].Value)) : value;
        }

        private static long N(Dictionary<string, object> inputs, string key) { return Json.Num(inputs[key]); }

        /// <summary>A uint32 input; values outside the range fail here, as they would at the call site.</summary>
        private static uint U(Dictionary<string, object> inputs, string key) { return checked((uint)Json.Num(inputs[key])); }

        internal static string PermissionsJson(List<object> permissions)
        {
            var sb = new StringBuilder("[");
            foreach (object o in permissions)
            {
                var p = Json.Obj(o);
                if (sb.Length > 1) sb.Append(',');
                sb.Append("{\"resource_type\":").Append(Json.Num(p["resource_type"]))
                  .Append(",\"permission_type\":").Append(Json.Num(p["permission_type"]))
                  .Append(",\"resources\":[");
                var resources = Json.Arr(p["resources"]);
                for (int i = 0; i < resources.Count; i++)
                    sb.Append(i == 0 ? "" : ",").Append('"').Append((string)resources[i]).Append('"');
                sb.Append("]}");
            }
            return sb.Append(']').ToString();
        }
    }
}
