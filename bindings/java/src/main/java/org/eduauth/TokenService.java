package org.eduauth;

import java.util.Collections;
import java.util.List;

/**
 * One service of a 007 token (spec token-format.md §2.3), copied out of the native token so it
 * stays usable after {@link Token#close()}. Fields that the service type does not have are
 * null: RTC, Streaming and FCDN have channelName + account; RTM, Chat and RTM2 have userId;
 * APaaS has roomUuid, userUuid and role; FPA has none. Immutable.
 */
public final class TokenService {
  public static final int RTC = EduAuthNative.EDUAUTH_SERVICE_RTC;
  public static final int RTM = EduAuthNative.EDUAUTH_SERVICE_RTM;
  public static final int STREAMING = EduAuthNative.EDUAUTH_SERVICE_STREAMING;
  public static final int FPA = EduAuthNative.EDUAUTH_SERVICE_FPA;
  public static final int CHAT = EduAuthNative.EDUAUTH_SERVICE_CHAT;
  public static final int FCDN = EduAuthNative.EDUAUTH_SERVICE_FCDN;
  public static final int APAAS = EduAuthNative.EDUAUTH_SERVICE_APAAS;
  public static final int RTM2 = EduAuthNative.EDUAUTH_SERVICE_RTM2;

  private final int type;
  private final List<TokenPrivilege> privileges;
  private final String channelName;
  private final String account;
  private final String userId;
  private final String roomUuid;
  private final String userUuid;
  private final Integer role;

  TokenService(int type, List<TokenPrivilege> privileges, String channelName, String account,
      String userId, String roomUuid, String userUuid, Integer role) {
    this.type = type;
    this.privileges = Collections.unmodifiableList(privileges);
    this.channelName = channelName;
    this.account = account;
    this.userId = userId;
    this.roomUuid = roomUuid;
    this.userUuid = userUuid;
    this.role = role;
  }

  /** Service type, one of the constants above (e.g. {@link #APAAS} = 7). */
  public int type() {
    return type;
  }

  /** Name as the vectors print it: "RTC", "RTM", "Streaming", "FPA", "Chat", "FCDN", "APaaS", "RTM2". */
  public String typeName() {
    return EduAuthNative.eduauth_service_type_name(type);
  }

  /** Privileges in wire order (ascending id); values in seconds relative to issue_ts. */
  public List<TokenPrivilege> privileges() {
    return privileges;
  }

  public String channelName() {
    return channelName;
  }

  /** RTC/Streaming/FCDN account: "" for uid 0, a numeric uid as its decimal text. */
  public String account() {
    return account;
  }

  public String userId() {
    return userId;
  }

  public String roomUuid() {
    return roomUuid;
  }

  public String userUuid() {
    return userUuid;
  }

  /** APaaS classroom role (-1..4 in practice), null for other types. */
  public Integer role() {
    return role;
  }

  @Override
  public String toString() {
    return typeName() + privileges;
  }
}
