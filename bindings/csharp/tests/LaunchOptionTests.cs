using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>LaunchOptionBuilder: fields, consistency with the token (C-14), UTF-8 byte limits (C-08).</summary>
    [TestFixture]
    public class LaunchOptionTests
    {
        private const long Now = 1700000100;

        private static LaunchOptionBuilder Valid(string token)
        {
            return new LaunchOptionBuilder().AppId(TokenServer.AppId).UserUuid("老师01").UserName("Teacher")
                .RoomUuid("room-1").RoomName("Physics").RoleType(LaunchOptionBuilder.RoleTeacher)
                .RoomType(LaunchOptionBuilder.RoomSmallClass).Token(token).Pretest(false).Language("en")
                .DurationS(1800).Region("NA");
        }

        private static string RoomUserToken(string user, int role, uint expire)
        {
            return TokenBuilders.EducationRoomUserTokenAt(TokenServer.AppId, TokenServer.Cert, "room-1", user, role,
                expire, 1700000000, 7);
        }

        [Test]
        public void BuildsAJsonConsistentWithTheToken()
        {
            string token = RoomUserToken("老师01", LaunchOptionBuilder.RoleTeacher, 3600);
            using (var b = Valid(token))
            {
                var json = Json.Obj(Json.Parse(b.BuildAt(Now)));
                Assert.AreEqual(token, json["token"]);
                Assert.AreEqual("老师01", json["userUuid"]);
                Assert.AreEqual(1L, json["roleType"]);
                Assert.AreEqual(4L, json["roomType"]);
                Assert.AreEqual(1800L, json["duration"]);
            }
        }

        [Test]
        public void C14TokenForAnotherUserIsAMismatch()
        {
            using (var b = Valid(RoomUserToken("student-9", LaunchOptionBuilder.RoleStudent, 3600)))
            {
                var e = Assert.Throws<EduAuthException>(() => b.BuildAt(Now));
                Assert.AreEqual(StatusCode.LaunchTokenMismatch, e.Status);
            }
        }

        [Test]
        public void C08ByteLimitCountsUtf8Bytes()
        {
            using (var b = Valid(RoomUserToken("老师01", LaunchOptionBuilder.RoleTeacher, 3600)).UserName(new string('老', 22)))
            {
                var e = Assert.Throws<EduAuthException>(() => b.BuildAt(Now));
                Assert.AreEqual(StatusCode.InvalidLaunchOption, e.Status);
                StringAssert.Contains("userName", e.Message);
            }
        }
    }
}
