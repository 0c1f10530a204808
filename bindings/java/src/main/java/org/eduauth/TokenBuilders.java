package org.eduauth;

/**
 * Token builders (the server half of the format; spec token-format.md §2.6 for 007, §3.4 for
 * 006), byte-compatible with Agora's reference builders for the same inputs, issue time and
 * salt. A production app builds tokens on its server, never with the certificate on a device.
 *
 * <p>Each builder has a form that reads the current UTC time and a CSPRNG salt, and an
 * {@code ...At} form with an explicit {@code issueTs} (006: {@code clockTs}) and salt for
 * reproducible output.
 *
 * <p>Units: 007 {@code expire} / {@code *Expire} arguments are seconds RELATIVE to issueTs,
 * 0..86400 (a larger value looks like an absolute time and is refused, case C-03). 006
 * {@code privilegeExpiredTs} is an ABSOLUTE Unix time in seconds (0 = no limit). issueTs /
 * clockTs are absolute Unix seconds. Every uint32 argument is a long checked against
 * 0..4294967295 (EduAuthException INVALID_ARGUMENT naming it otherwise); a uid may also be a
 * negative int value, which is reinterpreted as the unsigned uid (-1412626023 is 2882341273,
 * case C-02). uid 0 means "any user". Strings are sent as UTF-8 (case C-08).
 *
 * <p>Errors: EduAuthException INVALID_ARGUMENT naming the field and value (App ID or
 * certificate not 32 hex characters, role or expire out of range, string too long); the
 * certificate never appears in messages. Thread-safety: all methods are reentrant.
 */
public final class TokenBuilders {
  private TokenBuilders() {}

  /** 007 RTC role: publisher (join + publish audio/video/data). */
  public static final int RTC_ROLE_PUBLISHER = EduAuthNative.EDUAUTH_RTC_ROLE_PUBLISHER;
  /** 007 RTC role: subscriber (join only). */
  public static final int RTC_ROLE_SUBSCRIBER = EduAuthNative.EDUAUTH_RTC_ROLE_SUBSCRIBER;
  public static final int RTC006_ROLE_ATTENDEE = EduAuthNative.EDUAUTH_RTC006_ROLE_ATTENDEE;
  public static final int RTC006_ROLE_PUBLISHER = EduAuthNative.EDUAUTH_RTC006_ROLE_PUBLISHER;
  public static final int RTC006_ROLE_SUBSCRIBER = EduAuthNative.EDUAUTH_RTC006_ROLE_SUBSCRIBER;
  public static final int RTC006_ROLE_ADMIN = EduAuthNative.EDUAUTH_RTC006_ROLE_ADMIN;

  private static String done(int rc, String[] out) {
    EduAuthException.check(rc);
    return out[0];
  }

  private static long u32(String field, long value) {
    return Uint32.check(field, value);
  }

  // ---- Flexible Classroom (education / APaaS) ----------------------------------------------

