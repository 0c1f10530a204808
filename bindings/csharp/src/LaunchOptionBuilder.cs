using System;

namespace EduAuth
{
    /// <summary>
    /// Builds the classroom launchOption JSON (spec launch-option.md) and checks it against the
    /// token: appId, userUuid, roomUuid and roleType inside the token must equal the launch
    /// values (case C-14). Setters only store; Build validates, naming the field and value.
    /// Byte limits count UTF-8 bytes (case C-08). Not thread-safe.
    /// </summary>
    public sealed class LaunchOptionBuilder : IDisposable
    {
        public const int RoleNone = EduAuthNative.EDUAUTH_ROLE_NONE;
        public const int RoleInvisible = EduAuthNative.EDUAUTH_ROLE_INVISIBLE;
        public const int RoleTeacher = EduAuthNative.EDUAUTH_ROLE_TEACHER;
        public const int RoleStudent = EduAuthNative.EDUAUTH_ROLE_STUDENT;
        public const int RoleAssistant = EduAuthNative.EDUAUTH_ROLE_ASSISTANT;
        public const int RoleObserver = EduAuthNative.EDUAUTH_ROLE_OBSERVER;
        public const int RoomOneToOne = EduAuthNative.EDUAUTH_ROOM_ONE_TO_ONE;
        public const int RoomLectureHall = EduAuthNative.EDUAUTH_ROOM_LECTURE_HALL;
        public const int RoomSmallClass = EduAuthNative.EDUAUTH_ROOM_SMALL_CLASS;

        private readonly LaunchOptionHandle handle;

        public LaunchOptionBuilder()
        {
            EduAuthException.Check(EduAuthNative.eduauth_launch_option_new(out handle));
        }

        private LaunchOptionBuilder Set(int rc)
        {
            EduAuthException.Check(rc);
            return this;
        }

        /// <summary>"web" (default, token field `token`) or "web-2.8" (`rtmToken`).</summary>
        public LaunchOptionBuilder Profile(string profile) { return Set(EduAuthNative.eduauth_launch_option_set_profile(handle, profile)); }
        public LaunchOptionBuilder UserUuid(string v) { return Set(EduAuthNative.eduauth_launch_option_set_user_uuid(handle, v)); }
        public LaunchOptionBuilder UserName(string v) { return Set(EduAuthNative.eduauth_launch_option_set_user_name(handle, v)); }
        public LaunchOptionBuilder RoomUuid(string v) { return Set(EduAuthNative.eduauth_launch_option_set_room_uuid(handle, v)); }
        public LaunchOptionBuilder RoomName(string v) { return Set(EduAuthNative.eduauth_launch_option_set_room_name(handle, v)); }
        /// <summary>Role* (-1..4).</summary>
        public LaunchOptionBuilder RoleType(int v) { return Set(EduAuthNative.eduauth_launch_option_set_role_type(handle, v)); }
        /// <summary>Room* (0, 2 or 4).</summary>
        public LaunchOptionBuilder RoomType(int v) { return Set(EduAuthNative.eduauth_launch_option_set_room_type(handle, v)); }
        /// <summary>The token (never logged).</summary>
        public LaunchOptionBuilder Token(string v) { return Set(EduAuthNative.eduauth_launch_option_set_token(handle, v)); }
        public LaunchOptionBuilder Pretest(bool v) { return Set(EduAuthNative.eduauth_launch_option_set_pretest(handle, v ? 1 : 0)); }
        /// <summary>"en" or "zh".</summary>
        public LaunchOptionBuilder Language(string v) { return Set(EduAuthNative.eduauth_launch_option_set_language(handle, v)); }
        /// <summary>Class length in SECONDS, 1..86400.</summary>
        public LaunchOptionBuilder DurationS(long seconds) { return Set(EduAuthNative.eduauth_launch_option_set_duration_s(handle, seconds)); }
        public LaunchOptionBuilder AppId(string v) { return Set(EduAuthNative.eduauth_launch_option_set_app_id(handle, v)); }
        /// <summary>"CN" (default), "AP", "EU" or "NA".</summary>
        public LaunchOptionBuilder Region(string v) { return Set(EduAuthNative.eduauth_launch_option_set_region(handle, v)); }
        /// <summary>Class start, ABSOLUTE Unix time in MILLISECONDS.</summary>
        public LaunchOptionBuilder StartTimeMs(long unixMs) { return Set(EduAuthNative.eduauth_launch_option_set_start_time_ms(handle, unixMs)); }
        public LaunchOptionBuilder RecordUrl(string v) { return Set(EduAuthNative.eduauth_launch_option_set_record_url(handle, v)); }
        /// <summary>recordRetryTimeout in MILLISECONDS.</summary>
        public LaunchOptionBuilder RecordRetryTimeoutMs(long ms) { return Set(EduAuthNative.eduauth_launch_option_set_record_retry_timeout_ms(handle, ms)); }
        public LaunchOptionBuilder LatencyLevel(int v) { return Set(EduAuthNative.eduauth_launch_option_set_latency_level(handle, v)); }
        public LaunchOptionBuilder Platform(string v) { return Set(EduAuthNative.eduauth_launch_option_set_platform(handle, v)); }
        public LaunchOptionBuilder UiMode(string v) { return Set(EduAuthNative.eduauth_launch_option_set_ui_mode(handle, v)); }
        public LaunchOptionBuilder ShareUrl(string v) { return Set(EduAuthNative.eduauth_launch_option_set_share_url(handle, v)); }
        public LaunchOptionBuilder WebrtcExtensionBaseUrl(string v) { return Set(EduAuthNative.eduauth_launch_option_set_webrtc_extension_base_url(handle, v)); }
        public LaunchOptionBuilder RtcCloudProxyType(int v) { return Set(EduAuthNative.eduauth_launch_option_set_rtc_cloud_proxy_type(handle, v)); }
        public LaunchOptionBuilder RtmCloudProxyEnabled(bool v) { return Set(EduAuthNative.eduauth_launch_option_set_rtm_cloud_proxy_enabled(handle, v ? 1 : 0)); }
        /// <summary>A nested field from JSON text ("courseWareList", "mediaOptions", ...).</summary>
        public LaunchOptionBuilder Json(string field, string json) { return Set(EduAuthNative.eduauth_launch_option_set_json(handle, field, json)); }
        /// <summary>true: Build fails when the token's remaining life is shorter than the duration.</summary>
        public LaunchOptionBuilder RequireTokenLifetime(bool v) { return Set(EduAuthNative.eduauth_launch_option_set_require_token_lifetime(handle, v ? 1 : 0)); }

        /// <summary>Validates and returns the compact JSON, judging expiry at the current time.</summary>
        /// <exception cref="EduAuthException">InvalidLaunchOption, LaunchTokenMismatch (C-14), MalformedToken.</exception>
        public string Build()
        {
            string json;
            EduAuthException.Check(EduAuthNative.eduauth_launch_option_build(out json, handle));
            return json;
        }

        /// <summary>Like Build, judging expiry at nowUnixS (ABSOLUTE Unix seconds).</summary>
        public string BuildAt(long nowUnixS)
        {
            string json;
            EduAuthException.Check(EduAuthNative.eduauth_launch_option_build_at(out json, handle, nowUnixS));
            return json;
        }

        public void Dispose()
        {
            handle.Dispose();
        }
    }
}
