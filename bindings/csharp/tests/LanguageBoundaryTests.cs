using System.Text;
using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>Cases C-02 (uid range through C# int / long / uint) and C-08 (non-ASCII user ids).</summary>
    [TestFixture]
    public class LanguageBoundaryTests
    {
        internal const string AppId = "970CA35de60c44645bbae8a215061b33";
        internal const string Cert = "5CFd2fd1755d40ecb72977518be15d3b";
        internal const string Channel = "7d72365eb983485397e3e3f9d460bdda";
        internal const uint IssueTs = 1700000000;
        internal const uint Salt = 12345678;

        [Test]
        public void C02NegativeIntUidIsTheUnsignedUid()
        {
            var v = Vectors.Positive("p007-rtc-uid-01"); // uid 2882341273, publisher, 600/600
            int signedUid = unchecked((int)2882341273u);
            Assert.AreEqual(-1412626023, signedUid);
            string fromInt = TokenBuilders.RtcTokenWithUidAt(AppId, Cert, Channel, signedUid,
                TokenBuilders.RtcRolePublisher, 600, 600, (uint)Json.Num(v["issue_ts"]), (uint)Json.Num(v["salt"]));
            Assert.AreEqual(v["expected_token"], fromInt);
            string fromUint = TokenBuilders.RtcTokenWithUidAt(AppId, Cert, Channel, 2882341273u,
                TokenBuilders.RtcRolePublisher, 600, 600, (uint)Json.Num(v["issue_ts"]), (uint)Json.Num(v["salt"]));
            Assert.AreEqual(fromInt, fromUint);
            using (var t = Token.Decode(fromInt)) Assert.AreEqual("2882341273", t.Services[0].Account);
        }

        [Test]
        public void C02UidAboveUint32IsRefusedNamingTheRange()
        {
            var e = Assert.Throws<EduAuthException>(() =>
                TokenBuilders.RtcTokenWithUidAt(AppId, Cert, Channel, 9854785632L, 1, 600, 600, IssueTs, Salt));
            Assert.AreEqual(StatusCode.InvalidArgument, e.Status);
            StringAssert.Contains("9854785632", e.Message);
            StringAssert.Contains("4294967295", e.Message);
        }

        [Test]
        public void C02MaxUidIsValid()
        {
            string token = TokenBuilders.RtcTokenWithUidAt(AppId, Cert, Channel, uint.MaxValue, 1, 600, 600, IssueTs, Salt);
            using (var t = Token.Decode(token))
            {
                Assert.AreEqual("4294967295", t.Services[0].Account);
                Assert.IsTrue(t.Verify(Cert));
            }
            string legacy = TokenBuilders.Rtc006TokenWithUidAt(AppId, Cert, Channel, -1412626023, 1, 0, IssueTs, Salt);
            using (var t = Token.Decode(legacy))
            {
                Assert.IsTrue(t.Verify006(Cert, Channel, 2882341273u));
                Assert.IsTrue(t.Verify006(Cert, Channel, "2882341273"));
            }
        }

        [Test]
        public void C08NonAsciiVectorsAreByteExact()
        {
            foreach (string id in new[] { "p007-edu-user-02", "p007-rtm-04", "p007-rtc-account-04" })
            {
                var v = Vectors.Positive(id);
                Assert.AreEqual(v["expected_token"], VectorBuild.Build(v), id);
            }
        }

        [Test]
        public void C08TeacherAccountRoundTrips()
        {
            const string user = "老师01";
            Assert.AreEqual(8, Encoding.UTF8.GetByteCount(user));
            Assert.AreEqual(4, user.Length);
            string token = TokenBuilders.RtmTokenAt(AppId, Cert, user, 600, IssueTs, Salt);
            Assert.AreEqual(CrossLanguage.RtmTeacherToken, token);
            using (var t = Token.Decode(token))
            {
                Assert.AreEqual(user, t.Services[0].UserId);
                StringAssert.Contains("\"user_id_byte_length\":8", t.ToJson());
            }
        }

        [Test]
        public void C08EmojiIsUtf8NotCesu8()
        {
            const string user = "u\uD83D\uDE42"; // u🙂
            string token = TokenBuilders.RtmTokenAt(AppId, Cert, user, 600, IssueTs, Salt);
            Assert.AreEqual(CrossLanguage.RtmUEmojiToken, token);
            using (var t = Token.Decode(token))
            {
                string back = t.Services[0].UserId;
                Assert.AreEqual(user, back);
                CollectionAssert.AreEqual(new byte[] { 0x75, 0xf0, 0x9f, 0x99, 0x82 }, Encoding.UTF8.GetBytes(back));
                StringAssert.Contains("\"user_id_byte_length\":5", t.ToJson());
            }
        }

        [Test]
        public void UnpairedSurrogateIsRefused()
        {
            var e = Assert.Throws<EduAuthException>(() => TokenBuilders.RtmTokenAt(AppId, Cert, "u\uD83D", 600, IssueTs, Salt));
            Assert.AreEqual(StatusCode.InvalidArgument, e.Status);
        }
    }
}
