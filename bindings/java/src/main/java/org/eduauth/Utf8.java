package org.eduauth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strings cross the C boundary as standard UTF-8 bytes (case C-08). JNI's own string
 * functions use modified UTF-8, which encodes an emoji as two 3-byte surrogates (CESU-8,
 * {@code ed a0 bd ed b9 82}) instead of {@code f0 9f 99 82}; the C API would then sign
 * other bytes than C, C++ and C# callers do. Called by the generated layer.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Strict UTF-8 with a terminating NUL, or null for null. A lone surrogate or an embedded
   * U+0000 (C strings end there) is refused instead of being replaced silently.
   */
  static byte[] encode(String s) {
    if (s == null) {
      return null;
    }
    if (s.indexOf('\0') >= 0) {
      throw new EduAuthException(Status.INVALID_ARGUMENT,
          "string contains U+0000 at index " + s.indexOf('\0') + "; C strings end at NUL");
    }
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes;
    try {
      bytes = encoder.encode(CharBuffer.wrap(s));
    } catch (CharacterCodingException e) {
      throw new EduAuthException(Status.INVALID_ARGUMENT,
          "string is not valid UTF-16 (unpaired surrogate): " + e.getMessage());
    }
    byte[] out = new byte[bytes.remaining() + 1];
    bytes.get(out, 0, bytes.remaining());
    return out; // last byte stays 0
  }

  /** Decodes UTF-8 bytes; null stays null. Invalid sequences become U+FFFD. */
  static String decode(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
