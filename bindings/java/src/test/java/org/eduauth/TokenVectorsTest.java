package org.eduauth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Every shared vector through the Java binding: decode fields, byte-exact builds, verify. */
public class TokenVectorsTest {

  @Test
  public void decodesEveryPositiveVector() {
    int decoded = 0;
    for (Object o : Vectors.list("positive")) {
      Map<String, Object> v = Json.obj(o);
      String id = (String) v.get("id");
      Map<String, Object> want = Json.obj(v.get("decoded"));
      try (Token t = Token.decode((String) v.get("expected_token"))) {
        assertDecoded(id, want, t);
        decoded++;
      }
      // Other valid deflate streams of the same payload must decode the same way.
      Object others = v.get("other_language_tokens");
      if (others != null) {
        for (Object other : Json.obj(others).values()) {
          Map<String, Object> alt = Json.obj(other);
          if (Boolean.TRUE.equals(alt.get("payload_identical_to_expected"))) {
            try (Token t = Token.decode((String) alt.get("token"))) {
              assertDecoded(id + " (other encoder)", want, t);
            }
          }
        }
      }
    }
    assertEquals(Vectors.list("positive").size(), decoded);
    assertTrue("expected the 67 shipped vectors, got " + decoded, decoded >= 67);
  }

  @Test
  public void buildsEveryNamedBuilderVectorByteForByte() {
    int built = 0;
    for (Object o : Vectors.list("positive")) {
      Map<String, Object> v = Json.obj(o);
      String token = VectorBuild.build(v);
      if (token == null) {
        continue; // raw AccessToken2 / AccessToken entries have no named builder
      }
      assertEquals((String) v.get("id"), v.get("expected_token"), token);
      built++;
    }
    assertTrue("named-builder vectors built: " + built, built >= 45);
  }

  @Test
  public void verifiesPositiveVectorsWithTheirCertificate() {
    for (Object o : Vectors.list("positive")) {
      Map<String, Object> v = Json.obj(o);
      Map<String, Object> in = Json.obj(v.get("inputs"));
      String cert = (String) in.getOrDefault("app_certificate", "5CFd2fd1755d40ecb72977518be15d3b");
      try (Token t = Token.decode((String) v.get("expected_token"))) {
        boolean ok = t.version() == 7
            ? t.verify(cert)
            : t.verify006(cert, (String) v.get("signed_channel"), (String) v.get("signed_uid"));
        assertTrue((String) v.get("id"), ok);
      }
    }
  }

  @Test
  public void verifyVectorsGiveTheExpectedVerdict() {
    for (Object o : Vectors.list("verify")) {
      Map<String, Object> v = Json.obj(o);
      String id = (String) v.get("id");
      boolean wantValid = ((String) v.get("expected")).startsWith("valid");
      boolean valid;
      try (Token t = Token.decode((String) v.get("token"))) {
        valid = "verify_006".equals(v.get("kind"))
            ? t.verify006((String) v.get("app_certificate"), (String) v.get("channel_name"),
                (String) v.get("uid"))
            : t.verify((String) v.get("app_certificate"));
      } catch (EduAuthException e) {
        valid = false; // refused before the signature (e.g. app id not 32 hex characters)
      }
      assertEquals(id, wantValid, valid);
    }
  }

