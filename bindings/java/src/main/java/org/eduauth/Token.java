package org.eduauth;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A decoded "007" (AccessToken2) or "006" (AccessToken) token (spec token-format.md).
 *
 * <p>Every field is read out of the native token at {@link #decode} and stays readable after
 * {@link #close()}; the native token is kept for {@link #toJson()} and the verify methods.
 * Units: issueTs, ts and expiresAt are ABSOLUTE Unix seconds; expire and 007 privilege values
 * are seconds RELATIVE to issueTs; 006 privilege values are absolute. All uint32 values are
 * Java longs in 0..4294967295.
 *
 * <p>Thread-safety: any number of threads may use one Token; {@code close()} may race with
 * them (the native token is freed after the last call returns). Closing is the contract; a
 * Token that is never closed is freed by a Cleaner after it becomes unreachable.
 */
public final class Token implements AutoCloseable {
  private final NativeHandle handle;
  private final Cleaner.Cleanable cleanable;

  private final int version;
  private final String appId;
  private final long issueTs;
  private final long expire;
  private final long salt;
  private final long ts;
  private final long expiresAt;
  private final long crcChannelName;
  private final long crcUid;
  private final int unknownServiceType;
  private final long trailingBytes;
  private final List<TokenService> services;
  private final List<TokenPrivilege> privileges;

  private Token(long pointer) {
    version = EduAuthNative.eduauth_token_version(pointer);
    appId = EduAuthNative.eduauth_token_app_id(pointer);
    issueTs = EduAuthNative.eduauth_token_issue_ts(pointer);
    expire = EduAuthNative.eduauth_token_expire(pointer);
    salt = EduAuthNative.eduauth_token_salt(pointer);
    ts = EduAuthNative.eduauth_token_ts(pointer);
    expiresAt = EduAuthNative.eduauth_token_expires_at(pointer);
    crcChannelName = EduAuthNative.eduauth_token_crc_channel_name(pointer);
    crcUid = EduAuthNative.eduauth_token_crc_uid(pointer);
    unknownServiceType = EduAuthNative.eduauth_token_unknown_service_type(pointer);
    trailingBytes = EduAuthNative.eduauth_token_trailing_bytes(pointer);
    services = Collections.unmodifiableList(readServices(pointer));
    privileges = Collections.unmodifiableList(readPrivileges006(pointer));
    // Last: once registered, the cleaner owns the pointer (decode frees it on failure above).
    handle = new NativeHandle("Token", pointer, EduAuthNative::eduauth_token_free);
    cleanable = EduAuth.CLEANER.register(this, handle);
  }

  /**
   * Decodes a token string (strict: see eduauth_token_decode).
   *
   * @throws EduAuthException MALFORMED_TOKEN (the message names the offset / field and says
   *     when the text looks JSON-escaped or percent-encoded), UNSUPPORTED_VERSION (neither
   *     "006" nor "007"), INVALID_ARGUMENT (null)
   */
  public static Token decode(String token) {
    long[] out = new long[1];
    EduAuthException.check(EduAuthNative.eduauth_token_decode(out, token));
    try {
      return new Token(out[0]);
    } catch (RuntimeException | Error e) {
      EduAuthNative.eduauth_token_free(out[0]);
      throw e;
    }
  }

  /** 7 for "007", 6 for "006". */
  public int version() {
    return version;
  }

  /** The App ID (32 characters, case as in the token). */
  public String appId() {
    return appId;
  }

  /** 007: issue time, absolute Unix seconds. 006: 0. */
  public long issueTs() {
    return issueTs;
  }

  /** 007: lifetime in seconds relative to issueTs (0 = no lifetime). 006: 0. */
  public long expire() {
    return expire;
  }

  public long salt() {
    return salt;
  }

  /** 006: the message ts, absolute Unix seconds. 007: 0. */
  public long ts() {
    return ts;
  }

  /**
   * Effective expiry, ABSOLUTE Unix seconds (64-bit: issue_ts + expire can pass 2^32). 007:
   * the earliest of issueTs + expire and issueTs + every non-zero privilege value; 006: the
   * earliest of ts and every non-zero privilege value.
   */
  public long expiresAt() {
    return expiresAt;
  }

  /** 006: CRC-32 of the channel name the token was built for. 007: 0. */
  public long crcChannelName() {
    return crcChannelName;
  }

  /** 006: CRC-32 of the uid string (0 for uid 0). 007: 0. */
  public long crcUid() {
    return crcUid;
  }

  /** 007: the unknown service type where decoding stopped, or -1. */
  public int unknownServiceType() {
    return unknownServiceType;
  }

  /** 007: signed bytes after the last decoded service (normally 0). */
  public long trailingBytes() {
    return trailingBytes;
  }

  /** 007: services in wire order (ascending type). 006: empty. */
  public List<TokenService> services() {
    return services;
  }

  /** 006: privileges in ascending id, values ABSOLUTE Unix seconds. 007: empty. */
  public List<TokenPrivilege> privileges() {
    return privileges;
  }

  /** The decoded token as compact JSON (field names of the test vectors + expires_at). */
  public String toJson() {
    long p = handle.acquire();
    try {
      String[] out = new String[1];
      EduAuthException.check(EduAuthNative.eduauth_token_to_json(out, p));
      return out[0];
    } finally {
      handle.release();
    }
  }

  /** Pretty-printed JSON with {@code indent} spaces (0..16). */
  public String toJson(int indent) {
    long p = handle.acquire();
    try {
      String[] out = new String[1];
      EduAuthException.check(EduAuthNative.eduauth_token_to_json_pretty(out, p, indent));
      return out[0];
    } finally {
      handle.release();
    }
  }

  /**
   * Verifies a 007 signature with the app certificate (32 hex characters); does not look at
   * the expiry. Spec §2.5.
   *
   * @return true when the signature matches, false when it does not
   * @throws EduAuthException INVALID_ARGUMENT (certificate not 32 hex characters, 006 token)
   */
  public boolean verify(String appCertificate) {
    long p = handle.acquire();
    try {
      return verified(EduAuthNative.eduauth_token_verify(p, appCertificate));
    } finally {
      handle.release();
    }
  }

  /**
   * Verifies a 006 token for the channel and uid string it was issued to (spec §3.3); pass
   * "" for uid 0 ("0" is another identity, case C-01).
   */
  public boolean verify006(String appCertificate, String channelName, String uid) {
    long p = handle.acquire();
    try {
      return verified(EduAuthNative.eduauth_token_verify_006(p, appCertificate, channelName, uid));
    } finally {
      handle.release();
    }
  }

  /** Like {@link #verify006(String, String, String)} with a numeric uid (see TokenBuilders for uid rules). */
  public boolean verify006(String appCertificate, String channelName, long uid) {
    long u = Uint32.uid("uid", uid);
    long p = handle.acquire();
    try {
      return verified(EduAuthNative.eduauth_token_verify_006_uid(p, appCertificate, channelName, u));
    } finally {
      handle.release();
    }
  }

  /** The chat user id of a classroom user: lowercase hex MD5 of its UTF-8 bytes (spec §2.6). */
  public static String chatUserId(String userUuid) {
    String[] out = new String[1];
    EduAuthException.check(EduAuthNative.eduauth_chat_user_id(out, userUuid));
    return out[0];
  }

  /** Frees the native token. Idempotent; fields stay readable. */
  @Override
  public void close() {
    cleanable.clean();
  }

  @Override
  public String toString() {
    // Never the token text itself: only decoded, non-secret fields.
    return "Token{version=" + version + ", appId=" + appId + ", expiresAt=" + expiresAt
        + ", services=" + services + "}";
  }

  private static boolean verified(int rc) {
    if (rc == Status.SIGNATURE_MISMATCH) {
      return false;
    }
    EduAuthException.check(rc);
    return true;
  }

  private static List<TokenService> readServices(long p) {
    long count = EduAuthNative.eduauth_token_service_count(p);
    List<TokenService> list = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long[] type = new long[1];
      EduAuthException.check(EduAuthNative.eduauth_token_service_type(type, p, i));
      long[] privilegeCount = new long[1];
      EduAuthException.check(EduAuthNative.eduauth_token_service_privilege_count(privilegeCount, p, i));
      List<TokenPrivilege> privileges = new ArrayList<>();
      for (long k = 0; k < privilegeCount[0]; k++) {
        long[] id = new long[1];
        long[] value = new long[1];
        EduAuthException.check(EduAuthNative.eduauth_token_service_privilege_at(id, value, p, i, k));
        privileges.add(new TokenPrivilege(id[0], value[0]));
      }
      int t = (int) type[0];
      String channelName = null;
      String account = null;
      String userId = null;
      String roomUuid = null;
      String userUuid = null;
      Integer role = null;
      if (t == TokenService.RTC || t == TokenService.STREAMING || t == TokenService.FCDN) {
        channelName = field(EduAuthNative::eduauth_token_service_channel_name, p, i);
        account = field(EduAuthNative::eduauth_token_service_account, p, i);
      } else if (t == TokenService.RTM || t == TokenService.CHAT || t == TokenService.RTM2) {
        userId = field(EduAuthNative::eduauth_token_service_user_id, p, i);
      } else if (t == TokenService.APAAS) {
        roomUuid = field(EduAuthNative::eduauth_token_service_room_uuid, p, i);
        userUuid = field(EduAuthNative::eduauth_token_service_user_uuid, p, i);
        int[] r = new int[1];
        EduAuthException.check(EduAuthNative.eduauth_token_service_role(r, p, i));
        role = r[0];
      }
      list.add(new TokenService(t, privileges, channelName, account, userId, roomUuid, userUuid, role));
    }
    return list;
  }

  private interface StringField {
    int get(String[] out, long token, long index);
  }

  private static String field(StringField getter, long p, long index) {
    String[] out = new String[1];
    EduAuthException.check(getter.get(out, p, index));
    return out[0];
  }

  private static List<TokenPrivilege> readPrivileges006(long p) {
    long count = EduAuthNative.eduauth_token_privilege_count(p);
    List<TokenPrivilege> list = new ArrayList<>();
    for (long k = 0; k < count; k++) {
      long[] id = new long[1];
      long[] value = new long[1];
      EduAuthException.check(EduAuthNative.eduauth_token_privilege_at(id, value, p, k));
      list.add(new TokenPrivilege(id[0], value[0]));
    }
    return list;
  }
}
