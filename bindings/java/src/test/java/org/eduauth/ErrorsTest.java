package org.eduauth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** Exceptions carry the C status and message; closed objects fail clearly. */
public class ErrorsTest {
  @Test
  public void versionMatchesTheHeaders() {
    assertEquals(EduAuth.bindingVersion(), EduAuth.version());
    assertEquals(EduAuthNative.EDUAUTH_VERSION_NUMBER, EduAuth.versionNumber());
  }

  @Test
  public void malformedTokenCarriesStatusAndMessage() {
    try {
      Token.decode("007not-base64!");
      fail();
    } catch (EduAuthException e) {
      assertEquals(Status.MALFORMED_TOKEN, e.status());
      assertEquals("EDUAUTH_E_MALFORMED_TOKEN", e.statusName());
      assertFalse(e.getMessage().isEmpty());
    }
  }

  @Test
  public void unsupportedVersion() {
    try {
      Token.decode("005abc");
      fail();
    } catch (EduAuthException e) {
      assertEquals(Status.UNSUPPORTED_VERSION, e.status());
    }
  }

  @Test
  public void nullTokenIsInvalidArgument() {
    try {
      Token.decode(null);
      fail();
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_ARGUMENT, e.status());
    }
  }

  @Test
  public void badCertificateIsInvalidArgumentAndNotEchoed() {
    String secret = "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
    try {
      TokenBuilders.rtmTokenAt(LanguageBoundaryTest.APP_ID, secret, "u", 600, 1700000000L, 1);
      fail();
    } catch (EduAuthException e) {
      assertEquals(Status.INVALID_ARGUMENT, e.status());
      assertFalse(e.getMessage(), e.getMessage().contains(secret));
    }
  }

  @Test
  public void wrongCertificateVerifiesFalse() {
    String token = TokenBuilders.rtmTokenAt(LanguageBoundaryTest.APP_ID, LanguageBoundaryTest.CERT, "u",
        600, 1700000000L, 1);
    try (Token t = Token.decode(token)) {
      assertTrue(t.verify(LanguageBoundaryTest.CERT));
      assertFalse(t.verify("5CFd2fd1755d40ecb72977518be15d30"));
    }
  }

  @Test
  public void closedTokenKeepsFieldsButRefusesNativeCalls() {
    String token = TokenBuilders.rtmTokenAt(LanguageBoundaryTest.APP_ID, LanguageBoundaryTest.CERT, "u",
        600, 1700000000L, 1);
    Token t = Token.decode(token);
    t.close();
    t.close(); // idempotent
    assertEquals(1700000600L, t.expiresAt());
    try {
      t.toJson();
      fail();
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage().contains("closed"));
    }
  }

  @Test
  public void fingerprintHidesTheSecret() {
    String fp = EduAuth.fingerprint(LanguageBoundaryTest.CERT);
    assertTrue(fp, fp.matches("sha256:[0-9a-f]{8}"));
  }

  @Test
  public void chatUserIdIsMd5Hex() {
    assertEquals("6322bd3dea79f605aa8380cef52770f3", Token.chatUserId("user-0001"));
  }
}
