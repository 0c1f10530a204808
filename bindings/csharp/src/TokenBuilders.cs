namespace EduAuth
{
    /// <summary>
    /// Token builders (the server half of the format; spec token-format.md §2.6 for 007, §3.4
    /// for 006), byte-compatible with Agora's reference builders for the same inputs, issue
    /// time and salt. A production app builds tokens on its server, not on devices.
    /// Each builder reads the current UTC time and a CSPRNG salt; the ...At form takes an
    /// explicit issueTs (006: clockTs) and salt for reproducible output.
    /// Units: 007 expire arguments are seconds RELATIVE to issueTs, 0..86400 (case C-03); 006
    /// privilegeExpiredTs is an ABSOLUTE Unix time in seconds (0 = no limit); issueTs / clockTs
    /// are absolute Unix seconds. uids are uint; the overloads taking a long uid accept
    /// 0..4294967295 and reinterpret a negative int value as unsigned (-1412626023 is
    /// 2882341273, case C-02). Strings are sent as UTF-8 (case C-08).
    /// Errors: EduAuthException InvalidArgument naming the field and value; the certificate
    /// never appears in messages. Thread-safety: reentrant.
    /// </summary>
    public static class TokenBuilders
    {
        public const int RtcRolePublisher = EduAuthNative.EDUAUTH_RTC_ROLE_PUBLISHER;
        public const int RtcRoleSubscriber = EduAuthNative.EDUAUTH_RTC_ROLE_SUBSCRIBER;
        public const int Rtc006RoleAttendee = EduAuthNative.EDUAUTH_RTC006_ROLE_ATTENDEE;
        public const int Rtc006RolePublisher = EduAuthNative.EDUAUTH_RTC006_ROLE_PUBLISHER;
        public const int Rtc006RoleSubscriber = EduAuthNative.EDUAUTH_RTC006_ROLE_SUBSCRIBER;
        public const int Rtc006RoleAdmin = EduAuthNative.EDUAUTH_RTC006_ROLE_ADMIN;

        private static string Done(int rc, string token)
        {
            EduAuthException.Check(rc);
            return token;
        }

        // ---- Flexible Classroom (education / APaaS) ---------------------------------------

        /// <summary>EducationTokenBuilder2::BuildRoomUserToken: APaaS room-user + RTM login + Chat user.</summary>
        public static string EducationRoomUserToken(string appId, string appCertificate, string roomUuid,
            string userUuid, int role, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_room_user_token(out t, appId, appCertificate,
                roomUuid, userUuid, role, expire), t);
        }

        public static string EducationRoomUserTokenAt(string appId, string appCertificate, string roomUuid,
            string userUuid, int role, uint expire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_room_user_token_at(out t, appId, appCertificate,
                roomUuid, userUuid, role, expire, issueTs, salt), t);
        }

        /// <summary>EducationTokenBuilder2::BuildUserToken.</summary>
        public static string EducationUserToken(string appId, string appCertificate, string userUuid, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_user_token(out t, appId, appCertificate, userUuid,
                expire), t);
        }

        public static string EducationUserTokenAt(string appId, string appCertificate, string userUuid,
            uint expire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_user_token_at(out t, appId, appCertificate,
                userUuid, expire, issueTs, salt), t);
        }

        /// <summary>EducationTokenBuilder2::BuildAppToken.</summary>
        public static string EducationAppToken(string appId, string appCertificate, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_app_token(out t, appId, appCertificate, expire), t);
        }

        public static string EducationAppTokenAt(string appId, string appCertificate, uint expire, uint issueTs,
            uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_education_app_token_at(out t, appId, appCertificate, expire,
                issueTs, salt), t);
        }

        // ---- RTM / Chat -------------------------------------------------------------------

        /// <summary>RtmTokenBuilder2::BuildToken: RTM(userId) login = expire.</summary>
        public static string RtmToken(string appId, string appCertificate, string userId, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm_token(out t, appId, appCertificate, userId, expire), t);
        }

        public static string RtmTokenAt(string appId, string appCertificate, string userId, uint expire,
            uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm_token_at(out t, appId, appCertificate, userId, expire,
                issueTs, salt), t);
        }

        /// <summary>
        /// RTM2 with permissions: a JSON array of
        /// {"resource_type": 0..4, "permission_type": 0..1, "resources": [...]} ("[]" = none).
        /// </summary>
        public static string RtmTokenWithPermissions(string appId, string appCertificate, string userId,
            string permissionsJson, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm_token_with_permissions(out t, appId, appCertificate,
                userId, permissionsJson, expire), t);
        }

        public static string RtmTokenWithPermissionsAt(string appId, string appCertificate, string userId,
            string permissionsJson, uint expire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm_token_with_permissions_at(out t, appId, appCertificate,
                userId, permissionsJson, expire, issueTs, salt), t);
        }

        /// <summary>ChatTokenBuilder2::BuildUserToken.</summary>
        public static string ChatUserToken(string appId, string appCertificate, string userId, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_chat_user_token(out t, appId, appCertificate, userId, expire), t);
        }

        public static string ChatUserTokenAt(string appId, string appCertificate, string userId, uint expire,
            uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_chat_user_token_at(out t, appId, appCertificate, userId,
                expire, issueTs, salt), t);
        }

        /// <summary>ChatTokenBuilder2::BuildAppToken.</summary>
        public static string ChatAppToken(string appId, string appCertificate, uint expire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_chat_app_token(out t, appId, appCertificate, expire), t);
        }

        public static string ChatAppTokenAt(string appId, string appCertificate, uint expire, uint issueTs,
            uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_chat_app_token_at(out t, appId, appCertificate, expire,
                issueTs, salt), t);
        }

        // ---- RTC (007) ----------------------------------------------------------------------

        /// <summary>RtcTokenBuilder2::BuildTokenWithUid (role form).</summary>
        public static string RtcTokenWithUid(string appId, string appCertificate, string channelName, uint uid,
            int role, uint tokenExpire, uint privilegeExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_uid(out t, appId, appCertificate, channelName,
                uid, role, tokenExpire, privilegeExpire), t);
        }

        /// <summary>As above with a uid held in a signed / wider integer (case C-02).</summary>
        public static string RtcTokenWithUid(string appId, string appCertificate, string channelName, long uid,
            int role, uint tokenExpire, uint privilegeExpire)
        {
            return RtcTokenWithUid(appId, appCertificate, channelName, Uint32.Uid("uid", uid), role, tokenExpire,
                privilegeExpire);
        }

        public static string RtcTokenWithUidAt(string appId, string appCertificate, string channelName, uint uid,
            int role, uint tokenExpire, uint privilegeExpire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_uid_at(out t, appId, appCertificate,
                channelName, uid, role, tokenExpire, privilegeExpire, issueTs, salt), t);
        }

        public static string RtcTokenWithUidAt(string appId, string appCertificate, string channelName, long uid,
            int role, uint tokenExpire, uint privilegeExpire, uint issueTs, uint salt)
        {
            return RtcTokenWithUidAt(appId, appCertificate, channelName, Uint32.Uid("uid", uid), role,
                tokenExpire, privilegeExpire, issueTs, salt);
        }

        /// <summary>RtcTokenBuilder2::BuildTokenWithUserAccount (role form); account used verbatim.</summary>
        public static string RtcTokenWithAccount(string appId, string appCertificate, string channelName,
            string account, int role, uint tokenExpire, uint privilegeExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_account(out t, appId, appCertificate,
                channelName, account, role, tokenExpire, privilegeExpire), t);
        }

        public static string RtcTokenWithAccountAt(string appId, string appCertificate, string channelName,
            string account, int role, uint tokenExpire, uint privilegeExpire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_account_at(out t, appId, appCertificate,
                channelName, account, role, tokenExpire, privilegeExpire, issueTs, salt), t);
        }

        /// <summary>Per-privilege RTC form with a uid.</summary>
        public static string RtcTokenWithUidPrivileges(string appId, string appCertificate, string channelName,
            uint uid, uint tokenExpire, uint joinChannelExpire, uint pubAudioExpire, uint pubVideoExpire,
            uint pubDataStreamExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_uid_privileges(out t, appId, appCertificate,
                channelName, uid, tokenExpire, joinChannelExpire, pubAudioExpire, pubVideoExpire,
                pubDataStreamExpire), t);
        }

        public static string RtcTokenWithUidPrivilegesAt(string appId, string appCertificate, string channelName,
            uint uid, uint tokenExpire, uint joinChannelExpire, uint pubAudioExpire, uint pubVideoExpire,
            uint pubDataStreamExpire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_uid_privileges_at(out t, appId,
                appCertificate, channelName, uid, tokenExpire, joinChannelExpire, pubAudioExpire, pubVideoExpire,
                pubDataStreamExpire, issueTs, salt), t);
        }

        public static string RtcTokenWithUidPrivilegesAt(string appId, string appCertificate, string channelName,
            long uid, uint tokenExpire, uint joinChannelExpire, uint pubAudioExpire, uint pubVideoExpire,
            uint pubDataStreamExpire, uint issueTs, uint salt)
        {
            return RtcTokenWithUidPrivilegesAt(appId, appCertificate, channelName, Uint32.Uid("uid", uid),
                tokenExpire, joinChannelExpire, pubAudioExpire, pubVideoExpire, pubDataStreamExpire, issueTs, salt);
        }

        /// <summary>Per-privilege RTC form with a user account.</summary>
        public static string RtcTokenWithAccountPrivileges(string appId, string appCertificate,
            string channelName, string account, uint tokenExpire, uint joinChannelExpire, uint pubAudioExpire,
            uint pubVideoExpire, uint pubDataStreamExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_account_privileges(out t, appId,
                appCertificate, channelName, account, tokenExpire, joinChannelExpire, pubAudioExpire,
                pubVideoExpire, pubDataStreamExpire), t);
        }

        public static string RtcTokenWithAccountPrivilegesAt(string appId, string appCertificate,
            string channelName, string account, uint tokenExpire, uint joinChannelExpire, uint pubAudioExpire,
            uint pubVideoExpire, uint pubDataStreamExpire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_token_with_account_privileges_at(out t, appId,
                appCertificate, channelName, account, tokenExpire, joinChannelExpire, pubAudioExpire,
                pubVideoExpire, pubDataStreamExpire, issueTs, salt), t);
        }

        /// <summary>RtcTokenBuilder2::BuildTokenWithRtm: the role form plus RTM(account) login.</summary>
        public static string RtcRtmToken(string appId, string appCertificate, string channelName, string account,
            int role, uint tokenExpire, uint privilegeExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_rtm_token(out t, appId, appCertificate, channelName,
                account, role, tokenExpire, privilegeExpire), t);
        }

        public static string RtcRtmTokenAt(string appId, string appCertificate, string channelName,
            string account, int role, uint tokenExpire, uint privilegeExpire, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_rtm_token_at(out t, appId, appCertificate, channelName,
                account, role, tokenExpire, privilegeExpire, issueTs, salt), t);
        }

        /// <summary>RtcTokenBuilder2::BuildTokenWithRtm2; all values relative seconds.</summary>
        public static string RtcRtm2Token(string appId, string appCertificate, string channelName,
            string rtcAccount, int rtcRole, uint rtcTokenExpire, uint joinChannelExpire, uint pubAudioExpire,
            uint pubVideoExpire, uint pubDataStreamExpire, string rtmUserId, uint rtmTokenExpire)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_rtm2_token(out t, appId, appCertificate, channelName,
                rtcAccount, rtcRole, rtcTokenExpire, joinChannelExpire, pubAudioExpire, pubVideoExpire,
                pubDataStreamExpire, rtmUserId, rtmTokenExpire), t);
        }

        public static string RtcRtm2TokenAt(string appId, string appCertificate, string channelName,
            string rtcAccount, int rtcRole, uint rtcTokenExpire, uint joinChannelExpire, uint pubAudioExpire,
            uint pubVideoExpire, uint pubDataStreamExpire, string rtmUserId, uint rtmTokenExpire, uint issueTs,
            uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc_rtm2_token_at(out t, appId, appCertificate, channelName,
                rtcAccount, rtcRole, rtcTokenExpire, joinChannelExpire, pubAudioExpire, pubVideoExpire,
                pubDataStreamExpire, rtmUserId, rtmTokenExpire, issueTs, salt), t);
        }

        /// <summary>FpaTokenBuilder::BuildToken (token expire fixed at 86400 s).</summary>
        public static string FpaToken(string appId, string appCertificate)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_fpa_token(out t, appId, appCertificate), t);
        }

        public static string FpaTokenAt(string appId, string appCertificate, uint issueTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_fpa_token_at(out t, appId, appCertificate, issueTs, salt), t);
        }

        // ---- legacy 006 -------------------------------------------------------------------

        /// <summary>RtcTokenBuilder::buildTokenWithUid (006); privilegeExpiredTs ABSOLUTE Unix seconds.</summary>
        public static string Rtc006TokenWithUid(string appId, string appCertificate, string channelName, uint uid,
            int role, uint privilegeExpiredTs)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc006_token_with_uid(out t, appId, appCertificate,
                channelName, uid, role, privilegeExpiredTs), t);
        }

        public static string Rtc006TokenWithUidAt(string appId, string appCertificate, string channelName,
            uint uid, int role, uint privilegeExpiredTs, uint clockTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc006_token_with_uid_at(out t, appId, appCertificate,
                channelName, uid, role, privilegeExpiredTs, clockTs, salt), t);
        }

        public static string Rtc006TokenWithUidAt(string appId, string appCertificate, string channelName,
            long uid, int role, uint privilegeExpiredTs, uint clockTs, uint salt)
        {
            return Rtc006TokenWithUidAt(appId, appCertificate, channelName, Uint32.Uid("uid", uid), role,
                privilegeExpiredTs, clockTs, salt);
        }

        /// <summary>RtcTokenBuilder::buildTokenWithUserAccount (006).</summary>
        public static string Rtc006TokenWithAccount(string appId, string appCertificate, string channelName,
            string account, int role, uint privilegeExpiredTs)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc006_token_with_account(out t, appId, appCertificate,
                channelName, account, role, privilegeExpiredTs), t);
        }

        public static string Rtc006TokenWithAccountAt(string appId, string appCertificate, string channelName,
            string account, int role, uint privilegeExpiredTs, uint clockTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtc006_token_with_account_at(out t, appId, appCertificate,
                channelName, account, role, privilegeExpiredTs, clockTs, salt), t);
        }

        /// <summary>RtmTokenBuilder::buildToken (006): RTM login (1000) = privilegeExpiredTs (absolute).</summary>
        public static string Rtm006Token(string appId, string appCertificate, string userAccount,
            uint privilegeExpiredTs)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm006_token(out t, appId, appCertificate, userAccount,
                privilegeExpiredTs), t);
        }

        public static string Rtm006TokenAt(string appId, string appCertificate, string userAccount,
            uint privilegeExpiredTs, uint clockTs, uint salt)
        {
            string t;
            return Done(EduAuthNative.eduauth_build_rtm006_token_at(out t, appId, appCertificate, userAccount,
                privilegeExpiredTs, clockTs, salt), t);
        }
    }
}
