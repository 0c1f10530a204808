package org.eduauth;

/** Prints the native library version; CTest runs it without the library to check the loader's message. */
public final class PrintVersion {
  private PrintVersion() {}

  public static void main(String[] args) {
    System.out.println("eduauth " + EduAuth.version());
  }
}
