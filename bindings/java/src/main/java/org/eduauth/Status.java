package org.eduauth;

/**
 * Status codes of the C API (eduauth/common.h), as carried by {@link EduAuthException#status()}.
 * The numbers are part of the stable ABI; they come from the generated constants.
 */
public final class Status {
  private Status() {}

  public static final int OK = EduAuthNative.EDUAUTH_OK;
  public static final int INVALID_ARGUMENT = EduAuthNative.EDUAUTH_E_INVALID_ARGUMENT;
  public static final int MALFORMED_TOKEN = EduAuthNative.EDUAUTH_E_MALFORMED_TOKEN;
  public static final int UNSUPPORTED_VERSION = EduAuthNative.EDUAUTH_E_UNSUPPORTED_VERSION;
  public static final int SIGNATURE_MISMATCH = EduAuthNative.EDUAUTH_E_SIGNATURE_MISMATCH;
  public static final int OUT_OF_MEMORY = EduAuthNative.EDUAUTH_E_OUT_OF_MEMORY;
  public static final int NETWORK = EduAuthNative.EDUAUTH_E_NETWORK;
  public static final int TIMEOUT = EduAuthNative.EDUAUTH_E_TIMEOUT;
  public static final int HTTP_STATUS = EduAuthNative.EDUAUTH_E_HTTP_STATUS;
  public static final int BAD_RESPONSE = EduAuthNative.EDUAUTH_E_BAD_RESPONSE;
  public static final int EXPIRED_FROM_SERVER = EduAuthNative.EDUAUTH_E_EXPIRED_FROM_SERVER;
  public static final int TOKEN_MISMATCH = EduAuthNative.EDUAUTH_E_TOKEN_MISMATCH;
  public static final int REAUTH_REQUIRED = EduAuthNative.EDUAUTH_E_REAUTH_REQUIRED;
  public static final int TOKEN_REJECTED = EduAuthNative.EDUAUTH_E_TOKEN_REJECTED;
  public static final int TLS = EduAuthNative.EDUAUTH_E_TLS;
  public static final int CLOSED = EduAuthNative.EDUAUTH_E_CLOSED;
  public static final int EXPIRED = EduAuthNative.EDUAUTH_E_EXPIRED;
  public static final int INVALID_LAUNCH_OPTION = EduAuthNative.EDUAUTH_E_INVALID_LAUNCH_OPTION;
  public static final int LAUNCH_TOKEN_MISMATCH = EduAuthNative.EDUAUTH_E_LAUNCH_TOKEN_MISMATCH;
  public static final int INTERNAL = EduAuthNative.EDUAUTH_E_INTERNAL;

  /** Static name of a code, e.g. "EDUAUTH_E_MALFORMED_TOKEN" ("EDUAUTH_E_UNKNOWN" otherwise). */
  public static String name(int status) {
    return EduAuthNative.eduauth_status_name(status);
  }
}
