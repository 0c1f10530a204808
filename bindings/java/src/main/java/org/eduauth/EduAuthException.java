package org.eduauth;

/**
 * A failed eduauth call: {@link #status()} is the C API status code ({@link Status}, e.g.
 * {@link Status#MALFORMED_TOKEN}); the message is the C API's per-thread error text, which
 * names the field and value (secrets only as fingerprints).
 */
public class EduAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public EduAuthException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The EDUAUTH_E_* code (negative). */
  public int status() {
    return status;
  }

  /** The code's name, e.g. "EDUAUTH_E_MALFORMED_TOKEN". */
  public String statusName() {
    return Status.name(status);
  }

  @Override
  public String toString() {
    return "EduAuthException[" + statusName() + "]: " + getMessage();
  }

  /**
   * Throws for a non-zero status with this thread's eduauth_error_last() message. Must run
   * on the thread that made the failing call, before any other eduauth call.
   */
  static void check(int rc) {
    if (rc != Status.OK) {
      throw fromLastError(rc);
    }
  }

  static EduAuthException fromLastError(int rc) {
    String message = EduAuthNative.eduauth_error_last();
    if (message == null || message.isEmpty()) {
      message = Status.name(rc);
    }
    return new EduAuthException(rc, message);
  }
}
