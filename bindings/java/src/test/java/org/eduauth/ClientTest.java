package org.eduauth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** EduAuthClient against the real sample token server on 127.0.0.1 (HTTP and HTTPS). */
public class ClientTest {
  private static TokenServer server;

  @BeforeClass
  public static void startServer() throws Exception {
    server = new TokenServer();
  }

  @AfterClass
  public static void stopServer() throws Exception {
    server.close();
  }

  private static ClientConfig config(String url) {
    return new ClientConfig().serverUrl(url).preset("education").appId(TokenServer.APP_ID);
  }

  @Test
  public void fetchesAndCachesARoomUserToken() {
    try (ClientConfig cfg = config(server.url); EduAuthClient client = new EduAuthClient(cfg)) {
      FetchedToken first = client.get("room-1", "user-1", 2, 10_000);
      try (Token t = Token.decode(first.token())) {
        assertEquals(TokenServer.APP_ID, t.appId());
        assertEquals(t.expiresAt(), first.expiresAt());
        assertTrue(first.expiresAt() > System.currentTimeMillis() / 1000 + 3000); // server default 3600 s
        TokenService apaas = t.services().stream().filter(s -> s.type() == TokenService.APAAS).findFirst().get();
        assertEquals("room-1", apaas.roomUuid());
        assertEquals("user-1", apaas.userUuid());
        assertEquals(Integer.valueOf(2), apaas.role());
        assertTrue(t.verify(TokenServer.CERT));
      }
      FetchedToken again = client.get("room-1", "user-1", 2, 10_000);
      assertEquals(first.token(), again.token()); // cached
    }
  }

  @Test
  public void metricsCountTheFetchAndTheCachedKey() {
    try (ClientConfig cfg = config(server.url); EduAuthClient client = new EduAuthClient(cfg)) {
      ClientMetrics before = client.metrics();
      assertEquals(0, before.fetchesStarted());
      assertEquals(0, before.keys());
      client.get("room-m", "user-m", 2, 10_000);
      client.get("room-m", "user-m", 2, 10_000); // cached: no second fetch
      ClientMetrics m = client.metrics();
      assertEquals(1, m.fetchesStarted());
      assertEquals(1, m.fetchSuccesses());
      assertEquals(0, m.fetchFailures());
      assertEquals(1, m.keys());
      assertEquals(1, m.keysWithToken());
      assertEquals(0, m.keysBackingOff());
      assertEquals(1, m.latencyCount());
      assertEquals(9, m.latencyBuckets().length);
      assertEquals(1, java.util.Arrays.stream(m.latencyBuckets()).sum());
      assertTrue(m.latencyMaxMs() <= m.latencySumMs());
      assertEquals(m, client.metrics()); // value equality: nothing moved
      assertFalse(m.equals(before));
    }
  }

  @Test
  public void nonAsciiUserRoundTripsThroughTheServer() {
    try (ClientConfig cfg = config(server.url); EduAuthClient client = new EduAuthClient(cfg)) {
      FetchedToken got = client.get("房间-1", "老师01", 1, 10_000);
      try (Token t = Token.decode(got.token())) {
        TokenService apaas = t.services().stream().filter(s -> s.type() == TokenService.APAAS).findFirst().get();
        assertEquals("老师01", apaas.userUuid());
        assertEquals("房间-1", apaas.roomUuid());
      }
    }
  }

  @Test
  public void getAsyncCompletesOnABindingThread() throws Exception {
    try (ClientConfig cfg = config(server.url); EduAuthClient client = new EduAuthClient(cfg)) {
      CompletableFuture<FetchedToken> f = client.getAsync("room-2", "user-2", 1, 10_000);
      FetchedToken got = f.get(20, TimeUnit.SECONDS);
      try (Token t = Token.decode(got.token())) {
        assertEquals(got.expiresAt(), t.expiresAt());
      }
    }
  }

  @Test
  public void eventsArriveOnTheListenerThread() throws Exception {
    BlockingQueue<TokenEvent> events = new LinkedBlockingQueue<>();
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    try (ClientConfig cfg = config(server.url); EduAuthClient client = new EduAuthClient(cfg)) {
      client.addListener(e -> {
        threads.add(Thread.currentThread().getName());
        events.add(e);
      });
      client.addListener(e -> {
        throw new IllegalStateException("a faulty listener must not stop delivery");
      });
      FetchedToken got = client.get("room-3", "user-3", 2, 10_000);
      TokenEvent e = events.poll(20, TimeUnit.SECONDS);
      assertNotNull("no event within 20 s", e);
      assertEquals(TokenEvent.TOKEN_REFRESHED, e.type());
      assertEquals("room-3", e.roomUuid());
      assertEquals("user-3", e.userUuid());
      assertEquals(2, e.role());
      assertEquals(got.token(), e.token());
      assertEquals(got.expiresAt(), e.expiresAt());
      assertTrue(threads.poll().contains("-events"));

      // A token reported as rejected is dropped; the next get fetches again and reports it.
      assertFalse(client.invalidate("room-3", "user-3", 2, "007stale"));
      assertTrue(client.invalidate("room-3", "user-3", 2, got.token()));
      client.get("room-3", "user-3", 2, 10_000);
      TokenEvent second = events.poll(20, TimeUnit.SECONDS);
      assertNotNull(second);
      assertEquals(TokenEvent.TOKEN_REFRESHED, second.type());
      assertEquals(0, client.droppedEvents());
    }
  }