  /** EducationTokenBuilder2::BuildRoomUserToken: APaaS room-user + RTM login + Chat user. */
  public static String educationRoomUserToken(String appId, String appCertificate, String roomUuid,
      String userUuid, int role, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_room_user_token(out, appId, appCertificate,
        roomUuid, userUuid, role, u32("expire", expire)), out);
  }

  public static String educationRoomUserTokenAt(String appId, String appCertificate, String roomUuid,
      String userUuid, int role, long expire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_room_user_token_at(out, appId, appCertificate,
        roomUuid, userUuid, role, u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** EducationTokenBuilder2::BuildUserToken. */
  public static String educationUserToken(String appId, String appCertificate, String userUuid, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_user_token(out, appId, appCertificate, userUuid,
        u32("expire", expire)), out);
  }

  public static String educationUserTokenAt(String appId, String appCertificate, String userUuid,
      long expire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_user_token_at(out, appId, appCertificate, userUuid,
        u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** EducationTokenBuilder2::BuildAppToken. */
  public static String educationAppToken(String appId, String appCertificate, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_app_token(out, appId, appCertificate,
        u32("expire", expire)), out);
  }

  public static String educationAppTokenAt(String appId, String appCertificate, long expire, long issueTs,
      long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_education_app_token_at(out, appId, appCertificate,
        u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  // ---- RTM / Chat ---------------------------------------------------------------------------

  /** RtmTokenBuilder2::BuildToken: RTM(userId) login = expire. */
  public static String rtmToken(String appId, String appCertificate, String userId, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm_token(out, appId, appCertificate, userId,
        u32("expire", expire)), out);
  }

  public static String rtmTokenAt(String appId, String appCertificate, String userId, long expire,
      long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm_token_at(out, appId, appCertificate, userId,
        u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /**
   * RTM2 with permissions: permissionsJson is a JSON array of
   * {"resource_type": 0..4, "permission_type": 0..1, "resources": [...]} ("[]" = none).
   */
  public static String rtmTokenWithPermissions(String appId, String appCertificate, String userId,
      String permissionsJson, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm_token_with_permissions(out, appId, appCertificate, userId,
        permissionsJson, u32("expire", expire)), out);
  }

  public static String rtmTokenWithPermissionsAt(String appId, String appCertificate, String userId,
      String permissionsJson, long expire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm_token_with_permissions_at(out, appId, appCertificate,
        userId, permissionsJson, u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** ChatTokenBuilder2::BuildUserToken. */
  public static String chatUserToken(String appId, String appCertificate, String userId, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_chat_user_token(out, appId, appCertificate, userId,
        u32("expire", expire)), out);
  }

  public static String chatUserTokenAt(String appId, String appCertificate, String userId, long expire,
      long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_chat_user_token_at(out, appId, appCertificate, userId,
        u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** ChatTokenBuilder2::BuildAppToken. */
  public static String chatAppToken(String appId, String appCertificate, long expire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_chat_app_token(out, appId, appCertificate,
        u32("expire", expire)), out);
  }

  public static String chatAppTokenAt(String appId, String appCertificate, long expire, long issueTs,
      long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_chat_app_token_at(out, appId, appCertificate,
        u32("expire", expire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  // ---- RTC (007) ----------------------------------------------------------------------------

  /** RtcTokenBuilder2::BuildTokenWithUid (role form). */
  public static String rtcTokenWithUid(String appId, String appCertificate, String channelName, long uid,
      int role, long tokenExpire, long privilegeExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_uid(out, appId, appCertificate, channelName,
        Uint32.uid("uid", uid), role, u32("token_expire", tokenExpire),
        u32("privilege_expire", privilegeExpire)), out);
  }

  public static String rtcTokenWithUidAt(String appId, String appCertificate, String channelName, long uid,
      int role, long tokenExpire, long privilegeExpire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_uid_at(out, appId, appCertificate, channelName,
        Uint32.uid("uid", uid), role, u32("token_expire", tokenExpire),
        u32("privilege_expire", privilegeExpire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** RtcTokenBuilder2::BuildTokenWithUserAccount (role form); the account is used verbatim. */
  public static String rtcTokenWithAccount(String appId, String appCertificate, String channelName,
      String account, int role, long tokenExpire, long privilegeExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_account(out, appId, appCertificate, channelName,
        account, role, u32("token_expire", tokenExpire), u32("privilege_expire", privilegeExpire)), out);
  }

  public static String rtcTokenWithAccountAt(String appId, String appCertificate, String channelName,
      String account, int role, long tokenExpire, long privilegeExpire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_account_at(out, appId, appCertificate,
        channelName, account, role, u32("token_expire", tokenExpire),
        u32("privilege_expire", privilegeExpire), u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** Per-privilege RTC form with a uid: join and publish audio / video / data each get a value. */
  public static String rtcTokenWithUidPrivileges(String appId, String appCertificate, String channelName,
      long uid, long tokenExpire, long joinChannelExpire, long pubAudioExpire, long pubVideoExpire,
      long pubDataStreamExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_uid_privileges(out, appId, appCertificate,
        channelName, Uint32.uid("uid", uid), u32("token_expire", tokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire)), out);
  }

  public static String rtcTokenWithUidPrivilegesAt(String appId, String appCertificate, String channelName,
      long uid, long tokenExpire, long joinChannelExpire, long pubAudioExpire, long pubVideoExpire,
      long pubDataStreamExpire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_uid_privileges_at(out, appId, appCertificate,
        channelName, Uint32.uid("uid", uid), u32("token_expire", tokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire),
        u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** Per-privilege RTC form with a user account. */
  public static String rtcTokenWithAccountPrivileges(String appId, String appCertificate,
      String channelName, String account, long tokenExpire, long joinChannelExpire, long pubAudioExpire,
      long pubVideoExpire, long pubDataStreamExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_account_privileges(out, appId, appCertificate,
        channelName, account, u32("token_expire", tokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire)), out);
  }

  public static String rtcTokenWithAccountPrivilegesAt(String appId, String appCertificate,
      String channelName, String account, long tokenExpire, long joinChannelExpire, long pubAudioExpire,
      long pubVideoExpire, long pubDataStreamExpire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_token_with_account_privileges_at(out, appId,
        appCertificate, channelName, account, u32("token_expire", tokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire),
        u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** RtcTokenBuilder2::BuildTokenWithRtm: the role form plus RTM(account) login. */
  public static String rtcRtmToken(String appId, String appCertificate, String channelName, String account,
      int role, long tokenExpire, long privilegeExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_rtm_token(out, appId, appCertificate, channelName, account,
        role, u32("token_expire", tokenExpire), u32("privilege_expire", privilegeExpire)), out);
  }

  public static String rtcRtmTokenAt(String appId, String appCertificate, String channelName,
      String account, int role, long tokenExpire, long privilegeExpire, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_rtm_token_at(out, appId, appCertificate, channelName,
        account, role, u32("token_expire", tokenExpire), u32("privilege_expire", privilegeExpire),
        u32("issue_ts", issueTs), u32("salt", salt)), out);
  }

  /** RtcTokenBuilder2::BuildTokenWithRtm2. All values relative seconds. */
  public static String rtcRtm2Token(String appId, String appCertificate, String channelName,
      String rtcAccount, int rtcRole, long rtcTokenExpire, long joinChannelExpire, long pubAudioExpire,
      long pubVideoExpire, long pubDataStreamExpire, String rtmUserId, long rtmTokenExpire) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_rtm2_token(out, appId, appCertificate, channelName,
        rtcAccount, rtcRole, u32("rtc_token_expire", rtcTokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire),
        rtmUserId, u32("rtm_token_expire", rtmTokenExpire)), out);
  }

  public static String rtcRtm2TokenAt(String appId, String appCertificate, String channelName,
      String rtcAccount, int rtcRole, long rtcTokenExpire, long joinChannelExpire, long pubAudioExpire,
      long pubVideoExpire, long pubDataStreamExpire, String rtmUserId, long rtmTokenExpire, long issueTs,
      long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc_rtm2_token_at(out, appId, appCertificate, channelName,
        rtcAccount, rtcRole, u32("rtc_token_expire", rtcTokenExpire),
        u32("join_channel_expire", joinChannelExpire), u32("pub_audio_expire", pubAudioExpire),
        u32("pub_video_expire", pubVideoExpire), u32("pub_data_stream_expire", pubDataStreamExpire),
        rtmUserId, u32("rtm_token_expire", rtmTokenExpire), u32("issue_ts", issueTs), u32("salt", salt)),
        out);
  }

  /** FpaTokenBuilder::BuildToken (token expire fixed at 86400 s). */
  public static String fpaToken(String appId, String appCertificate) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_fpa_token(out, appId, appCertificate), out);
  }

  public static String fpaTokenAt(String appId, String appCertificate, long issueTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_fpa_token_at(out, appId, appCertificate, u32("issue_ts", issueTs),
        u32("salt", salt)), out);
  }

  // ---- legacy 006 ---------------------------------------------------------------------------

  /** RtcTokenBuilder::buildTokenWithUid (006); privilegeExpiredTs ABSOLUTE Unix seconds. */
  public static String rtc006TokenWithUid(String appId, String appCertificate, String channelName, long uid,
      int role, long privilegeExpiredTs) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc006_token_with_uid(out, appId, appCertificate, channelName,
        Uint32.uid("uid", uid), role, u32("privilege_expired_ts", privilegeExpiredTs)), out);
  }

  /** 006 with the clock time (ts = clockTs + 86400) and salt. */
  public static String rtc006TokenWithUidAt(String appId, String appCertificate, String channelName,
      long uid, int role, long privilegeExpiredTs, long clockTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc006_token_with_uid_at(out, appId, appCertificate,
        channelName, Uint32.uid("uid", uid), role, u32("privilege_expired_ts", privilegeExpiredTs),
        u32("clock_ts", clockTs), u32("salt", salt)), out);
  }

  /** RtcTokenBuilder::buildTokenWithUserAccount (006). */
  public static String rtc006TokenWithAccount(String appId, String appCertificate, String channelName,
      String account, int role, long privilegeExpiredTs) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc006_token_with_account(out, appId, appCertificate,
        channelName, account, role, u32("privilege_expired_ts", privilegeExpiredTs)), out);
  }

  public static String rtc006TokenWithAccountAt(String appId, String appCertificate, String channelName,
      String account, int role, long privilegeExpiredTs, long clockTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtc006_token_with_account_at(out, appId, appCertificate,
        channelName, account, role, u32("privilege_expired_ts", privilegeExpiredTs), u32("clock_ts", clockTs),
        u32("salt", salt)), out);
  }

  /** RtmTokenBuilder::buildToken (006): RTM login (1000) = privilegeExpiredTs (absolute). */
  public static String rtm006Token(String appId, String appCertificate, String userAccount,
      long privilegeExpiredTs) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm006_token(out, appId, appCertificate, userAccount,
        u32("privilege_expired_ts", privilegeExpiredTs)), out);
  }

  public static String rtm006TokenAt(String appId, String appCertificate, String userAccount,
      long privilegeExpiredTs, long clockTs, long salt) {
    String[] out = new String[1];
    return done(EduAuthNative.eduauth_build_rtm006_token_at(out, appId, appCertificate, userAccount,
        u32("privilege_expired_ts", privilegeExpiredTs), u32("clock_ts", clockTs), u32("salt", salt)), out);
  }
}
