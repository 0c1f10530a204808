package org.eduauth;

/** uint32 values (uids, Unix seconds, salts, expires) carried in Java longs (case C-02). */
final class Uint32 {
  static final long MAX = 0xFFFFFFFFL;

  private Uint32() {}

  /** Refuses a value outside 0..4294967295, naming the field. */
  static long check(String field, long value) {
    if (value < 0 || value > MAX) {
      throw new EduAuthException(Status.INVALID_ARGUMENT,
          field + " " + value + " is outside the uint32 range 0..4294967295");
    }
    return value;
  }

  /**
   * A uid: 0..4294967295, or a negative value of the int range, which is a uid of 2^31 or
   * more that went through a signed Java int (-1412626023 is 2882341273) and is reinterpreted
   * as unsigned. Anything else (e.g. 9854785632) is refused.
   */
  static long uid(String field, long value) {
    if (value >= Integer.MIN_VALUE && value < 0) {
      return value & MAX;
    }
    return check(field, value);
  }
}
