import org.eduauth.EduAuth;
import org.eduauth.Token;

/** Java consumer of an installed eduauth: loads libeduauth_jni.so from lib/jni, decodes a vector token. */
public final class Consumer {
  private Consumer() {}

  public static void main(String[] args) {
    // p007-edu-room-user-02 of shared/vectors/token_vectors.json.
    Token token = Token.decode("007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhkn"
        + "Gxgwfg1MjmBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoC"
        + "g/PxdsAJJZTAwA+fAydA==");
    if (!"970CA35de60c44645bbae8a215061b33".equals(token.appId())) {
      System.err.println("java consumer: wrong app_id " + token.appId());
      System.exit(1);
    }
    System.out.println("java consumer ok: eduauth " + EduAuth.version());
  }
}
