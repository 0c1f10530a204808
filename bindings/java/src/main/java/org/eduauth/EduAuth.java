package org.eduauth;

import java.lang.ref.Cleaner;

/** Library-wide facts: version of the loaded native library, status names, fingerprints. */
public final class EduAuth {
  private EduAuth() {}

  /** One cleaner thread for every eduauth object: frees C handles of objects never closed. */
  static final Cleaner CLEANER = Cleaner.create();

  /** Version of the loaded libeduauth, e.g. "0.1.0" (eduauth_version()). */
  public static String version() {
    return EduAuthNative.eduauth_version();
  }

  /** MAJOR * 10000 + MINOR * 100 + PATCH of the loaded libeduauth. */
  public static long versionNumber() {
    return EduAuthNative.eduauth_version_number();
  }

  /** Version of the C headers this binding was generated from. */
  public static String bindingVersion() {
    return EduAuthNative.EDUAUTH_VERSION_STRING;
  }

  /**
   * A loggable fingerprint of a secret ("sha256:" + 8 hex digits); never log the secret.
   *
   * @throws EduAuthException INVALID_ARGUMENT when secret is null
   */
  public static String fingerprint(String secret) {
    String[] out = new String[1];
    EduAuthException.check(EduAuthNative.eduauth_fingerprint(out, secret));
    return out[0];
  }
}
