package org.eduauth;

import java.util.Arrays;

/**
 * A snapshot of an {@link EduAuthClient}'s metrics ({@link EduAuthClient#metrics()}); immutable.
 * Counters are cumulative since the client was created; gauges are the state at the snapshot.
 * Durations are MILLISECONDS on the client's boot-time clock. Field meanings and when they move:
 * docs/metrics.md (same names as the C struct eduauth_metrics, in camelCase).
 */
public final class ClientMetrics {
  private static final long[] BOUNDS_MS = {10, 50, 100, 250, 500, 1000, 2500, 5000};

  /** Upper bounds (inclusive, ms) of the latency buckets; the last bucket is {@code > 5000 ms}. */
  public static long[] latencyBucketBoundsMs() {
    return BOUNDS_MS.clone();
  }

  private final long[] v; // the binding's field order (bindings/swig/eduauth.i)

  ClientMetrics(long[] values) {
    this.v = values.clone();
  }

  /** Requests sent to the token server (first fetches, refreshes, retries). */
  public long fetchesStarted() { return v[0]; }
  /** Fetches whose token was accepted and installed. */
  public long fetchSuccesses() { return v[1]; }
  /** Failed fetches: the sum of the failures* counters. */
  public long fetchFailures() { return v[2]; }
  /** Network and TLS failures. */
  public long failuresNetwork() { return v[3]; }
  /** Transport timeouts. */
  public long failuresTimeout() { return v[4]; }
  /** HTTP error statuses other than 401/403. */
  public long failuresHttpStatus() { return v[5]; }
  /** Bad responses: no token, malformed / unsupported / mismatched token. */
  public long failuresBadResponse() { return v[6]; }
  /** Tokens already expired or too short-lived when received (case C-09). */
  public long failuresExpiredFromServer() { return v[7]; }
  /** 401/403 from the token server (re-auth required). */
  public long failuresReauth() { return v[8]; }
  /** Any other failure (internal). */
  public long failuresOther() { return v[9]; }
  /** Gets answered with the current token while it was being refreshed. */
  public long servedWhileRefreshing() { return v[10]; }
  /** Gets that joined a fetch already in flight (N concurrent cold callers: N-1). */
  public long coalescedWaiters() { return v[11]; }
  /** Gets refused without a request during a re-auth cool-down. */
  public long cooldownRefusals() { return v[12]; }
  /** Gauge: keys known to the client. */
  public long keys() { return v[13]; }
  /** Gauge: keys holding a currently valid token. */
  public long keysWithToken() { return v[14]; }
  /** Gauge: keys with a fetch in progress. */
  public long fetchesInFlight() { return v[15]; }
  /** Gauge: keys waiting for a retry after a failed fetch. */
  public long keysBackingOff() { return v[16]; }
  /** Gauge: keys in a re-auth / rejection cool-down. */
  public long keysInCooldown() { return v[17]; }
  /** Gauge: longest current run of consecutive failed fetches of one key. */
  public long maxConsecutiveFailures() { return v[18]; }
  /** Gauge: milliseconds until the earliest scheduled retry (0: none). */
  public long nextRetryInMs() { return v[19]; }
  /** Fetches whose duration was measured. */
  public long latencyCount() { return v[20]; }
  /** Sum of the measured fetch durations, milliseconds. */
  public long latencySumMs() { return v[21]; }
  /** The longest fetch, milliseconds. */
  public long latencyMaxMs() { return v[22]; }
  /** Fetches per latency bucket (see {@link #latencyBucketBoundsMs()}); a new array each call. */
  public long[] latencyBuckets() { return Arrays.copyOfRange(v, 23, 32); }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientMetrics && Arrays.equals(v, ((ClientMetrics) o).v);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(v);
  }

  @Override
  public String toString() {
    return "ClientMetrics{fetchesStarted=" + fetchesStarted() + ", fetchSuccesses=" + fetchSuccesses()
        + ", fetchFailures=" + fetchFailures() + ", servedWhileRefreshing=" + servedWhileRefreshing()
        + ", coalescedWaiters=" + coalescedWaiters() + ", keys=" + keys() + ", keysBackingOff=" + keysBackingOff()
        + ", latencyCount=" + latencyCount() + ", latencyMaxMs=" + latencyMaxMs() + "}";
  }
}
