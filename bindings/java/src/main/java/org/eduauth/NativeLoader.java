package org.eduauth;

/**
 * Loads libeduauth_jni (which pulls in libeduauth.so.0 from the same folder or the loader
 * path) once per class loader, before the first native call.
 *
 * <p>Lookup: the system property {@code org.eduauth.native.library} (absolute path of the
 * JNI library) when set, otherwise {@code System.loadLibrary("eduauth_jni")}, which searches
 * {@code java.library.path} (on Android: the APK's jniLibs). A failure is reported with an
 * UnsatisfiedLinkError that says which file was looked for, where, and how to fix it.
 */
final class NativeLoader {
  /** System property naming the JNI library file explicitly. */
  static final String LIBRARY_PROPERTY = "org.eduauth.native.library";
  static final String LIBRARY_NAME = "eduauth_jni";

  private static boolean loaded;

  private NativeLoader() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    String explicit = System.getProperty(LIBRARY_PROPERTY);
    try {
      if (explicit != null && !explicit.isEmpty()) {
        System.load(explicit);
      } else {
        System.loadLibrary(LIBRARY_NAME);
      }
    } catch (UnsatisfiedLinkError e) {
      String where = explicit != null && !explicit.isEmpty()
          ? LIBRARY_PROPERTY + "=" + explicit
          : "java.library.path=" + System.getProperty("java.library.path");
      UnsatisfiedLinkError clear = new UnsatisfiedLinkError(
          "eduauth: cannot load the native library " + System.mapLibraryName(LIBRARY_NAME)
              + " (searched " + where + "). Put " + System.mapLibraryName(LIBRARY_NAME)
              + " and libeduauth.so.0 in one folder and pass -Djava.library.path=<folder>, or"
              + " set -D" + LIBRARY_PROPERTY + "=<absolute path of the file>. Cause: "
              + e.getMessage());
      clear.initCause(e);
      throw clear;
    }
    loaded = true;
  }
}
