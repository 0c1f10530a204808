package org.eduauth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample token server (eduauth-token-server --port 0) as a child process on 127.0.0.1;
 * its URL comes from the "listening on http(s)://127.0.0.1:PORT" line. Path from the system
 * property EDUAUTH_TOKEN_SERVER (CTest sets it).
 */
final class TokenServer implements AutoCloseable {
  static final String APP_ID = "970CA35de60c44645bbae8a215061b33";
  static final String CERT = "5CFd2fd1755d40ecb72977518be15d3b";

  final Process process;
  final String url;

  TokenServer(String... extraArgs) throws IOException {
    String exe = System.getProperty("EDUAUTH_TOKEN_SERVER");
    if (exe == null || exe.isEmpty()) {
      throw new IllegalStateException("set -DEDUAUTH_TOKEN_SERVER=<path of eduauth-token-server>");
    }
    List<String> cmd = new ArrayList<>(Arrays.asList(exe, "--host", "127.0.0.1", "--port", "0"));
    cmd.addAll(Arrays.asList(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("APP_ID", APP_ID);
    pb.environment().put("APP_CERTIFICATE", CERT);
    process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String found = null;
    for (String line; (line = out.readLine()) != null;) {
      int at = line.indexOf("listening on ");
      if (at >= 0) {
        found = line.substring(at + "listening on ".length()).trim();
        break;
      }
    }
    if (found == null) {
      process.destroyForcibly();
      throw new IOException("eduauth-token-server exited without a listening line");
    }
    url = found;
    // Keep draining stdout (request log) so the server never blocks on a full pipe.
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // discard
        }
      } catch (IOException ignored) {
        // the process is gone
      }
    }, "token-server-stdout");
    drain.setDaemon(true);
    drain.start();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
