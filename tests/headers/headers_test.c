/* <eduauth.h> as an application sees it: the version macros equal their run-time twins. */
#include <eduauth.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  int failures = 0;
  if (strcmp(eduauth_version(), EDUAUTH_VERSION_STRING) != 0) {
    fprintf(stderr, "eduauth_version() = %s, headers say %s\n", eduauth_version(), EDUAUTH_VERSION_STRING);
    failures++;
  }
  if (eduauth_version_number() != EDUAUTH_VERSION_NUMBER) {
    fprintf(stderr, "eduauth_version_number() = %u, headers say %d\n", (unsigned)eduauth_version_number(),
            EDUAUTH_VERSION_NUMBER);
    failures++;
  }
  if (EDUAUTH_OK != 0) failures++;
  printf("eduauth %s (%u): %s\n", eduauth_version(), (unsigned)eduauth_version_number(), failures ? "FAIL" : "ok");
  return failures ? 1 : 0;
}
