package org.eduauth;

/**
 * Owns one C handle: counts the calls using it and frees it exactly once, after close and
 * after the last call in flight has returned (the same contract as a .NET SafeHandle).
 *
 * <p>It never references the Java object that owns it, so it can be registered with a
 * {@link java.lang.ref.Cleaner} as that object's safety net: {@link #run()} is both the
 * close action and the cleaner action. Thread-safe.
 */
final class NativeHandle implements Runnable {
  /** Frees the C object (eduauth_*_free). */
  interface Releaser {
    void release(long pointer);
  }

  private final String what;
  private final Releaser releaser;
  private long pointer;
  private int users;
  private boolean closed;

  NativeHandle(String what, long pointer, Releaser releaser) {
    this.what = what;
    this.pointer = pointer;
    this.releaser = releaser;
  }

  /** The pointer for one call; pair with {@link #release()} in a finally block. */
  synchronized long acquire() {
    if (closed || pointer == 0) {
      throw new IllegalStateException(what + " is closed");
    }
    users++;
    return pointer;
  }

  void release() {
    long toFree = 0;
    synchronized (this) {
      users--;
      if (closed && users == 0) {
        toFree = pointer;
        pointer = 0;
      }
    }
    if (toFree != 0) {
      releaser.release(toFree);
    }
  }

  /**
   * Runs one fallible C call with the pointer and throws its error. The status is checked
   * before the handle is released: a deferred free must not overwrite this thread's
   * eduauth_error_last() first.
   */
  void call(java.util.function.LongToIntFunction c) {
    long p = acquire();
    try {
      EduAuthException.check(c.applyAsInt(p));
    } finally {
      release();
    }
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Close: frees now, or when the last call in flight returns. Idempotent. */
  @Override
  public void run() {
    long toFree = 0;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (users == 0) {
        toFree = pointer;
        pointer = 0;
      }
    }
    if (toFree != 0) {
      releaser.release(toFree);
    }
  }
}
