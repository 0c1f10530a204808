package org.eduauth;

import static org.junit.Assert.assertEquals;

import java.lang.ref.WeakReference;
import org.junit.Test;

/** Objects dropped without close() are freed by the Cleaner, without a crash. */
public class GarbageCollectionTest {
  @Test
  public void droppedTokensAreCollected() throws Exception {
    String token = TokenBuilders.rtmTokenAt(LanguageBoundaryTest.APP_ID, LanguageBoundaryTest.CERT, "gc",
        600, 1700000000L, 1);
    WeakReference<Token> last = null;
    for (int i = 0; i < 20000; i++) {
      Token t = Token.decode(token); // never closed
      assertEquals(1700000600L, t.expiresAt());
      last = new WeakReference<>(t);
    }
    for (int i = 0; i < 50 && last.get() != null; i++) {
      System.gc();
      Thread.sleep(10); // waiting for the collector, not for eduauth timing
    }
    assertEquals(null, last.get());
  }

  @Test
  public void closeAfterCleanerIsHarmless() {
    String token = TokenBuilders.rtmTokenAt(LanguageBoundaryTest.APP_ID, LanguageBoundaryTest.CERT, "gc",
        600, 1700000000L, 1);
    Token t = Token.decode(token);
    t.close();
    System.gc();
    t.close();
  }
}
