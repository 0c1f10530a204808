using System;
using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>Objects dropped without Dispose are released by their SafeHandle finalizers.</summary>
    [TestFixture]
    public class GarbageCollectionTests
    {
        [Test]
        public void DroppedTokensAreCollected()
        {
            string token = TokenBuilders.RtmTokenAt(LanguageBoundaryTests.AppId, LanguageBoundaryTests.Cert, "gc", 600,
                1700000000, 1);
            WeakReference last = MakeGarbage(token, 20000);
            for (int i = 0; i < 10 && last.IsAlive; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.IsFalse(last.IsAlive);
        }

        private static WeakReference MakeGarbage(string token, int count)
        {
            WeakReference last = null;
            for (int i = 0; i < count; i++)
            {
                var t = Token.Decode(token); // never disposed
                Assert.AreEqual(1700000600L, t.ExpiresAt);
                last = new WeakReference(t);
            }
            return last;
        }
    }
}
