package org.eduauth.samples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eduauth.ClientConfig;
import org.eduauth.EduAuth;
import org.eduauth.EduAuthClient;
import org.eduauth.EduAuthException;
import org.eduauth.FetchedToken;
import org.eduauth.LaunchOptionBuilder;
import org.eduauth.Token;

/**
 * The launcher flow in Java: fetch a room-user token from the app's token server, check it,
 * build the classroom launchOption and print it.
 *
 * <pre>
 *   java -Djava.library.path=DIR -cp eduauth.jar:eduauth-samples.jar org.eduauth.samples.Launcher \
 *        (--server URL | --spawn-server PATH-OF-eduauth-token-server) [--room R] [--user U] [--role N]
 * </pre>
 * Exit codes: 0 launchOption printed, 1 eduauth error (status printed), 2 bad arguments.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    String server = null;
    String spawn = null;
    String room = "demo-room";
    String user = "老师01";
    int role = LaunchOptionBuilder.ROLE_TEACHER;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--server": server = args[i + 1]; break;
        case "--spawn-server": spawn = args[i + 1]; break;
        case "--room": room = args[i + 1]; break;
        case "--user": user = args[i + 1]; break;
        case "--role": role = Integer.parseInt(args[i + 1]); break;
        default:
          System.err.println("unknown option " + args[i]);
          System.exit(2);
      }
    }
    if ((server == null) == (spawn == null)) {
      System.err.println("give exactly one of --server URL or --spawn-server PATH");
      System.exit(2);
    }
    Process child = null;
    if (spawn != null) {
      // Demo only: a local sample token server on an ephemeral loopback port.
      child = new ProcessBuilder(spawn, "--host", "127.0.0.1", "--port", "0")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      for (String line; (line = out.readLine()) != null;) {
        if (line.contains("listening on ")) {
          server = line.substring(line.indexOf("listening on ") + 13).trim();
          break;
        }
      }
    }
    try {
      System.err.println("eduauth " + EduAuth.version() + ", token server " + server);
      try (ClientConfig config = new ClientConfig().serverUrl(server).preset("education");
          EduAuthClient client = new EduAuthClient(config)) {
        FetchedToken fetched = client.get(room, user, role, 10_000);
        String appId;
        try (Token token = Token.decode(fetched.token())) {
          appId = token.appId();
          System.err.println("token " + EduAuth.fingerprint(fetched.token()) + " expires at " + token.expiresAt());
        }
        try (LaunchOptionBuilder launch = new LaunchOptionBuilder()) {
          String json = launch.appId(appId).userUuid(user).userName("Demo teacher").roomUuid(room)
              .roomName("Demo room").roleType(role).roomType(LaunchOptionBuilder.ROOM_SMALL_CLASS)
              .token(fetched.token()).pretest(false).language("en").durationS(1800).build();
          System.out.println(json);
        }
      }
    } catch (EduAuthException e) {
      System.err.println("launch failed: " + e.statusName() + ": " + e.getMessage());
      System.exit(1);
    } finally {
      if (child != null) {
        child.destroy();
      }
    }
  }
}
