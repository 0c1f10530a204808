package org.eduauth;

import java.lang.ref.Cleaner;

/**
 * Builds the launchOption JSON of the classroom client (spec launch-option.md) and checks it
 * against the token: appId, userUuid, roomUuid and roleType inside the token must equal the
 * launch values (case C-14). Setters only store (and reject null); {@link #build()} validates
 * and names the field and value. Byte limits count UTF-8 bytes (case C-08).
 *
 * <p>Not thread-safe: use one builder from one thread at a time. Close it; the Cleaner frees
 * one that was not.
 */
public final class LaunchOptionBuilder implements AutoCloseable {
  public static final int ROLE_NONE = EduAuthNative.EDUAUTH_ROLE_NONE;
  public static final int ROLE_INVISIBLE = EduAuthNative.EDUAUTH_ROLE_INVISIBLE;
  public static final int ROLE_TEACHER = EduAuthNative.EDUAUTH_ROLE_TEACHER;
  public static final int ROLE_STUDENT = EduAuthNative.EDUAUTH_ROLE_STUDENT;
  public static final int ROLE_ASSISTANT = EduAuthNative.EDUAUTH_ROLE_ASSISTANT;
  public static final int ROLE_OBSERVER = EduAuthNative.EDUAUTH_ROLE_OBSERVER;
  public static final int ROOM_ONE_TO_ONE = EduAuthNative.EDUAUTH_ROOM_ONE_TO_ONE;
  public static final int ROOM_LECTURE_HALL = EduAuthNative.EDUAUTH_ROOM_LECTURE_HALL;
  public static final int ROOM_SMALL_CLASS = EduAuthNative.EDUAUTH_ROOM_SMALL_CLASS;

  private final NativeHandle handle;
  private final Cleaner.Cleanable cleanable;

  public LaunchOptionBuilder() {
    long[] out = new long[1];
    EduAuthException.check(EduAuthNative.eduauth_launch_option_new(out));
    handle = new NativeHandle("LaunchOptionBuilder", out[0], EduAuthNative::eduauth_launch_option_free);
    cleanable = EduAuth.CLEANER.register(this, handle);
  }

  /** "web" (default; token field `token`) or "web-2.8" (token field `rtmToken`). */
  public LaunchOptionBuilder profile(String profile) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_profile(p, profile));
    return this;
  }

  public LaunchOptionBuilder userUuid(String userUuid) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_user_uuid(p, userUuid));
    return this;
  }

  public LaunchOptionBuilder userName(String userName) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_user_name(p, userName));
    return this;
  }

  public LaunchOptionBuilder roomUuid(String roomUuid) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_room_uuid(p, roomUuid));
    return this;
  }

  public LaunchOptionBuilder roomName(String roomName) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_room_name(p, roomName));
    return this;
  }

  /** ROLE_* (-1..4). */
  public LaunchOptionBuilder roleType(int roleType) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_role_type(p, roleType));
    return this;
  }

  /** ROOM_* (0, 2 or 4). */
  public LaunchOptionBuilder roomType(int roomType) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_room_type(p, roomType));
    return this;
  }

  /** The token (never logged). */
  public LaunchOptionBuilder token(String token) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_token(p, token));
    return this;
  }

  public LaunchOptionBuilder pretest(boolean pretest) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_pretest(p, pretest ? 1 : 0));
    return this;
  }

  /** "en" or "zh". */
  public LaunchOptionBuilder language(String language) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_language(p, language));
    return this;
  }

  /** Class length in SECONDS, 1..86400. */
  public LaunchOptionBuilder durationS(long seconds) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_duration_s(p, seconds));
    return this;
  }

  public LaunchOptionBuilder appId(String appId) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_app_id(p, appId));
    return this;
  }

  /** "CN" (default), "AP", "EU" or "NA". */
  public LaunchOptionBuilder region(String region) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_region(p, region));
    return this;
  }

  /** Class start, ABSOLUTE Unix time in MILLISECONDS. */
  public LaunchOptionBuilder startTimeMs(long unixMs) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_start_time_ms(p, unixMs));
    return this;
  }

  public LaunchOptionBuilder recordUrl(String url) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_record_url(p, url));
    return this;
  }

  /** recordRetryTimeout in MILLISECONDS. */
  public LaunchOptionBuilder recordRetryTimeoutMs(long ms) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_record_retry_timeout_ms(p, ms));
    return this;
  }

  /** 1 low, 2 ultra-low. */
  public LaunchOptionBuilder latencyLevel(int level) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_latency_level(p, level));
    return this;
  }

  /** "PC" or "H5". */
  public LaunchOptionBuilder platform(String platform) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_platform(p, platform));
    return this;
  }

  /** "light" or "dark". */
  public LaunchOptionBuilder uiMode(String uiMode) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_ui_mode(p, uiMode));
    return this;
  }

  public LaunchOptionBuilder shareUrl(String url) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_share_url(p, url));
    return this;
  }

  public LaunchOptionBuilder webrtcExtensionBaseUrl(String url) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_webrtc_extension_base_url(p, url));
    return this;
  }

  /** 0 automatic, 1 UDP, 2 TCP. */
  public LaunchOptionBuilder rtcCloudProxyType(int type) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_rtc_cloud_proxy_type(p, type));
    return this;
  }

  public LaunchOptionBuilder rtmCloudProxyEnabled(boolean enabled) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_rtm_cloud_proxy_enabled(p, enabled ? 1 : 0));
    return this;
  }

  /**
   * A nested field from JSON text: "courseWareList", "mediaOptions", "userFlexProperties",
   * "recordOptions", "virtualBackgroundImages", "virtualBackgroundVideos".
   */
  public LaunchOptionBuilder json(String field, String json) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_json(p, field, json));
    return this;
  }

  /** true: build fails when the token's remaining life is shorter than the duration. */
  public LaunchOptionBuilder requireTokenLifetime(boolean require) {
    handle.call(p -> EduAuthNative.eduauth_launch_option_set_require_token_lifetime(p, require ? 1 : 0));
    return this;
  }

  /**
   * Validates and returns the compact launchOption JSON, judging expiry at the current time.
   *
   * @throws EduAuthException INVALID_LAUNCH_OPTION (field and value), LAUNCH_TOKEN_MISMATCH
   *     (field and both values, case C-14), MALFORMED_TOKEN / UNSUPPORTED_VERSION
   */
  public String build() {
    String[] out = new String[1];
    handle.call(p -> EduAuthNative.eduauth_launch_option_build(out, p));
    return out[0];
  }

  /** Like {@link #build()}, judging expiry at nowUnixS (ABSOLUTE Unix seconds). */
  public String buildAt(long nowUnixS) {
    String[] out = new String[1];
    handle.call(p -> EduAuthNative.eduauth_launch_option_build_at(out, p, nowUnixS));
    return out[0];
  }

  @Override
  public void close() {
    cleanable.clean();
  }
}
