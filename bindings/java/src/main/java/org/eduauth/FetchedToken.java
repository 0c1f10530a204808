package org.eduauth;

/** A token handed out by {@link EduAuthClient}: the token text and its effective expiry. */
public final class FetchedToken {
  private final String token;
  private final long expiresAt;

  FetchedToken(String token, long expiresAt) {
    this.token = token;
    this.expiresAt = expiresAt;
  }

  /** The token text. A secret: never log it (use {@link EduAuth#fingerprint(String)}). */
  public String token() {
    return token;
  }

  /** Effective expiry, ABSOLUTE Unix seconds. */
  public long expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    return "FetchedToken{" + EduAuth.fingerprint(token) + ", expiresAt=" + expiresAt + "}";
  }
}
