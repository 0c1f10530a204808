using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>EduAuthClient against the real sample token server on 127.0.0.1.</summary>
    [TestFixture]
    public class ClientTests
    {
        private TokenServer server;

        [TestFixtureSetUp]
        public void StartServer() { server = new TokenServer(); }

        [TestFixtureTearDown]
        public void StopServer() { server.Dispose(); }

        private static ClientConfig Config(string url)
        {
            return new ClientConfig().ServerUrl(url).Preset("education").AppId(TokenServer.AppId);
        }

        [Test]
        public void FetchesAndCachesARoomUserToken()
        {
            using (var cfg = Config(server.Url))
            using (var client = new EduAuthClient(cfg))
            {
                FetchedToken first = client.Get("room-1", "老师01", 1, 10000);
                using (var t = Token.Decode(first.Token))
                {
                    Assert.AreEqual(TokenServer.AppId, t.AppId);
                    Assert.AreEqual(t.ExpiresAt, first.ExpiresAt);
                    Assert.That(first.ExpiresAt, Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3000));
                    var apaas = t.Services.First(s => s.Type == TokenService.Apaas);
                    Assert.AreEqual("room-1", apaas.RoomUuid);
                    Assert.AreEqual("老师01", apaas.UserUuid);
                    Assert.AreEqual(1, apaas.Role);
                    Assert.IsTrue(t.Verify(TokenServer.Cert));
                }
                Assert.AreEqual(first.Token, client.Get("room-1", "老师01", 1, 10000).Token);
            }
        }

        [Test]
        public void MetricsCountTheFetchAndTheCachedKey()
        {
            using (var cfg = Config(server.Url))
            using (var client = new EduAuthClient(cfg))
            {
                ClientMetrics before = client.Metrics;
                Assert.AreEqual(0, before.FetchesStarted);
                Assert.AreEqual(0, before.Keys);
                client.Get("room-m", "user-m", 2, 10000);
                client.Get("room-m", "user-m", 2, 10000); // cached: no second fetch
                ClientMetrics m = client.Metrics;
                Assert.AreEqual(1, m.FetchesStarted);
                Assert.AreEqual(1, m.FetchSuccesses);
                Assert.AreEqual(0, m.FetchFailures);
                Assert.AreEqual(1, m.Keys);
                Assert.AreEqual(1, m.KeysWithToken);
                Assert.AreEqual(0, m.KeysBackingOff);
                Assert.AreEqual(1, m.LatencyCount);
                Assert.AreEqual(9, m.LatencyBuckets.Count);
                Assert.AreEqual(1, m.LatencyBuckets.Sum());
                Assert.That(m.LatencyMaxMs, Is.LessThanOrEqualTo(m.LatencySumMs));
                Assert.AreEqual(m, client.Metrics); // value equality: nothing moved
                Assert.AreNotEqual(before, m);
            }
        }

        [Test]
        public void GetAsyncCompletes()
        {
            using (var cfg = Config(server.Url))
            using (var client = new EduAuthClient(cfg))
            {
                var task = client.GetAsync("room-2", "user-2", 2, 10000);
                Assert.IsTrue(task.Wait(20000));
                StringAssert.StartsWith("007", task.Result.Token);
            }
        }

        [Test]
        public void EventsArriveOnTheClientThread()
        {
            var events = new BlockingCollection<TokenEvent>();
            var threads = new ConcurrentQueue<string>();
            using (var cfg = Config(server.Url))
            using (var client = new EduAuthClient(cfg))
            {
                client.TokenEventReceived += (s, e) => { threads.Enqueue(Thread.CurrentThread.Name); events.Add(e); };
                client.TokenEventReceived += (s, e) => { throw new InvalidOperationException("faulty handler"); };
                FetchedToken got = client.Get("room-3", "user-3", 2, 10000);
                TokenEvent ev;
                Assert.IsTrue(events.TryTake(out ev, 20000), "no event within 20 s");
                Assert.AreEqual(TokenEvent.TokenRefreshed, ev.Type);
                Assert.AreEqual("room-3", ev.RoomUuid);
                Assert.AreEqual("user-3", ev.UserUuid);
                Assert.AreEqual(2, ev.Role);
                Assert.AreEqual(got.Token, ev.Token);
                Assert.AreEqual(got.ExpiresAt, ev.ExpiresAt);
                string name;
                Assert.IsTrue(threads.TryDequeue(out name));
                Assert.AreEqual("eduauth-client-events", name);

                Assert.IsFalse(client.Invalidate("room-3", "user-3", 2, "007stale"));
                Assert.IsTrue(client.Invalidate("room-3", "user-3", 2, got.Token));
                client.Get("room-3", "user-3", 2, 10000);
                Assert.IsTrue(events.TryTake(out ev, 20000));
                Assert.AreEqual(TokenEvent.TokenRefreshed, ev.Type);
                Assert.AreEqual(0UL, client.DroppedEvents);
            }
        }

        [Test]
        public void ReauthRequiredCarriesItsStatus()
        {
            using (var guarded = new TokenServer("--bearer-secret s3cret"))
            {
                using (var cfg = Config(guarded.Url))
                using (var client = new EduAuthClient(cfg))
                {
                    var e = Assert.Throws<EduAuthException>(() => client.Get("room-4", "user-4", 2, 10000));
                    Assert.AreEqual(StatusCode.ReauthRequired, e.Status);
                    StringAssert.DoesNotContain("s3cret", e.Message);
                }
                using (var cfg = Config(guarded.Url).AddHeader("Authorization", "Bearer s3cret"))
                using (var client = new EduAuthClient(cfg))
                    StringAssert.StartsWith("007", client.Get("room-4", "user-4", 2, 10000).Token);
            }
        }

        [Test]
        public void DisposeWhileFetchesAreInFlight()
        {
            for (int round = 0; round < 20; round++)
            {
                var cfg = Config(server.Url).RefreshMarginS(0);
                var client = new EduAuthClient(cfg);
                cfg.Dispose();
                client.TokenEventReceived += (s, e) => { };
                var pending = client.GetAsync("room-6", "user-" + round, 2, 10000);
                client.Prefetch("room-6", "other-" + round, 2);
                client.Dispose();
                client.Dispose(); // idempotent
                try
                {
                    pending.Wait(20000);
                }
                catch (AggregateException ae)
                {
                    var inner = ae.InnerException;
                    Assert.That(inner is ObjectDisposedException ||
                                (inner is EduAuthException && ((EduAuthException)inner).Status == StatusCode.Closed),
                        inner.ToString());
                }
                Assert.Throws<ObjectDisposedException>(() => client.Get("room-6", "user-6", 2, 1000));
            }
        }

        [Test]
        public void ClientsDroppedWithoutDisposeAreReleased()
        {
            WeakReference weak = DropClient(server.Url);
            for (int i = 0; i < 10 && weak.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.IsFalse(weak.IsAlive);
            GC.Collect();
            GC.WaitForPendingFinalizers(); // the SafeHandle finalizer frees the native client
        }

        private static WeakReference DropClient(string url)
        {
            var client = new EduAuthClient(Config(url));
            client.TokenEventReceived += (s, e) => { };
            client.Get("room-7", "user-7", 2, 10000);
            return new WeakReference(client);
        }

        [Test]
        public void HttpsWithATestCaFromFileAndFromPem()
        {
            string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eduauth-cs-tls-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(dir);
            string cert = System.IO.Path.Combine(dir, "cert.pem"), key = System.IO.Path.Combine(dir, "key.pem");
            var psi = new System.Diagnostics.ProcessStartInfo("openssl",
                "req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 " +
                "-keyout " + key + " -out " + cert) { UseShellExecute = false, RedirectStandardError = true };
            using (var openssl = System.Diagnostics.Process.Start(psi))
            {
                openssl.StandardError.ReadToEnd();
                openssl.WaitForExit();
                Assert.AreEqual(0, openssl.ExitCode);
            }
            using (var tls = new TokenServer("--tls-cert " + cert + " --tls-key " + key))
            {
                StringAssert.StartsWith("https://127.0.0.1:", tls.Url);
                using (var cfg = Config(tls.Url).CaFile(cert))
                using (var client = new EduAuthClient(cfg))
                    StringAssert.StartsWith("007", client.Get("room-5", "user-5", 2, 10000).Token);
                using (var cfg = Config(tls.Url).CaPem(System.IO.File.ReadAllText(cert)))
                using (var client = new EduAuthClient(cfg))
                    StringAssert.StartsWith("007", client.Get("room-6", "user-6", 2, 10000).Token);
                // The system store does not know the test CA: verification fails, never silently off.
                using (var cfg = Config(tls.Url))
                using (var client = new EduAuthClient(cfg))
                {
                    var e = Assert.Throws<EduAuthException>(() => client.Get("room-5", "user-5", 2, 10000));
                    Assert.That(e.Status == StatusCode.Tls || e.Status == StatusCode.Network, e.ToString());
                }
            }
            System.IO.Directory.Delete(dir, true);
        }

        [Test]
        public void MissingCaFileIsATlsError()
        {
            using (var cfg = Config(server.Url).CaFile("/nonexistent/ca.pem"))
            {
                var e = Assert.Throws<EduAuthException>(() => new EduAuthClient(cfg).Dispose());
                Assert.AreEqual(StatusCode.Tls, e.Status);
                StringAssert.Contains("ca_file", e.Message);
            }
        }
    }
}
