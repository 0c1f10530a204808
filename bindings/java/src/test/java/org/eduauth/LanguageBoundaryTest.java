package org.eduauth;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

/** Cases C-02 (uid range through Java ints/longs) and C-08 (non-ASCII user ids). */
public class LanguageBoundaryTest {
  static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
  static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";
  static final String CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
  static final long ISSUE_TS = 1700000000L;
  static final long SALT = 12345678L;

  private static Map<String, Object> vector(String id) {
    for (Object o : Vectors.list("positive")) {
      Map<String, Object> v = Json.obj(o);
      if (id.equals(v.get("id"))) {
        return v;
      }
    }
    throw new AssertionError("no vector " + id);
  }

  @Test
  public void c02NegativeIntUidIsTheUnsignedUid() {
    Map<String, Object> v = vector("p007-rtc-uid-01"); // uid 2882341273, publisher, 600/600
    int signedUid = (int) 2882341273L; // what a Java int holds: -1412626023
    assertEquals(-1412626023, signedUid);
    String fromInt = TokenBuilders.rtcTokenWithUidAt(APP_ID, CERT, CHANNEL, signedUid,
        TokenBuilders.RTC_ROLE_PUBLISHER, 600, 600, Json.num(v.get("issue_ts")), Json.num(v.get("salt")));
    assertEquals(v.get("expected_token"), fromInt);
    try (Token t = Token.decode(fromInt)) {
      assertEquals("2882341273", t.services().get(0).account());
    }
  }

  @Test
  public void c02UidAboveUint32IsRefusedNamingTheRange() {
    try {
      TokenBuilders.rtcTokenWithUidAt(APP_ID, CERT, CHANNEL, 9854785632L, 1, 600, 600, ISSUE_TS, SALT);
      fail("uid 9854785632 accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_ARGUMENT, e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("9854785632"));
      assertTrue(e.getMessage(), e.getMessage().contains("4294967295"));
    }
  }

  @Test
  public void c02MaxUidIsValid() {
    String token = TokenBuilders.rtcTokenWithUidAt(APP_ID, CERT, CHANNEL, 4294967295L, 1, 600, 600,
        ISSUE_TS, SALT);
    try (Token t = Token.decode(token)) {
      assertEquals("4294967295", t.services().get(0).account());
      assertTrue(t.verify(CERT));
    }
    // 006 too: the numeric uid and its text sign the same identity.
    String legacy = TokenBuilders.rtc006TokenWithUidAt(APP_ID, CERT, CHANNEL, -1412626023, 1, 0,
        ISSUE_TS, SALT);
    try (Token t = Token.decode(legacy)) {
      assertTrue(t.verify006(CERT, CHANNEL, 2882341273L));
      assertTrue(t.verify006(CERT, CHANNEL, "2882341273"));
    }
  }

  @Test
  public void c02OtherUint32FieldsAreNotReinterpreted() {
    try {
      TokenBuilders.rtmTokenAt(APP_ID, CERT, "u", -1, ISSUE_TS, SALT);
      fail("expire -1 accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_ARGUMENT, e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("expire"));
    }
  }

  /** A vector whose user id has CJK, Latin-1 and an emoji (4-byte UTF-8). */
  @Test
  public void c08NonAsciiVectorsAreByteExact() {
    for (String id : new String[] {"p007-edu-user-02", "p007-rtm-04", "p007-rtc-account-04"}) {
      Map<String, Object> v = vector(id);
      assertEquals(id, v.get("expected_token"), VectorBuild.build(v));
    }
  }

  @Test
  public void c08TeacherAccountRoundTrips() {
    String user = "老师01";
    assertEquals(8, user.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(4, user.length());
    String token = TokenBuilders.rtmTokenAt(APP_ID, CERT, user, 600, ISSUE_TS, SALT);
    try (Token t = Token.decode(token)) {
      assertEquals(user, t.services().get(0).userId());
      assertTrue(t.toJson(), t.toJson().contains("\"user_id_byte_length\":8"));
    }
  }

  @Test
  public void c08EmojiIsUtf8NotCesu8() {
    String user = "u\uD83D\uDE42"; // u🙂
    String token = TokenBuilders.rtmTokenAt(APP_ID, CERT, user, 600, ISSUE_TS, SALT);
    try (Token t = Token.decode(token)) {
      String back = t.services().get(0).userId();
      assertEquals(user, back);
      assertArrayEquals(new byte[] {0x75, (byte) 0xf0, (byte) 0x9f, (byte) 0x99, (byte) 0x82},
          back.getBytes(StandardCharsets.UTF_8));
      // 5 bytes on the wire; CESU-8 would be 7.
      assertTrue(t.toJson(), t.toJson().contains("\"user_id_byte_length\":5"));
    }
    assertEquals(CrossLanguage.RTM_U_EMOJI_TOKEN, token);
    assertEquals(CrossLanguage.RTM_TEACHER_TOKEN,
        TokenBuilders.rtmTokenAt(APP_ID, CERT, "老师01", 600, ISSUE_TS, SALT));
  }

  @Test
  public void unpairedSurrogateIsRefused() {
    try {
      TokenBuilders.rtmTokenAt(APP_ID, CERT, "u\uD83D", 600, ISSUE_TS, SALT);
      fail("lone surrogate accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_ARGUMENT, e.status());
    }
  }
}
