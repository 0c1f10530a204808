package org.eduauth;

import java.lang.ref.Cleaner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token client (eduauth_client): fetches tokens from the app's token server, caches them
 * by (roomUuid, userUuid, role), refreshes them before expiry on its own native scheduler
 * thread, and reports events (DESIGN.md "Refresh", "Events").
 *
 * <p>Threads: every method may be called from any thread. Events reach {@link TokenListener}s
 * on one thread owned by this object, which polls the C event queue (no JNI callbacks from
 * native threads); it starts with the first listener. {@link #getAsync} runs the blocking get
 * on a thread of this object's pool.
 *
 * <p>Lifetime: {@link #close()} is the contract. It stops the event thread and the pool and
 * releases the native client, which stops refreshing; a get still blocked in native code
 * keeps the native client alive until it returns (at the latest at its timeout), then it is
 * freed. A client that is never closed is released by a Cleaner once unreachable (listeners
 * that capture the client keep it reachable).
 */
public final class EduAuthClient implements AutoCloseable {
  /** Poll interval of the event thread: bounds how long close() waits for it. */
  private static final long POLL_MS = 100;
  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** Everything the event thread and the cleaner need, without a reference to the client. */
  private static final class State implements Runnable {
    final NativeHandle handle;
    final CopyOnWriteArrayList<TokenListener> listeners = new CopyOnWriteArrayList<>();
    final ExecutorService pool;
    final int serial = SERIAL.incrementAndGet();
    volatile boolean stopping;
    Thread events;

    State(long pointer) {
      handle = new NativeHandle("EduAuthClient", pointer, EduAuthNative::eduauth_client_free);
      pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "eduauth-client-" + serial + "-get");
        t.setDaemon(true);
        return t;
      });
    }

    synchronized void startEvents() {
      if (events != null || stopping) {
        return;
      }
      events = new Thread(this::pollLoop, "eduauth-client-" + serial + "-events");
      events.setDaemon(true);
      events.start();
    }

    private void pollLoop() {
      while (!stopping) {
        long p;
        try {
          p = handle.acquire();
        } catch (IllegalStateException closed) {
          return;
        }
        TokenEvent event = null;
        int rc;
        try {
          long[] out = new long[1];
          rc = EduAuthNative.eduauth_client_next_event(out, p, POLL_MS);
          if (rc == Status.OK) {
            try {
              event = TokenEvent.copyOf(out[0]);
            } finally {
              EduAuthNative.eduauth_event_free(out[0]);
            }
          }
        } finally {
          handle.release();
        }
        if (event != null) {
          for (TokenListener l : listeners) {
            try {
              l.onEvent(event);
            } catch (RuntimeException e) {
              // A listener's bug must not stop delivery to the others.
              Thread t = Thread.currentThread();
              t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
          }
        } else if (rc != Status.TIMEOUT) {
          return; // CLOSED (or a bug): nothing more will arrive
        }
      }
    }

    /** close() and the cleaner: stop threads, then release the native client. */
    @Override
    public void run() {
      Thread t;
      synchronized (this) {
        stopping = true;
        t = events;
      }
      pool.shutdownNow();
      if (t != null && t != Thread.currentThread()) {
        try {
          t.join(10 * POLL_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      handle.run();
    }
  }

  private final State state;
  private final Cleaner.Cleanable cleanable;

  /**
   * Creates a client from a configuration (copied) and starts its native scheduler.
   *
   * @throws EduAuthException INVALID_ARGUMENT naming the option (no server URL, bad URL or
   *     template, insecure http), TLS (CA file missing or unreadable, case C-12)
   */
  public EduAuthClient(ClientConfig config) {
    long[] out = new long[1];
    config.handle.call(c -> EduAuthNative.eduauth_client_new(out, c));
    state = new State(out[0]);
    cleanable = EduAuth.CLEANER.register(this, state);
  }

  /**
   * A valid token for the key: the cached one while valid, otherwise the result of a shared
   * fetch. Blocks at most timeoutMs MILLISECONDS (> 0).
   *
   * @throws EduAuthException TIMEOUT, NETWORK, TLS, HTTP_STATUS, BAD_RESPONSE,
   *     EXPIRED_FROM_SERVER, TOKEN_MISMATCH, REAUTH_REQUIRED, TOKEN_REJECTED, CLOSED,
   *     INVALID_ARGUMENT
   */
  public FetchedToken get(String roomUuid, String userUuid, int role, long timeoutMs) {
    return get(state.handle, roomUuid, userUuid, role, timeoutMs);
  }

  private static FetchedToken get(NativeHandle h, String roomUuid, String userUuid, int role, long timeoutMs) {
    String[] token = new String[1];
    long[] expiresAt = new long[1];
    h.call(p -> EduAuthNative.eduauth_client_get_token(token, expiresAt, p, roomUuid, userUuid, role, timeoutMs));
    return new FetchedToken(token[0], expiresAt[0]);
  }

  /**
   * {@link #get} on a thread of this client's pool. The future fails with the same
   * EduAuthException, or with CLOSED when the client is closed before the get starts.
   */
  public CompletableFuture<FetchedToken> getAsync(String roomUuid, String userUuid, int role, long timeoutMs) {
    CompletableFuture<FetchedToken> result = new CompletableFuture<>();
    NativeHandle h = state.handle; // not `this`: a pending get must not keep the client reachable
    try {
      state.pool.execute(() -> {
        try {
          result.complete(get(h, roomUuid, userUuid, role, timeoutMs));
        } catch (IllegalStateException closed) {
          result.completeExceptionally(new EduAuthException(Status.CLOSED, "the client was closed"));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException closed) {
      result.completeExceptionally(new EduAuthException(Status.CLOSED, "the client was closed"));
    }
    return result;
  }

  /** Starts fetching the key in the background when it is not cached and valid. */
  public void prefetch(String roomUuid, String userUuid, int role) {
    state.handle.call(p -> EduAuthNative.eduauth_client_prefetch(p, roomUuid, userUuid, role));
  }

  /**
   * Reports that {@code token} was rejected downstream. Returns true when it was the current
   * token of the key and was dropped (the next get fetches a new one), false otherwise.
   */
  public boolean invalidate(String roomUuid, String userUuid, int role, String token) {
    int[] dropped = new int[1];
    state.handle.call(p -> EduAuthNative.eduauth_client_invalidate(dropped, p, roomUuid, userUuid, role, token));
    return dropped[0] != 0;
  }

  /** Forgets the key entirely: no more refreshes, cached token dropped. */
  public void forget(String roomUuid, String userUuid, int role) {
    state.handle.call(p -> EduAuthNative.eduauth_client_forget(p, roomUuid, userUuid, role));
  }

  /**
   * A snapshot of the client's metrics (counters, gauges, fetch latency; docs/metrics.md).
   * Any thread. Throws EduAuthException (CLOSED) once the client is closed.
   */
  public ClientMetrics metrics() {
    long[] values = new long[EduAuthNative.EDUAUTH_BINDING_METRICS_COUNT];
    state.handle.call(p -> EduAuthNative.eduauth_binding_client_metrics(p, values, values.length));
    return new ClientMetrics(values);
  }

  /** Events dropped because the queue was full since the client was created. */
  public long droppedEvents() {
    long p = state.handle.acquire();
    try {
      return EduAuthNative.eduauth_client_dropped_events(p);
    } finally {
      state.handle.release();
    }
  }

  /** Adds a listener; the first one starts the event thread. */
  public void addListener(TokenListener listener) {
    if (listener == null) {
      throw new EduAuthException(Status.INVALID_ARGUMENT, "listener is null");
    }
    state.listeners.add(listener);
    state.startEvents();
  }

  public void removeListener(TokenListener listener) {
    state.listeners.remove(listener);
  }

  /** Closes the client (see the class comment). Idempotent; any thread, also a listener. */
  @Override
  public void close() {
    cleanable.clean();
  }
}
