package org.eduauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** The shared test vectors (EDUAUTH_SHARED_DIR/vectors/token_vectors.json), read once. */
final class Vectors {
  private static Map<String, Object> root;

  private Vectors() {}

  static synchronized Map<String, Object> root() {
    if (root == null) {
      String dir = System.getProperty("EDUAUTH_SHARED_DIR", System.getenv("EDUAUTH_SHARED_DIR"));
      if (dir == null) {
        throw new IllegalStateException("set -DEDUAUTH_SHARED_DIR=<shared folder> (CTest does)");
      }
      Path file = Paths.get(dir, "vectors", "token_vectors.json");
      try {
        root = Json.obj(Json.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }
    return root;
  }

  static List<Object> list(String name) {
    return Json.arr(root().get(name));
  }
}
