using System;
using System.Collections.Generic;

namespace EduAuth
{
    /// <summary>
    /// A snapshot of an <see cref="EduAuthClient"/>'s metrics (<see cref="EduAuthClient.Metrics"/>);
    /// immutable. Counters are cumulative since the client was created; gauges are the state at
    /// the snapshot. Durations are MILLISECONDS on the client's boot-time clock. Meanings and
    /// when each value moves: docs/metrics.md (same names as the C struct eduauth_metrics).
    /// </summary>
    public sealed class ClientMetrics : IEquatable<ClientMetrics>
    {
        /// <summary>Upper bounds (inclusive, ms) of the latency buckets; the last bucket is &gt; 5000 ms.</summary>
        public static readonly IReadOnlyList<long> LatencyBucketBoundsMs =
            Array.AsReadOnly(new long[] { 10, 50, 100, 250, 500, 1000, 2500, 5000 });

        private readonly long[] v; // the binding's field order (bindings/swig/eduauth.i)

        internal ClientMetrics(long[] values)
        {
            v = (long[])values.Clone();
            var buckets = new long[9];
            Array.Copy(v, 23, buckets, 0, buckets.Length);
            LatencyBuckets = Array.AsReadOnly(buckets);
        }

        /// <summary>Requests sent to the token server (first fetches, refreshes, retries).</summary>
        public long FetchesStarted => v[0];
        /// <summary>Fetches whose token was accepted and installed.</summary>
        public long FetchSuccesses => v[1];
        /// <summary>Failed fetches: the sum of the Failures* counters.</summary>
        public long FetchFailures => v[2];
        /// <summary>Network and TLS failures.</summary>
        public long FailuresNetwork => v[3];
        /// <summary>Transport timeouts.</summary>
        public long FailuresTimeout => v[4];
        /// <summary>HTTP error statuses other than 401/403.</summary>
        public long FailuresHttpStatus => v[5];
        /// <summary>Bad responses: no token, malformed / unsupported / mismatched token.</summary>
        public long FailuresBadResponse => v[6];
        /// <summary>Tokens already expired or too short-lived when received (case C-09).</summary>
        public long FailuresExpiredFromServer => v[7];
        /// <summary>401/403 from the token server (re-auth required).</summary>
        public long FailuresReauth => v[8];
        /// <summary>Any other failure (internal).</summary>
        public long FailuresOther => v[9];
        /// <summary>Gets answered with the current token while it was being refreshed.</summary>
        public long ServedWhileRefreshing => v[10];
        /// <summary>Gets that joined a fetch already in flight (N concurrent cold callers: N-1).</summary>
        public long CoalescedWaiters => v[11];
        /// <summary>Gets refused without a request during a re-auth cool-down.</summary>
        public long CooldownRefusals => v[12];
        /// <summary>Gauge: keys known to the client.</summary>
        public long Keys => v[13];
        /// <summary>Gauge: keys holding a currently valid token.</summary>
        public long KeysWithToken => v[14];
        /// <summary>Gauge: keys with a fetch in progress.</summary>
        public long FetchesInFlight => v[15];
        /// <summary>Gauge: keys waiting for a retry after a failed fetch.</summary>
        public long KeysBackingOff => v[16];
        /// <summary>Gauge: keys in a re-auth / rejection cool-down.</summary>
        public long KeysInCooldown => v[17];
        /// <summary>Gauge: longest current run of consecutive failed fetches of one key.</summary>
        public long MaxConsecutiveFailures => v[18];
        /// <summary>Gauge: milliseconds until the earliest scheduled retry (0: none).</summary>
        public long NextRetryInMs => v[19];
        /// <summary>Fetches whose duration was measured.</summary>
        public long LatencyCount => v[20];
        /// <summary>Sum of the measured fetch durations, milliseconds.</summary>
        public long LatencySumMs => v[21];
        /// <summary>The longest fetch, milliseconds.</summary>
        public long LatencyMaxMs => v[22];
        /// <summary>Fetches per latency bucket (see <see cref="LatencyBucketBoundsMs"/>).</summary>
        public IReadOnlyList<long> LatencyBuckets { get; }

        /// <summary>Value equality: every field equal.</summary>
        public bool Equals(ClientMetrics other)
        {
            if (other == null) return false;
            for (int i = 0; i < v.Length; ++i)
                if (v[i] != other.v[i]) return false;
            return true;
        }

        /// <summary>Value equality: every field equal.</summary>
        public override bool Equals(object obj) => Equals(obj as ClientMetrics);

        /// <summary>Hash of every field.</summary>
        public override int GetHashCode()
        {
            int h = 17;
            foreach (long x in v) h = h * 31 + x.GetHashCode();
            return h;
        }

        /// <summary>The main counters, for logs.</summary>
        public override string ToString()
        {
            return "ClientMetrics{fetchesStarted=" + FetchesStarted + ", fetchSuccesses=" + FetchSuccesses +
                   ", fetchFailures=" + FetchFailures + ", servedWhileRefreshing=" + ServedWhileRefreshing +
                   ", coalescedWaiters=" + CoalescedWaiters + ", keys=" + Keys + ", keysBackingOff=" +
                   KeysBackingOff + ", latencyCount=" + LatencyCount + ", latencyMaxMs=" + LatencyMaxMs + "}";
        }
    }
}
