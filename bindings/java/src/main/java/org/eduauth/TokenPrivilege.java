package org.eduauth;

/**
 * One privilege of a token: its id and value. Units (spec token-format.md §2.7, §3.4): in a
 * 007 service the value is seconds RELATIVE to the token's issue_ts; in a 006 token it is an
 * ABSOLUTE Unix time in seconds. 0 sets no limit of its own in both. Immutable.
 */
public final class TokenPrivilege {
  private final long id;
  private final long value;

  TokenPrivilege(long id, long value) {
    this.id = id;
    this.value = value;
  }

  /** Privilege id (e.g. 1 join channel / login / room-user, 2..4 publish, 101 admin, 1000 RTM login). */
  public long id() {
    return id;
  }

  /** The value as stored (see the class comment for its unit), 0..4294967295. */
  public long value() {
    return value;
  }

  @Override
  public String toString() {
    return "{id=" + id + ", value=" + value + "}";
  }
}
