package org.eduauth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;
import org.junit.Test;

/** LaunchOptionBuilder: JSON fields, consistency with the token (C-14), UTF-8 byte limits (C-08). */
public class LaunchOptionTest {
  static final long NOW = 1700000100L;

  private static LaunchOptionBuilder valid(String token) {
    return new LaunchOptionBuilder()
        .appId(TokenServer.APP_ID)
        .userUuid("老师01")
        .userName("Teacher")
        .roomUuid("room-1")
        .roomName("Physics")
        .roleType(LaunchOptionBuilder.ROLE_TEACHER)
        .roomType(LaunchOptionBuilder.ROOM_SMALL_CLASS)
        .token(token)
        .pretest(false)
        .language("en")
        .durationS(1800)
        .region("NA");
  }

  @Test
  public void buildsAJsonConsistentWithTheToken() {
    String token = TokenBuilders.educationRoomUserTokenAt(TokenServer.APP_ID, TokenServer.CERT, "room-1", "老师01",
        LaunchOptionBuilder.ROLE_TEACHER, 3600, 1700000000L, 7);
    try (LaunchOptionBuilder b = valid(token)) {
      Map<String, Object> json = Json.obj(Json.parse(b.buildAt(NOW)));
      assertEquals(token, json.get("token"));
      assertEquals("老师01", json.get("userUuid"));
      assertEquals("room-1", json.get("roomUuid"));
      assertEquals(1L, json.get("roleType"));
      assertEquals(4L, json.get("roomType"));
      assertEquals(1800L, json.get("duration"));
      assertEquals(TokenServer.APP_ID, json.get("appId"));
    }
  }

  @Test
  public void c14TokenForAnotherUserIsAMismatchNamingBothValues() {
    String token = TokenBuilders.educationRoomUserTokenAt(TokenServer.APP_ID, TokenServer.CERT, "room-1", "student-9",
        LaunchOptionBuilder.ROLE_STUDENT, 3600, 1700000000L, 7);
    try (LaunchOptionBuilder b = valid(token)) {
      b.buildAt(NOW);
      fail("mismatch accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.LAUNCH_TOKEN_MISMATCH, e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("userUuid") || e.getMessage().contains("roleType"));
      assertTrue(e.getMessage(), e.getMessage().contains("student-9") || e.getMessage().contains("老师01"));
    }
  }

  @Test
  public void c08ByteLimitCountsUtf8Bytes() {
    // 22 CJK characters = 66 UTF-8 bytes: over the < 64 bytes rule although only 22 chars.
    String longName = "老".repeat(22);
    String token = TokenBuilders.educationRoomUserTokenAt(TokenServer.APP_ID, TokenServer.CERT, "room-1", "老师01",
        LaunchOptionBuilder.ROLE_TEACHER, 3600, 1700000000L, 7);
    try (LaunchOptionBuilder b = valid(token).userName(longName)) {
      b.buildAt(NOW);
      fail("66-byte userName accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_LAUNCH_OPTION, e.status());
      assertTrue(e.getMessage(), e.getMessage().contains("userName"));
    }
  }

  @Test
  public void expiredTokenIsRefusedAtBuild() {
    String token = TokenBuilders.educationRoomUserTokenAt(TokenServer.APP_ID, TokenServer.CERT, "room-1", "老师01",
        LaunchOptionBuilder.ROLE_TEACHER, 600, 1700000000L, 7);
    try (LaunchOptionBuilder b = valid(token)) {
      b.buildAt(1700000000L + 601);
      fail("expired token accepted");
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_LAUNCH_OPTION, e.status());
    }
  }
}
