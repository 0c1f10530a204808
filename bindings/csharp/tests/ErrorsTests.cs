using System;
using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>Exceptions carry the C status and message; disposed objects fail clearly.</summary>
    [TestFixture]
    public class ErrorsTests
    {
        [Test]
        public void VersionMatchesTheHeaders()
        {
            Assert.AreEqual(Sdk.BindingVersion, Sdk.Version);
            Assert.AreEqual(100u, Sdk.VersionNumber); // 0.1.0
        }

        [Test]
        public void MalformedTokenCarriesStatusAndMessage()
        {
            var e = Assert.Throws<EduAuthException>(() => Token.Decode("007not-base64!"));
            Assert.AreEqual(StatusCode.MalformedToken, e.Status);
            Assert.AreEqual(-2, e.Status);
            Assert.AreEqual("EDUAUTH_E_MALFORMED_TOKEN", e.StatusName);
            Assert.IsNotEmpty(e.Message);
        }

        [Test]
        public void UnsupportedVersion()
        {
            var e = Assert.Throws<EduAuthException>(() => Token.Decode("005abc"));
            Assert.AreEqual(StatusCode.UnsupportedVersion, e.Status);
        }

        [Test]
        public void NullTokenIsInvalidArgument()
        {
            var e = Assert.Throws<EduAuthException>(() => Token.Decode(null));
            Assert.AreEqual(StatusCode.InvalidArgument, e.Status);
        }

        [Test]
        public void BadCertificateIsInvalidArgumentAndNotEchoed()
        {
            const string secret = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
            var e = Assert.Throws<EduAuthException>(() =>
                TokenBuilders.RtmTokenAt(LanguageBoundaryTests.AppId, secret, "u", 600, 1700000000, 1));
            Assert.AreEqual(StatusCode.InvalidArgument, e.Status);
            StringAssert.DoesNotContain(secret, e.Message);
        }

        [Test]
        public void WrongCertificateVerifiesFalse()
        {
            string token = TokenBuilders.RtmTokenAt(LanguageBoundaryTests.AppId, LanguageBoundaryTests.Cert, "u", 600,
                1700000000, 1);
            using (var t = Token.Decode(token))
            {
                Assert.IsTrue(t.Verify(LanguageBoundaryTests.Cert));
                Assert.IsFalse(t.Verify("5CFd2fd1755d40ecb72977518be15d30"));
            }
        }

        [Test]
        public void DisposedTokenKeepsFieldsButRefusesNativeCalls()
        {
            string token = TokenBuilders.RtmTokenAt(LanguageBoundaryTests.AppId, LanguageBoundaryTests.Cert, "u", 600,
                1700000000, 1);
            var t = Token.Decode(token);
            t.Dispose();
            t.Dispose(); // idempotent
            Assert.AreEqual(1700000600L, t.ExpiresAt);
            Assert.Throws<ObjectDisposedException>(() => t.ToJson());
        }

        [Test]
        public void FingerprintHidesTheSecret()
        {
            StringAssert.IsMatch("^sha256:[0-9a-f]{8}$", Sdk.Fingerprint(LanguageBoundaryTests.Cert));
        }

        [Test]
        public void ChatUserIdIsMd5Hex()
        {
            Assert.AreEqual("6322bd3dea79f605aa8380cef52770f3", Token.ChatUserId("user-0001"));
        }
    }
}
