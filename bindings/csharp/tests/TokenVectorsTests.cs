using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace EduAuth.Tests
{
    /// <summary>Every shared vector through the C# binding: decode fields, byte-exact builds, verify.</summary>
    [TestFixture]
    public class TokenVectorsTests
    {
        private const string VectorsCertificate = "5CFd2fd1755d40ecb72977518be15d3b";

        [Test]
        public void DecodesEveryPositiveVector()
        {
            int decoded = 0;
            foreach (object o in Vectors.List("positive"))
            {
                var v = Json.Obj(o);
                string id = (string)v["id"];
                var want = Json.Obj(v["decoded"]);
                using (var t = Token.Decode((string)v["expected_token"]))
                {
                    AssertDecoded(id, want, t);
                    decoded++;
                }
                object others;
                if (v.TryGetValue("other_language_tokens", out others))
                {
                    foreach (object other in Json.Obj(others).Values)
                    {
                        var alt = Json.Obj(other);
                        object same;
                        if (alt.TryGetValue("payload_identical_to_expected", out same) && (bool)same)
                            using (var t = Token.Decode((string)alt["token"]))
                                AssertDecoded(id + " (other encoder)", want, t);
                    }
                }
            }
            Assert.That(decoded, Is.GreaterThanOrEqualTo(67));
        }

        [Test]
        public void BuildsEveryNamedBuilderVectorByteForByte()
        {
            int built = 0;
            foreach (object o in Vectors.List("positive"))
            {
                var v = Json.Obj(o);
                string token = VectorBuild.Build(v);
                if (token == null) continue; // raw entries have no named builder
                Assert.AreEqual((string)v["expected_token"], token, (string)v["id"]);
                built++;
            }
            Assert.That(built, Is.GreaterThanOrEqualTo(45));
        }

        [Test]
        public void VerifiesPositiveVectorsWithTheirCertificate()
        {
            foreach (object o in Vectors.List("positive"))
            {
                var v = Json.Obj(o);
                var inputs = Json.Obj(v["inputs"]);
                object cert;
                if (!inputs.TryGetValue("app_certificate", out cert)) cert = VectorsCertificate;
                using (var t = Token.Decode((string)v["expected_token"]))
                {
                    bool ok = t.Version == 7
                        ? t.Verify((string)cert)
                        : t.Verify006((string)cert, (string)v["signed_channel"], (string)v["signed_uid"]);
                    Assert.IsTrue(ok, (string)v["id"]);
                }
            }
        }

        [Test]
        public void VerifyVectorsGiveTheExpectedVerdict()
        {
            foreach (object o in Vectors.List("verify"))
            {
                var v = Json.Obj(o);
                bool wantValid = ((string)v["expected"]).StartsWith("valid", StringComparison.Ordinal);
                bool valid;
                try
                {
                    using (var t = Token.Decode((string)v["token"]))
                    {
                        valid = (string)v["kind"] == "verify_006"
                            ? t.Verify006((string)v["app_certificate"], (string)v["channel_name"], (string)v["uid"])
                            : t.Verify((string)v["app_certificate"]);
                    }
                }
                catch (EduAuthException)
                {
                    valid = false; // refused before the signature (app id not 32 hex characters)
                }
                Assert.AreEqual(wantValid, valid, (string)v["id"]);
            }
        }

        [Test]
        public void MalformedVectorsAreRejectedWithAStatus()
        {
            int rejected = 0;
            foreach (object o in Vectors.List("malformed"))
            {
                var v = Json.Obj(o);
                string id = (string)v["id"], kind = (string)v["kind"], expected = (string)v["eduauth_expected"];
                if (kind.StartsWith("build_invalid", StringComparison.Ordinal))
                {
                    var e = Assert.Throws<EduAuthException>(() => VectorBuild.Build(v), id);
                    Assert.AreEqual(StatusCode.InvalidArgument, e.Status, id);
                    continue;
                }
                if (expected == "reject")
                {
                    var e = Assert.Throws<EduAuthException>(() => Token.Decode((string)v["token"]).Dispose(), id);
                    Assert.That(e.Status == StatusCode.MalformedToken || e.Status == StatusCode.UnsupportedVersion,
                        id + ": " + e);
                    Assert.IsNotEmpty(e.Message, id);
                    rejected++;
                    continue;
                }
                using (var t = Token.Decode((string)v["token"]))
                {
                    if (expected == "accept_flag_unknown_service") Assert.That(t.UnknownServiceType, Is.GreaterThanOrEqualTo(0), id);
                    if (expected == "accept_flag_trailing_bytes") Assert.That(t.TrailingBytes, Is.GreaterThan(0), id);
                    if (expected == "accept_verify_fails") Assert.IsFalse(t.Verify(VectorsCertificate), id);
                }
            }
            Assert.That(rejected, Is.GreaterThanOrEqualTo(30));
        }

        internal static void AssertDecoded(string id, Dictionary<string, object> want, Token t)
        {
            Assert.AreEqual(want["app_id"], t.AppId, id);
            Assert.AreEqual(Json.Num(want["salt"]), (long)t.Salt, id);
            if ((string)want["version"] == "007")
            {
                Assert.AreEqual(7, t.Version, id);
                Assert.AreEqual(Json.Num(want["issue_ts"]), (long)t.IssueTs, id);
                Assert.AreEqual(Json.Num(want["expire"]), (long)t.Expire, id);
                var services = Json.Arr(want["services"]);
                Assert.AreEqual(services.Count, t.Services.Count, id);
                long expiry = (long)t.IssueTs + t.Expire;
                for (int i = 0; i < services.Count; i++)
                {
                    var ws = Json.Obj(services[i]);
                    var s = t.Services[i];
                    string where = id + " service " + i;
                    Assert.AreEqual(Json.Num(ws["type"]), (long)s.Type, where);
                    Assert.AreEqual(ws["type_name"], s.TypeName, where);
                    var privileges = Json.Arr(ws["privileges"]);
                    Assert.AreEqual(privileges.Count, s.Privileges.Count, where);
                    for (int k = 0; k < privileges.Count; k++)
                    {
                        var wp = Json.Obj(privileges[k]);
                        Assert.AreEqual(Json.Num(wp["id"]), (long)s.Privileges[k].Id, where);
                        Assert.AreEqual(Json.Num(wp["value"]), (long)s.Privileges[k].Value, where);
                        if (s.Privileges[k].Value != 0) expiry = Math.Min(expiry, (long)t.IssueTs + s.Privileges[k].Value);
                    }
                    Assert.AreEqual(Get(ws, "channel_name"), s.ChannelName, where);
                    Assert.AreEqual(Get(ws, "account"), s.Account, where);
                    Assert.AreEqual(Get(ws, "user_id"), s.UserId, where);
                    Assert.AreEqual(Get(ws, "room_uuid"), s.RoomUuid, where);
                    Assert.AreEqual(Get(ws, "user_uuid"), s.UserUuid, where);
                    if (ws.ContainsKey("role")) Assert.AreEqual(Json.Num(ws["role"]), (long)s.Role.Value, where);
                }
                if (t.UnknownServiceType < 0 && t.Expire != 0) Assert.AreEqual(expiry, t.ExpiresAt, id + " ExpiresAt");
            }
            else
            {
                Assert.AreEqual(6, t.Version, id);
                Assert.AreEqual(Json.Num(want["ts"]), (long)t.Ts, id);
                Assert.AreEqual(Json.Num(want["crc_channel_name"]), (long)t.CrcChannelName, id);
                Assert.AreEqual(Json.Num(want["crc_uid"]), (long)t.CrcUid, id);
                var privileges = Json.Arr(want["privileges"]);
                Assert.AreEqual(privileges.Count, t.Privileges.Count, id);
                long expiry = t.Ts;
                for (int k = 0; k < privileges.Count; k++)
                {
                    var wp = Json.Obj(privileges[k]);
                    Assert.AreEqual(Json.Num(wp["id"]), (long)t.Privileges[k].Id, id);
                    Assert.AreEqual(Json.Num(wp["value"]), (long)t.Privileges[k].Value, id);
                    if (t.Privileges[k].Value != 0) expiry = Math.Min(expiry, t.Privileges[k].Value);
                }
                Assert.AreEqual(expiry, t.ExpiresAt, id + " ExpiresAt");
            }
        }

        private static string Get(Dictionary<string, object> map, string key)
        {
            object v;
            return map.TryGetValue(key, out v) ? (string)v : null;
        }
    }
}
