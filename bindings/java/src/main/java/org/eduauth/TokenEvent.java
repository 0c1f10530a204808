package org.eduauth;

/**
 * One client event (DESIGN.md "Events"), copied out of the C event. Immutable. Units:
 * expiresAt is ABSOLUTE Unix seconds (0 when none); secondsLeft is seconds of validity the
 * current token had when the event was made.
 */
public final class TokenEvent {
  /** A new token was installed: token, expiresAt. */
  public static final int TOKEN_REFRESHED = EduAuthNative.EDUAUTH_EVENT_TOKEN_REFRESHED;
  /** The token expires within the lead time: expiresAt, secondsLeft. */
  public static final int WILL_EXPIRE = EduAuthNative.EDUAUTH_EVENT_WILL_EXPIRE;
  /** A refresh failed: status, message, secondsLeft. */
  public static final int REFRESH_FAILED = EduAuthNative.EDUAUTH_EVENT_REFRESH_FAILED;
  /** The cached token expired and no new one is available. */
  public static final int EXPIRED = EduAuthNative.EDUAUTH_EVENT_EXPIRED;
  /** 401/403 from the token server: the user must sign in again. */
  public static final int REAUTH_REQUIRED = EduAuthNative.EDUAUTH_EVENT_REAUTH_REQUIRED;

  private final int type;
  private final String roomUuid;
  private final String userUuid;
  private final int role;
  private final String token;
  private final long expiresAt;
  private final long secondsLeft;
  private final int status;
  private final String message;

  TokenEvent(int type, String roomUuid, String userUuid, int role, String token, long expiresAt,
      long secondsLeft, int status, String message) {
    this.type = type;
    this.roomUuid = roomUuid;
    this.userUuid = userUuid;
    this.role = role;
    this.token = token;
    this.expiresAt = expiresAt;
    this.secondsLeft = secondsLeft;
    this.status = status;
    this.message = message;
  }

  /** Copies a polled C event (the caller frees it). */
  static TokenEvent copyOf(long e) {
    return new TokenEvent(EduAuthNative.eduauth_event_type(e), EduAuthNative.eduauth_event_room_uuid(e),
        EduAuthNative.eduauth_event_user_uuid(e), EduAuthNative.eduauth_event_role(e),
        EduAuthNative.eduauth_event_token(e), EduAuthNative.eduauth_event_expires_at(e),
        EduAuthNative.eduauth_event_seconds_left(e), EduAuthNative.eduauth_event_status(e),
        EduAuthNative.eduauth_event_message(e));
  }

  /** One of the constants above. */
  public int type() {
    return type;
  }

  /** "refreshed", "will_expire", "refresh_failed", "expired", "reauth_required". */
  public String typeName() {
    return EduAuthNative.eduauth_event_type_name(type);
  }

  public String roomUuid() {
    return roomUuid;
  }

  public String userUuid() {
    return userUuid;
  }

  public int role() {
    return role;
  }

  /** TOKEN_REFRESHED: the new token; "" otherwise. A secret: do not log it. */
  public String token() {
    return token;
  }

  public long expiresAt() {
    return expiresAt;
  }

  public long secondsLeft() {
    return secondsLeft;
  }

  /** REFRESH_FAILED / REAUTH_REQUIRED / EXPIRED: the EDUAUTH_E_* cause; OK otherwise. */
  public int status() {
    return status;
  }

  /** Human-readable detail (never a secret); "" when none. */
  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return "TokenEvent{" + typeName() + ", room=" + roomUuid + ", user=" + userUuid + ", role=" + role
        + ", expiresAt=" + expiresAt + ", secondsLeft=" + secondsLeft + ", status=" + Status.name(status)
        + (message.isEmpty() ? "" : ", message=" + message) + "}";
  }
}