  @Test
  public void malformedVectorsAreRejectedWithAStatus() {
    int rejected = 0;
    for (Object o : Vectors.list("malformed")) {
      Map<String, Object> v = Json.obj(o);
      String kind = (String) v.get("kind");
      String expected = (String) v.get("eduauth_expected");
      String id = (String) v.get("id");
      if (kind.startsWith("build_invalid")) {
        try {
          String token = VectorBuild.build(v);
          fail(id + ": builder accepted invalid input and returned " + token);
        } catch (EduAuthException e) {
          assertEquals(id, Status.INVALID_ARGUMENT, e.status());
        }
        continue;
      }
      if ("reject".equals(expected)) {
        try (Token t = Token.decode((String) v.get("token"))) {
          fail(id + ": decoded " + t);
        } catch (EduAuthException e) {
          assertTrue(id + ": " + e, e.status() == Status.MALFORMED_TOKEN
              || e.status() == Status.UNSUPPORTED_VERSION);
          assertFalse(id + ": empty message", e.getMessage().isEmpty());
          rejected++;
        }
      } else {
        try (Token t = Token.decode((String) v.get("token"))) {
          if ("accept_flag_unknown_service".equals(expected)) {
            assertTrue(id, t.unknownServiceType() >= 0);
          } else if ("accept_flag_trailing_bytes".equals(expected)) {
            assertTrue(id, t.trailingBytes() > 0);
          } else if ("accept_verify_fails".equals(expected)) {
            assertFalse(id, t.verify("5CFd2fd1755d40ecb72977518be15d3b"));
          }
        }
      }
    }
    assertTrue("rejected " + rejected, rejected >= 30);
  }

  static void assertDecoded(String id, Map<String, Object> want, Token t) {
    assertEquals(id, want.get("app_id"), t.appId());
    assertEquals(id, Json.num(want.get("salt")), t.salt());
    if ("007".equals(want.get("version"))) {
      assertEquals(id, 7, t.version());
      assertEquals(id, Json.num(want.get("issue_ts")), t.issueTs());
      assertEquals(id, Json.num(want.get("expire")), t.expire());
      List<Object> services = Json.arr(want.get("services"));
      assertEquals(id, services.size(), t.services().size());
      long expiry = t.issueTs() + t.expire();
      for (int i = 0; i < services.size(); i++) {
        Map<String, Object> ws = Json.obj(services.get(i));
        TokenService s = t.services().get(i);
        String where = id + " service " + i;
        assertEquals(where, Json.num(ws.get("type")), s.type());
        assertEquals(where, ws.get("type_name"), s.typeName());
        List<Object> privileges = Json.arr(ws.get("privileges"));
        assertEquals(where, privileges.size(), s.privileges().size());
        for (int k = 0; k < privileges.size(); k++) {
          Map<String, Object> wp = Json.obj(privileges.get(k));
          assertEquals(where, Json.num(wp.get("id")), s.privileges().get(k).id());
          assertEquals(where, Json.num(wp.get("value")), s.privileges().get(k).value());
          long value = s.privileges().get(k).value();
          if (value != 0) {
            expiry = Math.min(expiry, t.issueTs() + value);
          }
        }
        assertEquals(where, ws.get("channel_name"), s.channelName());
        assertEquals(where, ws.get("account"), s.account());
        assertEquals(where, ws.get("user_id"), s.userId());
        assertEquals(where, ws.get("room_uuid"), s.roomUuid());
        assertEquals(where, ws.get("user_uuid"), s.userUuid());
        if (ws.containsKey("role")) {
          assertNotNull(where, s.role());
          assertEquals(where, Json.num(ws.get("role")), (long) s.role());
        }
      }
      if (t.unknownServiceType() < 0 && t.expire() != 0) {
        assertEquals(id + " expiresAt", expiry, t.expiresAt());
      }
    } else {
      assertEquals(id, 6, t.version());
      assertEquals(id, Json.num(want.get("ts")), t.ts());
      assertEquals(id, Json.num(want.get("crc_channel_name")), t.crcChannelName());
      assertEquals(id, Json.num(want.get("crc_uid")), t.crcUid());
      List<Object> privileges = Json.arr(want.get("privileges"));
      assertEquals(id, privileges.size(), t.privileges().size());
      long expiry = t.ts();
      for (int k = 0; k < privileges.size(); k++) {
        Map<String, Object> wp = Json.obj(privileges.get(k));
        assertEquals(id, Json.num(wp.get("id")), t.privileges().get(k).id());
        assertEquals(id, Json.num(wp.get("value")), t.privileges().get(k).value());
        long value = t.privileges().get(k).value();
        if (value != 0) {
          expiry = Math.min(expiry, value);
        }
      }
      assertEquals(id + " expiresAt", expiry, t.expiresAt());
    }
  }
}