  @Test
  public void reauthRequiredCarriesItsStatusAndEvent() throws Exception {
    try (TokenServer guarded = new TokenServer("--bearer-secret", "s3cret");
        ClientConfig cfg = config(guarded.url);
        EduAuthClient client = new EduAuthClient(cfg)) {
      BlockingQueue<TokenEvent> events = new LinkedBlockingQueue<>();
      client.addListener(events::add);
      try {
        client.get("room-4", "user-4", 2, 10_000);
        fail("401 accepted");
      } catch (EduAuthException e) {
        assertEquals(Status.REAUTH_REQUIRED, e.status());
        assertFalse(e.getMessage().contains("s3cret"));
      }
      TokenEvent e;
      do {
        e = events.poll(20, TimeUnit.SECONDS);
        assertNotNull("no REAUTH_REQUIRED event", e);
      } while (e.type() != TokenEvent.REAUTH_REQUIRED);
      assertEquals(Status.REAUTH_REQUIRED, e.status());

      try (ClientConfig ok = config(guarded.url).addHeader("Authorization", "Bearer s3cret");
          EduAuthClient authorized = new EduAuthClient(ok)) {
        assertTrue(authorized.get("room-4", "user-4", 2, 10_000).token().startsWith("007"));
      }
    }
  }

  @Test
  public void httpsWithATestCa() throws Exception {
    Path dir = Files.createTempDirectory("eduauth-java-tls");
    File cert = dir.resolve("cert.pem").toFile();
    File key = dir.resolve("key.pem").toFile();
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.getPath(), "-out",
        cert.getPath()).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertEquals(0, openssl.waitFor());
    try (TokenServer tls = new TokenServer("--tls-cert", cert.getPath(), "--tls-key", key.getPath())) {
      assertTrue(tls.url, tls.url.startsWith("https://127.0.0.1:"));
      try (ClientConfig cfg = config(tls.url).caFile(cert.getPath()); EduAuthClient client = new EduAuthClient(cfg)) {
        assertTrue(client.get("room-5", "user-5", 2, 10_000).token().startsWith("007"));
      }
      // The system store does not know the test CA: certificate verification fails.
      try (ClientConfig cfg = config(tls.url); EduAuthClient client = new EduAuthClient(cfg)) {
        client.get("room-5", "user-5", 2, 10_000);
        fail("untrusted certificate accepted");
      } catch (EduAuthException e) {
        assertTrue(e.toString(), e.status() == Status.TLS || e.status() == Status.NETWORK);
      }
    }
    // C-12: a CA file that is not there is a TLS error naming ca_file, at construction.
    try (ClientConfig cfg = config(server.url).caFile(dir.resolve("missing.pem").toString())) {
      try {
        new EduAuthClient(cfg).close();
        fail("missing CA file accepted");
      } catch (EduAuthException e) {
        assertEquals(Status.TLS, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains("ca_file"));
      }
    }
  }

  @Test
  public void closeWhileFetchesAndRefreshesAreInFlight() throws Exception {
    for (int round = 0; round < 20; round++) {
      ClientConfig cfg = config(server.url).refreshMarginS(0);
      EduAuthClient client = new EduAuthClient(cfg);
      cfg.close();
      client.addListener(e -> { });
      CompletableFuture<FetchedToken> pending = client.getAsync("room-6", "user-" + round, 2, 10_000);
      client.prefetch("room-6", "other-" + round, 2);
      client.close();
      client.close(); // idempotent
      try {
        pending.get(20, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        EduAuthException cause = (EduAuthException) e.getCause();
        assertEquals(cause.toString(), Status.CLOSED, cause.status());
      }
      try {
        client.get("room-6", "user-6", 2, 1000);
        fail("get after close");
      } catch (IllegalStateException expected) {
        assertTrue(expected.getMessage().contains("closed"));
      }
    }
  }

  @Test
  public void clientsDroppedWithoutCloseAreCollected() throws Exception {
    WeakReference<EduAuthClient> ref = dropClient();
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(20); // waiting for the collector, not for eduauth timing
    }
    assertEquals(null, ref.get());
  }

  private static WeakReference<EduAuthClient> dropClient() {
    ClientConfig cfg = config(server.url);
    EduAuthClient client = new EduAuthClient(cfg);
    client.addListener(e -> { });
    client.get("room-7", "user-7", 2, 10_000);
    return new WeakReference<>(client);
  }

  @Test
  public void invalidConfigurationNamesTheOption() {
    try (ClientConfig cfg = new ClientConfig()) {
      try {
        cfg.preset("no-such-preset");
        fail();
      } catch (EduAuthException e) {
        assertEquals(Status.INVALID_ARGUMENT, e.status());
        assertTrue(e.getMessage(), e.getMessage().contains("no-such-preset"));
      }
      try {
        new EduAuthClient(cfg).close();
        fail("client without a server URL");
      } catch (EduAuthException e) {
        assertEquals(Status.INVALID_ARGUMENT, e.status());
      }
    }
  }
}
