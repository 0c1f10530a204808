using System;
using System.Threading;
using System.Threading.Tasks;

namespace EduAuth
{
    /// <summary>
    /// The token client (eduauth_client): fetches tokens from the app's token server, caches them
    /// by (roomUuid, userUuid, role), refreshes them before expiry on its native scheduler
    /// thread, and reports events (DESIGN.md "Refresh", "Events").
    ///
    /// Threads: every member may be used from any thread. <see cref="TokenEventReceived"/> is
    /// raised on one managed thread owned by this client, which polls the C event queue:
    /// native code never calls into managed code (Unity IL2CPP safe). <see cref="GetAsync"/>
    /// runs the blocking get on a thread-pool thread.
    ///
    /// Lifetime: Dispose is the contract. It stops the event thread and releases the native
    /// client (no more refreshes); a Get still blocked in native code keeps it alive until it
    /// returns (SafeHandle reference counting), at the latest at its timeout. A client never
    /// disposed is released by the finalizers.
    /// </summary>
    public sealed class EduAuthClient : IDisposable
    {
        private const int PollMs = 100;

        /// <summary>What the event thread uses; it holds no reference to the client.</summary>
        private sealed class State
        {
            internal ClientHandle Handle;
            internal volatile bool Stopping;
            internal EventHandler<TokenEvent> Listeners;
            internal Thread Events;
            internal readonly object Gate = new object();
            internal object Sender;

            internal void PollLoop()
            {
                while (!Stopping)
                {
                    EventHandle e = null;
                    int rc;
                    try
                    {
                        rc = EduAuthNative.eduauth_client_next_event(out e, Handle, PollMs);
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }
                    if (rc == StatusCode.Timeout) continue;
                    if (rc != StatusCode.Ok) return; // Closed: nothing more will arrive
                    TokenEvent ev;
                    using (e) ev = new TokenEvent(e);
                    EventHandler<TokenEvent> listeners = Listeners;
                    if (listeners == null) continue;
                    foreach (EventHandler<TokenEvent> l in listeners.GetInvocationList())
                    {
                        try
                        {
                            l(Sender, ev);
                        }
                        catch (Exception ex)
                        {
                            // A faulty handler must not stop delivery to the others.
                            Console.Error.WriteLine("eduauth: event handler threw " + ex.GetType().Name + ": " + ex.Message);
                        }
                    }
                }
            }

            internal void Stop()
            {
                Thread t;
                lock (Gate)
                {
                    Stopping = true;
                    t = Events;
                }
                if (t != null && t != Thread.CurrentThread) t.Join(10 * PollMs);
            }
        }

        private readonly State state = new State();

        /// <summary>Creates a client from a configuration (copied) and starts its native scheduler.</summary>
        /// <exception cref="EduAuthException">InvalidArgument naming the option, Tls (CA file, case C-12).</exception>
        public EduAuthClient(ClientConfig config)
        {
            if (config == null) throw new EduAuthException(StatusCode.InvalidArgument, "config is null");
            EduAuthException.Check(EduAuthNative.eduauth_client_new(out state.Handle, config.Handle));
            state.Sender = null; // events carry no sender: it would keep the client reachable
        }

        ~EduAuthClient()
        {
            // Safety net: stop the event thread; the SafeHandle's own finalizer frees the client.
            state.Stopping = true;
        }

        /// <summary>
        /// Raised on the client's event thread for every event (in order). Subscribing the first
        /// handler starts the thread.
        /// </summary>
        public event EventHandler<TokenEvent> TokenEventReceived
        {
            add
            {
                lock (state.Gate)
                {
                    state.Listeners += value;
                    if (state.Events == null && !state.Stopping)
                    {
                        state.Events = new Thread(state.PollLoop) { IsBackground = true, Name = "eduauth-client-events" };
                        state.Events.Start();
                    }
                }
            }
            remove
            {
                lock (state.Gate) state.Listeners -= value;
            }
        }

        /// <summary>
        /// A valid token for the key (cached or fetched); blocks at most timeoutMs MILLISECONDS.
        /// </summary>
        /// <exception cref="EduAuthException">
        /// Timeout, Network, Tls, HttpStatus, BadResponse, ExpiredFromServer, TokenMismatch,
        /// ReauthRequired, TokenRejected, Closed, InvalidArgument.
        /// </exception>
        /// <exception cref="ObjectDisposedException">After Dispose.</exception>
        public FetchedToken Get(string roomUuid, string userUuid, int role, long timeoutMs)
        {
            return Get(state.Handle, roomUuid, userUuid, role, timeoutMs);
        }

        private static FetchedToken Get(ClientHandle h, string roomUuid, string userUuid, int role, long timeoutMs)
        {
            string token;
            long expiresAt;
            EduAuthException.Check(EduAuthNative.eduauth_client_get_token(out token, out expiresAt, h, roomUuid,
                userUuid, role, timeoutMs));
            return new FetchedToken(token, expiresAt);
        }

        /// <summary>Get on a thread-pool thread; faults with the same exceptions.</summary>
        public Task<FetchedToken> GetAsync(string roomUuid, string userUuid, int role, long timeoutMs)
        {
            ClientHandle h = state.Handle; // not `this`: a pending get must not keep the client reachable
            return Task.Run(() => Get(h, roomUuid, userUuid, role, timeoutMs));
        }

        /// <summary>Starts fetching the key in the background when not cached and valid.</summary>
        public void Prefetch(string roomUuid, string userUuid, int role)
        {
            EduAuthException.Check(EduAuthNative.eduauth_client_prefetch(state.Handle, roomUuid, userUuid, role));
        }

        /// <summary>Reports a token rejected downstream; true when it was current and was dropped.</summary>
        public bool Invalidate(string roomUuid, string userUuid, int role, string token)
        {
            int dropped;
            EduAuthException.Check(EduAuthNative.eduauth_client_invalidate(out dropped, state.Handle, roomUuid,
                userUuid, role, token));
            return dropped != 0;
        }

        /// <summary>Forgets the key: no more refreshes, cached token dropped.</summary>
        public void Forget(string roomUuid, string userUuid, int role)
        {
            EduAuthException.Check(EduAuthNative.eduauth_client_forget(state.Handle, roomUuid, userUuid, role));
        }

        /// <summary>
        /// A snapshot of the client's metrics (counters, gauges, fetch latency; docs/metrics.md).
        /// Any thread. Throws EduAuthException (Closed) once the client is disposed.
        /// </summary>
        public ClientMetrics Metrics
        {
            get
            {
                var values = new long[EduAuthNative.EDUAUTH_BINDING_METRICS_COUNT];
                EduAuthException.Check(EduAuthNative.eduauth_binding_client_metrics(state.Handle, values, values.Length));
                return new ClientMetrics(values);
            }
        }

        /// <summary>Events dropped because the queue was full.</summary>
        public ulong DroppedEvents => EduAuthNative.eduauth_client_dropped_events(state.Handle);

        /// <summary>Stops the event thread and releases the native client. Idempotent.</summary>
        public void Dispose()
        {
            state.Stop();
            state.Handle.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
